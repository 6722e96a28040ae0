package io.capacityctl.daemon;

import dagger.BindsInstance;
import dagger.Component;
import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsCloudModule;
import io.capacityctl.aws.AwsPublishedMetricsModule;
import io.capacityctl.aws.AwsTarget;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.runtime.ConfigReloader;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.ControllerModule;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimCloudModule;
import java.util.Optional;
import java.util.function.Function;
import javax.inject.Singleton;

/**
 * The daemon's object graph for one configuration, on AWS or on a simulated account. The daemon
 * outlives it: when a new configuration is taken the graph is built again ({@link LiveGraph}).
 */
public interface DaemonComponent extends ControllerGraph {

  /**
   * The daemon on AWS (an ECS service), its configuration read again as {@code config} says.
   *
   * @param targets the AWS a configuration's graph talks to (its region, the CLI's credentials)
   */
  static Daemon onAws(
      RunSettings settings, ConfigReloader config, Function<CapacityConfig, AwsTarget> targets) {
    return new Daemon(
        settings,
        new LiveGraph(
            config,
            c ->
                DaggerDaemonComponent_OnAws.factory()
                    .create(c, new AwsCloudModule(c), new AwsClientsModule(targets.apply(c)))),
        Optional.empty());
  }

  /** The daemon on a simulated account, on its accelerated clock, fed with its trace. */
  static Daemon onSim(RunSettings settings, ConfigReloader config, SimAccount account) {
    return new Daemon(
        settings,
        new LiveGraph(
            config,
            c -> DaggerDaemonComponent_OnSim.factory().create(new SimCloudModule(account, c))),
        Optional.of(new SimulatedTraffic(account, settings)));
  }

  /** The graph on AWS. */
  @Singleton
  @Component(
      modules = {
        ControllerModule.class,
        AwsCloudModule.class,
        AwsClientsModule.class,
        AwsPublishedMetricsModule.class
      })
  interface OnAws extends DaemonComponent {
    /** Builds the graph for one config. */
    @Component.Factory
    interface Factory {
      OnAws create(
          @BindsInstance CapacityConfig config, AwsCloudModule cloud, AwsClientsModule clients);
    }
  }

  /** The graph on a simulated account. */
  @Singleton
  @Component(modules = {ControllerModule.class, SimCloudModule.class})
  interface OnSim extends DaemonComponent {
    /** Builds the graph over one account. */
    @Component.Factory
    interface Factory {
      OnSim create(SimCloudModule cloud);
    }
  }
}
