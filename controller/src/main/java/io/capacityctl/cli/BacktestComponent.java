package io.capacityctl.cli;

import dagger.Component;
import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsHistoryModule;
import io.capacityctl.history.PtArnSources;
import io.capacityctl.ports.MetricsHistoryApi;
import javax.inject.Singleton;

/** {@code capacityctl backtest}'s object graph: read-only clients and the history reader. */
@Singleton
@Component(modules = {AwsClientsModule.class, AwsHistoryModule.class})
interface BacktestComponent {
  MetricsHistoryApi history();

  PtArnSources ptArns();

  /** Builds the graph for one configuration and moment. */
  @Component.Factory
  interface Factory {
    BacktestComponent create(AwsClientsModule clients, AwsHistoryModule history);
  }
}
