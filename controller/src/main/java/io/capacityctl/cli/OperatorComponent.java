package io.capacityctl.cli;

import dagger.BindsInstance;
import dagger.Component;
import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsCloudModule;
import io.capacityctl.aws.AwsPublishedMetricsModule;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.ControllerModule;
import io.capacityctl.sim.SimCloudModule;
import javax.inject.Singleton;

/** The operator CLI's object graph, on AWS or on a simulated account. */
interface OperatorComponent extends ControllerGraph {

  /** The CLI on AWS. */
  @Singleton
  @Component(
      modules = {
        ControllerModule.class,
        AwsCloudModule.class,
        AwsClientsModule.class,
        AwsPublishedMetricsModule.class
      })
  interface OnAws extends OperatorComponent {
    /** Builds the graph for one config. */
    @Component.Factory
    interface Factory {
      OnAws create(
          @BindsInstance CapacityConfig config, AwsCloudModule cloud, AwsClientsModule clients);
    }
  }

  /** The CLI on a simulated account. */
  @Singleton
  @Component(modules = {ControllerModule.class, SimCloudModule.class})
  interface OnSim extends OperatorComponent {
    /** Builds the graph over one account. */
    @Component.Factory
    interface Factory {
      OnSim create(SimCloudModule cloud);
    }
  }
}
