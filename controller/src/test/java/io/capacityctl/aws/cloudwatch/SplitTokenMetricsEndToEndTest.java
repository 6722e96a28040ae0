package io.capacityctl.aws.cloudwatch;

import static io.capacityctl.aws.cloudwatch.SplitTokenWorld.CHAT;
import static io.capacityctl.aws.cloudwatch.SplitTokenWorld.EMBED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capacityctl.aws.cloudwatch.SplitTokenWorld.Pass;
import io.capacityctl.config.AwsSettings.MetricsSource;
import io.capacityctl.planner.DemandHistory;
import io.capacityctl.planner.ModelDecision;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.reconcile.DegradationLevel;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's "never scales down on a partial view" for CloudWatch's split token metrics, end to
 * end: Bedrock publishes InputTokenCount and OutputTokenCount apart, and the newest minute can hold
 * the input tokens while the output tokens (60 % of a chat model's tokens here) have not landed.
 * Read through the metrics adapter and its settled-minutes cache, the observer, the planner and the
 * actuator ({@link SplitTokenWorld}), such a minute is a gap and never a 60 % drop, neither of the
 * units nor of the ECS tasks sized from the same demand, however long the output lags; the minute
 * is whole once the output lands; an embedding model, which never publishes output tokens, is not
 * waited for. Each under both Bedrock metrics sources: {@code pt-arns} (the chat model's traffic on
 * its routed PTs, series that serve callers) and {@code model-id} (all of it on the model id, a
 * series that serves no one by name).
 */
class SplitTokenMetricsEndToEndTest {
  static final double CHAT_TPS = 20_000;
  static final double EMBED_TPS = 6_000;

  SplitTokenWorld world;
  int chatUnits;
  int tasks;

  /** Steady demand for 40 passes: the units and tasks held are what it needs. */
  private void steadyDemand(String metricsKind) {
    world = new SplitTokenWorld(metricsKind, CHAT_TPS, EMBED_TPS).warmUp(40);
    Pass last = world.passes.get(world.passes.size() - 1);
    // The units held are the forecast's (no schedule floor), all of them in service.
    assertThat(last.decision(CHAT).reason()).startsWith("steady");
    chatUnits = last.inService(CHAT);
    assertThat(last.decision(CHAT).targetUnits()).isEqualTo(chatUnits).isPositive();
    assertThat(world.billedUnits(CHAT)).isEqualTo(chatUnits);
    // So are the tasks: above minTasks, so a misread minute could trim them too.
    tasks = world.desiredTasks();
    assertThat(last.report().plan().ecs().targetTasks()).isEqualTo(tasks);
    assertThat(tasks).isGreaterThan(world.config.ecs().minTasks());
  }

  @ParameterizedTest
  @ValueSource(strings = {MetricsSource.PT_ARNS, MetricsSource.MODEL_ID})
  void aMinuteWithInputTokensButNoOutputTokensYetIsAGapAndTheNextPassReadsItWhole(String source) {
    steadyDemand(source);
    Instant half = world.newestMinuteRead();
    world.holdOutputFrom(half);

    Pass lag = world.step();

    // Nothing scaled down: the units held, none drained, none deleted.
    ModelDecision d = lag.decision(CHAT);
    assertThat(lag.report().failed()).isFalse();
    assertThat(d.targetUnits()).isEqualTo(chatUnits);
    assertThat(d.reason()).startsWith("steady: forecast 20,000 tps");
    assertThat(world.deletes(CHAT)).isZero();
    assertRoutedUnits(CHAT, chatUnits);
    assertTasksHeld(List.of(lag));
    // The planner read the half minute as missing (not 8,000 tps of input tokens) and planned
    // from the complete minutes before it; no ObservedTps is published for it.
    DemandHistory seen = lag.demand(CHAT);
    assertThat(seen.lastMinute()).isEqualTo(half);
    assertThat(seen.recentAt(0)).isNaN();
    assertThat(seen.recentAt(1)).isCloseTo(CHAT_TPS, within(1e-6));
    assertThat(lag.observedTps()).doesNotContainKey(CHAT).containsEntry(EMBED, EMBED_TPS);

    world.landOutput();
    int requests = world.metrics.requestCount();
    Pass landed = world.step();

    // The output landed: the half minute is whole, input plus output, and so is the new one.
    assertThat(landed.demand(CHAT).recentAt(1)).isCloseTo(CHAT_TPS, within(1e-6));
    assertThat(landed.demand(CHAT).recentAt(0)).isCloseTo(CHAT_TPS, within(1e-6));
    assertThat(landed.observedTps()).containsEntry(CHAT, CHAT_TPS);
    assertThat(landed.decision(CHAT).targetUnits()).isEqualTo(chatUnits);
    // The settled-minutes cache did not keep the half minute: the pass read it again (its newest
    // minutes), and nothing older than those.
    List<TimeRange> spans = world.metrics.spansRequested(requests);
    assertThat(spans).anySatisfy(s -> assertThat(contains(s, half)).isTrue());
    assertThat(spans)
        .allSatisfy(
            s -> assertThat(s.minutes()).isLessThanOrEqualTo(SettledMinutes.BAND_MINUTES + 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {MetricsSource.PT_ARNS, MetricsSource.MODEL_ID})
  void outputTokensLaggingPastMetricsMaxAgeHoldTheUnitsUntilTheyLand(String source) {
    steadyDemand(source);
    Instant from = world.newestMinuteRead();
    world.holdOutputFrom(from);

    List<Pass> lagging = world.run(20);

    // Twenty minutes of input tokens alone (8,000 of 20,000 tps) trim nothing.
    assertThat(lagging).noneMatch(p -> p.report().failed());
    assertThat(lagging).extracting(p -> p.decision(CHAT).targetUnits()).containsOnly(chatUnits);
    assertThat(world.deletes(CHAT)).isZero();
    assertThat(world.billedUnits(CHAT)).isEqualTo(chatUnits);
    assertRoutedUnits(CHAT, chatUnits);
    assertTasksHeld(lagging);
    // No minute of the lag was read as 8,000 tps: each pass's newest minute is missing.
    assertThat(lagging).allSatisfy(p -> assertThat(p.demand(CHAT).recentAt(0)).isNaN());
    assertThat(lagging).allSatisfy(p -> assertThat(p.observedTps()).doesNotContainKey(CHAT));
    // Once the newest complete minute is older than metricsMaxAge, the pass says why it holds.
    Pass last = lagging.get(lagging.size() - 1);
    assertThat(last.decision(CHAT).reason())
        .contains("metrics stale since " + from.minus(Duration.ofMinutes(1)))
        .contains("no scale-down on a partial view");
    assertThat(last.decision(CHAT).held()).isTrue();
    assertThat(last.report().degradation()).isEqualTo(DegradationLevel.SCHEDULE_ONLY);
    assertThat(last.report().warnings()).anySatisfy(w -> assertThat(w).contains("schedule-only"));

    world.landOutput();
    Pass landed = world.step();

    // Every minute of the lag is read again, whole: the 21 minutes held are among the newest 30
    // the settled-minutes cache re-reads every pass. The model plans from its demand again.
    DemandHistory seen = landed.demand(CHAT);
    int held = (int) Duration.between(from, seen.lastMinute()).toMinutes() + 1;
    assertThat(held).isEqualTo(21);
    for (int back = 0; back < held; back++) {
      assertThat(seen.recentAt(back)).as("%d minutes back", back).isCloseTo(CHAT_TPS, within(1e-6));
    }
    assertThat(landed.decision(CHAT).reason()).startsWith("steady");
    assertThat(landed.report().degradation()).isEqualTo(DegradationLevel.FULL);
  }

  @ParameterizedTest
  @ValueSource(strings = {MetricsSource.PT_ARNS, MetricsSource.MODEL_ID})
  void anEmbeddingModelsInputTokensAloneAreWholeMinutesAndItStillScalesDown(String source) {
    steadyDemand(source);
    List<Pass> steady = world.run(10);

    // Its newest minute is read every pass: nothing waits for output tokens that never come.
    assertThat(steady)
        .allSatisfy(
            p -> {
              assertThat(p.demand(EMBED).recentAt(0)).isCloseTo(EMBED_TPS, within(1e-6));
              assertThat(p.observedTps()).containsEntry(EMBED, EMBED_TPS);
              assertThat(p.decision(EMBED).reason()).startsWith("steady");
            });
    int embedUnits = world.billedUnits(EMBED);
    assertThat(steady.get(steady.size() - 1).decision(EMBED).targetUnits()).isEqualTo(embedUnits);

    world.demandTps.put(EMBED, EMBED_TPS / 3);
    List<Pass> quieter = world.run(25);

    // A permanent partial view would hold its units forever; demand fell, so it trims.
    assertThat(quieter).noneMatch(p -> p.decision(EMBED).held());
    assertThat(quieter).anySatisfy(p -> assertThat(p.decision(EMBED).reason()).startsWith("trim"));
    assertThat(world.deletes(EMBED)).isPositive();
    assertThat(world.billedUnits(EMBED)).isLessThan(embedUnits);
  }

  /** No pass lowered the ECS tasks: each targets at least those it found, and they are as many. */
  private void assertTasksHeld(List<Pass> passes) {
    assertThat(passes)
        .allSatisfy(
            p ->
                assertThat(p.report().plan().ecs().targetTasks())
                    .isGreaterThanOrEqualTo(p.report().plan().ecs().currentTasks()));
    assertThat(world.desiredTasks()).isGreaterThanOrEqualTo(tasks);
  }

  /** The published routing table routes {@code units} units of the model, none draining. */
  private void assertRoutedUnits(String model, int units) {
    ModelRoutes routes = world.cloud.routes().read().orElseThrow().models().get(model);
    assertThat(routes.routes()).noneMatch(Route::draining);
    assertThat(routes.routes().stream().mapToInt(Route::units).sum()).isEqualTo(units);
  }

  private static boolean contains(TimeRange span, Instant minute) {
    return !minute.isBefore(span.from()) && minute.isBefore(span.to());
  }
}
