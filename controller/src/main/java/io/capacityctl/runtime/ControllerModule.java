package io.capacityctl.runtime;

import dagger.Module;
import dagger.Provides;
import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.health.HealthCheck;
import io.capacityctl.operator.OneOffEvents;
import io.capacityctl.operator.Overrides;
import io.capacityctl.planner.Planner;
import io.capacityctl.planner.Policy;
import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import io.capacityctl.waste.WasteReporter;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The controller itself — planner, health check, waste report, operator actions — over whatever
 * cloud module the component adds (AWS or simulated): the ports, state, lease, telemetry, caller
 * identity, clock and published-metrics history.
 */
@Module
public final class ControllerModule {
  private ControllerModule() {}

  @Provides
  @Singleton
  static Policy policy(CapacityConfig config) {
    return new Planner(config, CapacityCalendar.of(config));
  }

  @Provides
  static HealthCheck healthCheck(
      CapacityConfig config,
      ReconcilerFactory reconcilers,
      StateStore state,
      LeaseManager leases,
      PublishedMetricsApi published,
      TelemetrySink telemetry,
      Clock clock) {
    return new HealthCheck(
        config, reconcilers.observer(), state, leases, published, telemetry, clock);
  }

  @Provides
  static WasteReporter wasteReporter(
      CapacityConfig config,
      CloudPorts cloud,
      PublishedMetricsApi published,
      TelemetrySink telemetry,
      Clock clock) {
    return new WasteReporter(config, cloud.metrics(), published, telemetry, clock);
  }

  @Provides
  static Overrides overrides(
      CapacityConfig config, StateStore state, CallerIdentity caller, Clock clock) {
    return new Overrides(config, state, caller, clock);
  }

  @Provides
  static OneOffEvents events(
      CapacityConfig config, StateStore state, CallerIdentity caller, Clock clock) {
    return new OneOffEvents(config, state, caller, clock);
  }
}
