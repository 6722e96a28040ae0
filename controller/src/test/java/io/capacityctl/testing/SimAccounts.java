package io.capacityctl.testing;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.planner.Planner;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.ConfigReloader;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.TraceGenerator;

/** The bundled MangaAssist config on a simulated account, for tests across modes. */
public final class SimAccounts {
  /** 17:00 JST on the trace's first day: the evening peak window starts. */
  public static final int EVENING = 17 * 60;

  private SimAccounts() {}

  public static CapacityConfig mangaAssist() {
    try {
      return ConfigLoader.loadResource("schedules/mangaassist.yaml");
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A two-day synthetic MangaAssist account, clock at the trace start. */
  public static SimAccount account() {
    return new SimAccount(mangaAssist(), TraceGenerator.mangaAssist(42, 2));
  }

  /** An account and the reconciler that has been controlling it. */
  public record Running(SimAccount account, Reconciler reconciler) {}

  /** An account that {@code holder} has controlled for half an hour of the evening peak. */
  public static Running running(String holder) {
    SimAccount a = account();
    a.jumpTo(EVENING);
    Reconciler r = reconciler(a, holder);
    a.warmStart(r);
    a.run(r, 30);
    return new Running(a, r);
  }

  /** A reloader that reads the account's own configuration every time: nobody changes it. */
  public static ConfigReloader unchangingConfig(SimAccount a) {
    return Reloaders.unchanging(a.config(), a.clock(), a.telemetry());
  }

  public static Reconciler reconciler(SimAccount a, String holder) {
    CapacityConfig c = a.config();
    return new Reconciler(
        new Planner(c, CapacityCalendar.of(c)),
        a.cloud().ports(),
        a.state(),
        a.leases(),
        a.telemetry(),
        a.clock(),
        holder,
        LeaseTerms.DEFAULT_TTL);
  }
}
