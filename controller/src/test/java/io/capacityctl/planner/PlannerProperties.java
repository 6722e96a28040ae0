package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants over random quotas, schedules, events, capacity and demand: targets stay within
 * [max(minUnits, committed), maxUnits], never below what an event in force needs (when the quota
 * allows it), and tasks within [minTasks, maxTasks] and what Bedrock can serve.
 */
class PlannerProperties {
  private static final Instant EVENT_START = Instant.parse("2027-01-06T12:00:00Z");

  /** Random inputs, drawn per try; derived values keep the config valid. */
  private record Scenario(
      CapacityConfig config,
      Instant now,
      ModelState state,
      EcsObservation ecs,
      int floorInForce,
      List<CapacityOverride> overrides) {

    Plan plan() {
      return PlannerFixture.plan(config, now, ecs, overrides, state);
    }

    ModelDecision decision() {
      return plan().models().get("sonnet");
    }
  }

  private static Scenario scenario(
      int minUnits,
      int quotaSpan,
      int scheduledRaw,
      int multiplierTenths,
      int leadMinutes,
      int durationMinutes,
      int offsetMinutes,
      int inService,
      int creating,
      int committedRaw,
      double level,
      double spike,
      int spikeMinutes,
      int missingNewest,
      int tasks,
      int overrideUnits) {
    int maxUnits = minUnits + quotaSpan;
    int scheduled = Math.min(scheduledRaw, maxUnits);
    int committed = Math.min(committedRaw, maxUnits);
    double multiplier = multiplierTenths / 10.0;
    CapacityConfig config =
        TestConfig.sonnet(scheduled)
            .set("sonnet", "minUnits", minUnits)
            .set("sonnet", "maxUnits", maxUnits)
            .ecs()
            .event(
                String.format(
                    "{ name: launch, start: \"%s\", duration: PT%dM, multiplier: %s,"
                        + " leadTime: PT%dM }",
                    EVENT_START, durationMinutes, multiplier, leadMinutes))
            .build();
    Instant now = EVENT_START.plus(Duration.ofMinutes(offsetMinutes));
    // The event is a floor from its lead time until its real level has been observed: one
    // provisioning time (15m) plus the stabilisation window (10m) past its start.
    boolean inForce =
        offsetMinutes >= -leadMinutes && offsetMinutes < Math.min(durationMinutes, 25);
    int floor = inForce ? (int) Math.ceil(scheduled * multiplier - 1e-9) : 0;
    History demand =
        History.flat(now, level).newest(spikeMinutes, spike).missingNewest(missingNewest);
    ModelState state =
        new ModelState(
            "sonnet", inService + committed, creating, committed, 0, demand.build(), null);
    List<CapacityOverride> overrides =
        overrideUnits < 0
            ? List.of()
            : List.of(
                new CapacityOverride(
                    "sonnet",
                    overrideUnits,
                    false,
                    now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofHours(1)),
                    "test",
                    "prop"));
    return new Scenario(
        config, now, state, new EcsObservation(tasks, tasks, tasks, null), floor, overrides);
  }

  @Property(tries = 200)
  void unitTargetsStayWithinMinMaxAndCommitted(
      @ForAll @IntRange(min = 0, max = 5) int minUnits,
      @ForAll @IntRange(min = 0, max = 40) int quotaSpan,
      @ForAll @IntRange(min = 0, max = 45) int scheduled,
      @ForAll @IntRange(min = 10, max = 50) int multiplierTenths,
      @ForAll @IntRange(min = 0, max = 300) int leadMinutes,
      @ForAll @IntRange(min = 1, max = 600) int durationMinutes,
      @ForAll @IntRange(min = -400, max = 700) int offsetMinutes,
      @ForAll @IntRange(min = 0, max = 50) int inService,
      @ForAll @IntRange(min = 0, max = 5) int creating,
      @ForAll @IntRange(min = 0, max = 10) int committed,
      @ForAll @DoubleRange(min = 0, max = 80_000) double level,
      @ForAll @DoubleRange(min = 0, max = 80_000) double spike,
      @ForAll @IntRange(min = 0, max = 30) int spikeMinutes,
      @ForAll @IntRange(min = 0, max = 12) int missingNewest,
      @ForAll @IntRange(min = 0, max = 200) int tasks,
      @ForAll @IntRange(min = -1, max = 100) int overrideUnits) {
    Scenario s =
        scenario(
            minUnits,
            quotaSpan,
            scheduled,
            multiplierTenths,
            leadMinutes,
            durationMinutes,
            offsetMinutes,
            inService,
            creating,
            committed,
            level,
            spike,
            spikeMinutes,
            missingNewest,
            tasks,
            overrideUnits);
    Plan plan = s.plan();
    ModelDecision d = plan.models().get("sonnet");
    int lower = Math.max(minUnits, s.state().committedUnits());

    assertThat(d.targetUnits()).isBetween(lower, minUnits + quotaSpan);
    EcsDecision ecs = plan.ecs();
    assertThat(ecs.targetTasks()).isBetween(4, 160);
    assertThat(ecs.targetTasks()).isLessThanOrEqualTo(Math.max(4, ecs.maxServableTasks()));
  }

  @Property(tries = 200)
  void aModelWhoseUnitsCannotBeReadNeverTakesEcsTasksAway(
      @ForAll @IntRange(min = 4, max = 160) int tasks,
      @ForAll @DoubleRange(min = 0, max = 80_000) double level) {
    CapacityConfig config = TestConfig.sonnet(8).ecs().build();
    Instant now = EVENT_START;
    ModelState unreadable =
        new ModelState(
            "sonnet",
            0,
            0,
            0,
            0,
            History.flat(now, level).build(),
            "PT list failed (bedrock:ListProvisionedModelThroughputs: THROTTLING)");
    Plan plan =
        new Planner(config, CapacityCalendar.of(config))
            .plan(
                new Observation(
                    now,
                    Map.of("sonnet", unreadable),
                    new EcsObservation(tasks, tasks, tasks, null)),
                List.of(),
                now);

    assertThat(plan.ecs().targetTasks()).isGreaterThanOrEqualTo(tasks);
  }

  @Property(tries = 200)
  void unitTargetsNeverFallBelowAnEventInForce(
      @ForAll @IntRange(min = 0, max = 5) int minUnits,
      @ForAll @IntRange(min = 0, max = 60) int quotaSpan,
      @ForAll @IntRange(min = 0, max = 20) int scheduled,
      @ForAll @IntRange(min = 10, max = 50) int multiplierTenths,
      @ForAll @IntRange(min = 0, max = 300) int leadMinutes,
      @ForAll @IntRange(min = 1, max = 600) int durationMinutes,
      @ForAll @IntRange(min = -400, max = 700) int offsetMinutes,
      @ForAll @IntRange(min = 0, max = 50) int inService,
      @ForAll @IntRange(min = 0, max = 5) int creating,
      @ForAll @DoubleRange(min = 0, max = 80_000) double level,
      @ForAll @DoubleRange(min = 0, max = 80_000) double spike,
      @ForAll @IntRange(min = 0, max = 30) int spikeMinutes,
      @ForAll @IntRange(min = 0, max = 12) int missingNewest) {
    Scenario s =
        scenario(
            minUnits,
            quotaSpan,
            scheduled,
            multiplierTenths,
            leadMinutes,
            durationMinutes,
            offsetMinutes,
            inService,
            creating,
            0,
            level,
            spike,
            spikeMinutes,
            missingNewest,
            10,
            -1);

    if (s.floorInForce() <= minUnits + quotaSpan) {
      assertThat(s.decision().targetUnits()).isGreaterThanOrEqualTo(s.floorInForce());
    } else {
      assertThat(s.decision().targetUnits()).isEqualTo(minUnits + quotaSpan);
    }
  }
}
