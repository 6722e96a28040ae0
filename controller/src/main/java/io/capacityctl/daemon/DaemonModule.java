package io.capacityctl.daemon;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.health.HealthCheck;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.runtime.ReconcilerFactory;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.waste.WasteReporter;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;

/** The daemon over the controller; with a simulated account, its accelerated traffic too. */
@Module
public abstract class DaemonModule {
  private DaemonModule() {}

  /** Present only on a simulated cloud. */
  @BindsOptionalOf
  abstract SimAccount simAccount();

  @Provides
  @Singleton
  static Daemon daemon(
      RunSettings settings,
      CapacityConfig config,
      ReconcilerFactory reconcilers,
      HealthCheck health,
      WasteReporter waste,
      Clock clock,
      Optional<SimAccount> sim) {
    return new Daemon(
        settings,
        reconcilers.create(settings.holder(), LeaseTerms.forInterval(settings.interval())),
        health,
        waste,
        clock,
        config.timezone(),
        sim.map(a -> new SimulatedTraffic(a, settings)));
  }
}
