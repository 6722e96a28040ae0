package io.capacityctl.daemon;

import dagger.BindsInstance;
import dagger.Component;
import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsCloudModule;
import io.capacityctl.aws.AwsPublishedMetricsModule;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.runtime.ControllerModule;
import io.capacityctl.sim.SimCloudModule;
import javax.inject.Singleton;

/** The daemon's object graph, on AWS or on a simulated account. */
public interface DaemonComponent {
  Daemon daemon();

  /** The daemon on AWS (an ECS service). */
  @Singleton
  @Component(
      modules = {
        ControllerModule.class,
        DaemonModule.class,
        AwsCloudModule.class,
        AwsClientsModule.class,
        AwsPublishedMetricsModule.class
      })
  interface OnAws extends DaemonComponent {
    /** Builds the graph for one config. */
    @Component.Factory
    interface Factory {
      OnAws create(
          @BindsInstance CapacityConfig config,
          @BindsInstance RunSettings settings,
          AwsCloudModule cloud,
          AwsClientsModule clients);
    }
  }

  /** The daemon on a simulated account, on its accelerated clock. */
  @Singleton
  @Component(modules = {ControllerModule.class, DaemonModule.class, SimCloudModule.class})
  interface OnSim extends DaemonComponent {
    /** Builds the graph over one account. */
    @Component.Factory
    interface Factory {
      OnSim create(@BindsInstance RunSettings settings, SimCloudModule cloud);
    }
  }
}
