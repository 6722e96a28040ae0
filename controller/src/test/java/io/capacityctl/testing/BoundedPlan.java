package io.capacityctl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.Planner;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.Trace;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a pass for a configuration (and added events) on a simulated account and checks the
 * calendar's work against its structural bound, for the generative tests.
 */
public final class BoundedPlan {
  /** Where the simulated account's clock starts. */
  public static final Instant T0 = Instant.parse("2027-01-10T00:00:00Z");

  private BoundedPlan() {}

  /**
   * Runs five passes, then measures a {@code plan} (a pass without the lease), then looks the
   * calendar up every half hour for two months: every chunk built examines at most {@link
   * CapacityCalendar#EXAMINED_PER_CHUNK} occurrences and Quartz calls.
   *
   * @return the nanoseconds the {@code plan} took
   */
  public static long plan(CapacityConfig config, List<EventSpec> extra) {
    CapacityCalendar calendar = CapacityCalendar.of(config).withExtraEvents(extra);
    assertThat(calendar.refusedEvents()).as("what the request path accepted").isEmpty();
    Map<String, double[]> demand = new LinkedHashMap<>();
    for (String m : config.modelKeys()) {
      double[] tps = new double[180];
      Arrays.fill(tps, 1500);
      demand.put(m, tps);
    }
    SimAccount account = new SimAccount(config, new Trace(T0, 180, demand));
    Reconciler reconciler =
        new Reconciler(
            new Planner(config, calendar),
            account.cloud().ports(),
            account.state(),
            account.leases(),
            account.telemetry(),
            account.clock(),
            "generated",
            LeaseTerms.DEFAULT_TTL);
    account.warmStart(reconciler);
    account.run(reconciler, 5);

    long t = System.nanoTime();
    PassReport report = reconciler.planOnly();
    long ns = System.nanoTime() - t;

    assertThat(report.plan()).isNotNull();
    for (long minute = 0; minute < 60 * 1440; minute += 30) {
      calendar.expected(config.modelKeys().get(0), T0.plusSeconds(60 * minute));
    }
    assertThat(calendar.occurrencesExamined())
        .isLessThanOrEqualTo(calendar.chunksBuilt() * CapacityCalendar.EXAMINED_PER_CHUNK);
    return ns;
  }
}
