package io.capacityctl.aws.cloudwatch;

import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.HAIKU;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.SONNET;
import static io.capacityctl.aws.cloudwatch.MetricsTestConfigs.SONNET_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * The reconcile pass's read through the settled-minutes cache: each pass returns exactly what a
 * fresh adapter (nothing cached: the whole window read) returns on the same CloudWatch, while
 * asking CloudWatch only for the new minutes and the trailing band; a failed read changes nothing.
 * Ranges are the observer's: the recent window, and a window a day and a week back.
 */
class SettledMinutesTest {
  private static final Instant L0 = Instant.parse("2025-03-10T09:00:00Z");
  private static final int BAND = SettledMinutes.BAND_MINUTES;
  private static final int RECENT = 600;
  private static final int PROFILE = 60;
  private static final int HORIZON = 30;
  private static final String ARN_A =
      "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/aaaaaaaaaaaa";
  private static final String ARN_B =
      "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/bbbbbbbbbbbb";
  private static final List<String> KEYS = List.of(SONNET, HAIKU);

  private final Set<String> sonnetArns = new LinkedHashSet<>(List.of(ARN_A));
  private final MetricWorld world = new MetricWorld(L0.plusSeconds(60));
  private final CloudWatchMetricsAdapter cached = adapter();
  private int recent = RECENT;
  // The requests of the last pass's cached read: [passFrom, passTo).
  private int passFrom;
  private int passTo;

  @Test
  void passesMovingJumpingAndChangingArnsReadWhatAWholeReadReadsAndFetchOnlyTheNew() {
    Instant last = L0;
    assertThat(pass(last)).isEqualTo(spans(ranges(last))); // nothing cached: all of it

    Instant next = last.plusSeconds(60);
    assertThat(pass(next)).isEqualTo(step(last, next));
    last = next;
    next = last.plus(Duration.ofMinutes(7));
    assertThat(pass(next)).isEqualTo(step(last, next));
    last = next;
    // A second pass in the same minute reads the band again, nothing else.
    assertThat(pass(last)).isEqualTo(step(last, last));

    // A long gap (a restart of the loop, a stalled pass): still only what is not settled.
    next = last.plus(Duration.ofHours(2));
    List<TimeRange> jumped = pass(next);
    assertThat(jumped).doesNotContain(spans(ranges(next)).get(2)); // the recent window not whole
    last = next;

    // The clock goes back: minutes read since may have been read before they happened.
    next = last.minus(Duration.ofHours(3));
    assertThat(pass(next)).isEqualTo(spans(ranges(next)));
    last = next;
    next = last.plusSeconds(60);
    assertThat(pass(next)).isEqualTo(step(last, next));
    last = next;

    // A new PT: its metrics read whole, the others' only new minutes.
    sonnetArns.add(ARN_B);
    next = last.plusSeconds(60);
    pass(next);
    assertThat(requestedFor(ARN_B)).isEqualTo(spans(ranges(next)));
    assertThat(requestedFor(SONNET_ID)).isEqualTo(step(last, next));
    last = next;

    // A PT forgotten, then known again: dropped from the cache, so read whole again.
    sonnetArns.remove(ARN_A);
    next = last.plusSeconds(60);
    assertThat(pass(next)).isEqualTo(step(last, next));
    last = next;
    sonnetArns.add(ARN_A);
    next = last.plusSeconds(60);
    pass(next);
    assertThat(requestedFor(ARN_A)).isEqualTo(spans(ranges(next)));
  }

  @Test
  void aLateDatapointOrARevisedValueInsideTheBandIsReadButOlderMinutesAreSettled() {
    Instant last = L0;
    Instant late = last.minus(Duration.ofMinutes(5));
    Instant revised = last.minus(Duration.ofMinutes(BAND - 3));
    Instant settled = last.minus(Duration.ofMinutes(BAND + 10));
    for (Instant m : List.of(late, revised, settled)) {
      world.set("InvocationThrottles", ARN_A, m, 1);
    }
    world.remove("InvocationThrottles", SONNET_ID, late);
    world.set("InvocationThrottles", SONNET_ID, revised, 7);
    world.set("InvocationThrottles", SONNET_ID, settled, 7);
    MinuteSeries first = recentOf(cached.read(KEYS, ranges(last), serving()));
    assertThat(throttlesAt(first, late)).isEqualTo(1.0);

    world.set("InvocationThrottles", SONNET_ID, late, 40);
    world.set("InvocationThrottles", SONNET_ID, revised, 9);
    world.set("InvocationThrottles", SONNET_ID, settled, 9);
    Instant next = last.plusSeconds(60);
    MinuteSeries got = recentOf(cached.read(KEYS, ranges(next), serving()));
    MinuteSeries whole = recentOf(adapter().read(KEYS, ranges(next), serving()));

    assertThat(throttlesAt(got, late)).isEqualTo(41.0).isEqualTo(throttlesAt(whole, late));
    assertThat(throttlesAt(got, revised)).isEqualTo(10.0).isEqualTo(throttlesAt(whole, revised));
    // Older than the band, a minute read is settled: a change there is not read again (the cost
    // of not re-reading the week; BAND_MINUTES says why the band is long enough).
    assertThat(throttlesAt(got, settled)).isEqualTo(8.0);
    assertThat(throttlesAt(whole, settled)).isEqualTo(10.0);
  }

  @Test
  void aReadFailingOnItsSecondCallLeavesTheCacheAsItWas() {
    Instant last = L0;
    pass(last);
    Instant next = last.plusSeconds(60);
    world.failRequest(1);
    int before = world.requestCount();
    assertThatThrownBy(() -> cached.read(KEYS, ranges(next), serving()))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.THROTTLING));
    assertThat(world.spansRequested(before)).hasSize(2); // the first call had succeeded

    // Had the first call's minutes been kept, the retry would not ask for them again.
    assertThat(pass(next)).isEqualTo(step(last, next));
  }

  @Test
  void aReadCloudWatchAnswersOnlyPartlyLeavesTheCacheAsItWas() {
    Instant last = L0;
    pass(last);
    Instant next = last.plus(Duration.ofMinutes(3));
    world.answerWith(StatusCode.PARTIAL_DATA);
    assertThatThrownBy(() -> cached.read(KEYS, ranges(next), serving()))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.UNAVAILABLE));

    world.answerWith(StatusCode.COMPLETE);
    assertThat(pass(next)).isEqualTo(step(last, next));
  }

  @Test
  void minutesAServingPtHasNotReportedYetStayGapsUntilItsDatapointsLand() {
    Instant last = L0;
    List<Instant> lateMinutes = List.of(last.minusSeconds(120), last.minusSeconds(60), last);
    for (Instant m : lateMinutes) {
      for (String metric :
          List.of("InputTokenCount", "OutputTokenCount", "Invocations", "InvocationThrottles")) {
        world.remove(metric, ARN_A, m);
      }
    }
    pass(last);
    MinuteSeries sonnet = recentOf(cached.read(KEYS, ranges(last), serving()));
    for (Instant m : lateMinutes) {
      assertThat(sonnet.missing(indexOf(sonnet, m))).as("minute %s", m).isTrue();
    }

    for (Instant m : lateMinutes) {
      world.set("InputTokenCount", ARN_A, m, 1000);
      world.set("OutputTokenCount", ARN_A, m, 500);
    }
    Instant next = last.plusSeconds(60);
    world.publishTo(next.plusSeconds(60));
    pass(next);
    MinuteSeries landed = recentOf(cached.read(KEYS, ranges(next), serving()));
    for (Instant m : lateMinutes) {
      assertThat(landed.missing(indexOf(landed, m))).as("minute %s", m).isFalse();
    }
  }

  @Test
  void minutesReadWhileTheClockWasAheadAreReadAgainOnceItIsPutBack() {
    // The clock runs three hours ahead: the minutes up to then are read before they happen.
    cached.read(KEYS, ranges(L0.plus(Duration.ofHours(3))), serving());
    Instant now = L0.plus(Duration.ofHours(1));
    world.publishTo(now.plusSeconds(60));

    assertSameRead(
        cached.read(KEYS, ranges(now), serving()), adapter().read(KEYS, ranges(now), serving()));
  }

  @Test
  void minutesBeforeTheLatestReadsEarliestRangeAreForgotten() {
    Instant end = L0.plusSeconds(60);
    TimeRange wide = new TimeRange(end.minus(Duration.ofMinutes(600)), end);
    TimeRange narrow = new TimeRange(end.minus(Duration.ofMinutes(60)), end);
    cached.read(KEYS, List.of(wide), serving());
    cached.read(KEYS, List.of(narrow), serving());

    int before = world.requestCount();
    cached.read(KEYS, List.of(wide), serving());
    assertThat(world.spansRequested(before))
        .containsExactly(
            new TimeRange(wide.from(), narrow.from()),
            new TimeRange(end.minus(Duration.ofMinutes(BAND)), end));
  }

  /**
   * A read hands out only the minutes of its ranges, as a whole read does: a minute kept from an
   * earlier, wider read that falls between them would make a routed PT silent since then look late.
   */
  @Test
  void aSettledMinuteBetweenTheRangesIsNotPartOfTheRead() {
    Instant last = L0;
    Instant between = ranges(last).get(0).from().minus(Duration.ofHours(3));
    world.silence(ARN_A);
    world.set("Invocations", ARN_A, between, 5);
    Instant weekStart = ranges(last).get(2).from();
    cached.read(KEYS, List.of(new TimeRange(weekStart, last.plusSeconds(60))), serving());

    check(last); // the read equals a whole read of the ranges
  }

  @Test
  void atTheDefaultBudgetAPassAfterTheFirstAsksForTheNewMinuteAndTheBandNotTheWeek() {
    recent = 10_000; // Planner.recentMinutes at 0.01 %: the day-ago window lies inside it
    int queries = 12; // sonnet: model id and one PT, haiku: model id; four metrics each
    pass(L0);
    assertThat(world.datapointsRequested(passFrom, passTo))
        .isEqualTo(queries * (10_000L + PROFILE + HORIZON));

    pass(L0.plusSeconds(60));
    // Two calls: the week-ago window's new minute; the recent window's new minute and the band.
    assertThat(passTo - passFrom).isEqualTo(2);
    assertThat(world.datapointsRequested(passFrom, passTo)).isEqualTo(queries * (2L + BAND));
  }

  /**
   * Random sequences, twelve seeds of forty passes: steps of up to ten minutes, now and then a gap
   * of hours, a clock that runs hours ahead or behind and is put right, PTs added and dropped,
   * datapoints landing late or revised inside the band, and failed reads (throttled on some call,
   * or answered PartialData). CloudWatch holds the minutes up to the real time, whatever the
   * controller's clock says. Every pass that succeeds returns what a fresh adapter returns, except
   * while the clock runs ahead: then the minutes it reads before they happen are settled as absent
   * (the observer holds on such a clock anyway: its newest minutes are all missing), until the
   * clock is put back.
   */
  @Test
  void randomPassesWithSkewLateDataChurnAndFailuresReadWhatAWholeReadReads() {
    List<String> pool = List.of(ARN_A, ARN_B, ARN_A.replace("aaaa", "cccc"));
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      Instant real = L0.plus(Duration.ofMinutes(random.nextInt(1000)));
      Duration skew = Duration.ZERO;
      for (int p = 0; p < 40; p++) {
        int r = random.nextInt(16);
        if (r == 0 && skew.isZero()) {
          skew = Duration.ofMinutes((random.nextBoolean() ? 1 : -1) * (60 + random.nextInt(1800)));
        } else if (r == 1) {
          skew = Duration.ZERO;
        } else if (r == 2) {
          real = real.plus(Duration.ofHours(1 + random.nextInt(30)));
        } else {
          real = real.plus(Duration.ofMinutes(random.nextInt(11)));
        }
        Instant last = real.plus(skew);
        world.publishTo(real.plusSeconds(60));
        if (random.nextInt(6) == 0) {
          String arn = pool.get(random.nextInt(pool.size()));
          if (!sonnetArns.remove(arn)) {
            sonnetArns.add(arn);
          }
        }
        // Late or revised inside the band (a clock hours off has no band around the real time).
        for (int late = skew.isZero() ? random.nextInt(4) : 0; late > 0; late--) {
          Instant minute = last.minus(Duration.ofMinutes(random.nextInt(BAND)));
          String dimension = random.nextBoolean() ? SONNET_ID : ARN_A;
          world.set("InputTokenCount", dimension, minute, random.nextInt(5000));
        }
        if (random.nextInt(8) == 0) {
          world.failRequest(random.nextInt(3));
          try {
            cached.read(KEYS, ranges(last), serving());
          } catch (CloudException expected) {
            // the next pass must read as if this one never happened
          }
          world.failNone();
        } else if (random.nextInt(12) == 0) {
          world.answerWith(StatusCode.PARTIAL_DATA);
          assertThatThrownBy(() -> cached.read(KEYS, ranges(last), serving()))
              .isInstanceOf(CloudException.class);
          world.answerWith(StatusCode.COMPLETE);
        }
        if (skew.isNegative() || skew.isZero()) {
          check(last);
        } else {
          cached.read(KEYS, ranges(last), serving());
        }
      }
    }
  }

  /**
   * One reconcile pass's read at newest minute {@code last}, checked against a fresh adapter's read
   * of the same CloudWatch; CloudWatch holds the minutes up to {@code last} at least. Returns the
   * spans the cached read asked CloudWatch for.
   */
  private List<TimeRange> pass(Instant last) {
    world.publishTo(max(last.plusSeconds(60), L0.plusSeconds(60)));
    return check(last);
  }

  /** As {@link #pass}, on what CloudWatch holds now. */
  private List<TimeRange> check(Instant last) {
    passFrom = world.requestCount();
    Map<String, List<MinuteSeries>> got = cached.read(KEYS, ranges(last), serving());
    passTo = world.requestCount();
    assertSameRead(got, adapter().read(KEYS, ranges(last), serving()));
    return world.spansRequested(passFrom, passTo);
  }

  /** The spans the last pass's cached read asked for {@code dimension}'s metrics. */
  private List<TimeRange> requestedFor(String dimension) {
    return world.spansRequestedFor(dimension, passFrom, passTo);
  }

  /** What a pass at {@code next} asks for after one at {@code last}: the new minutes, the band. */
  private List<TimeRange> step(Instant last, Instant next) {
    List<TimeRange> was = ranges(last);
    List<TimeRange> now = ranges(next);
    List<TimeRange> out = new ArrayList<>();
    for (int i : new int[] {2, 1}) { // week-ago, then day-ago window: their newest minutes
      if (now.get(i).to().isAfter(was.get(i).to())) {
        out.add(new TimeRange(was.get(i).to(), now.get(i).to()));
      }
    }
    Instant end = now.get(0).to();
    out.add(new TimeRange(was.get(0).to().minus(Duration.ofMinutes(BAND)), end));
    return out;
  }

  /** The observer's ranges (Observer.readDemand): recent, a day back, a week back. */
  private List<TimeRange> ranges(Instant last) {
    return List.of(
        range(last, recent, 0),
        range(last.minus(Duration.ofDays(1)), PROFILE, HORIZON),
        range(last.minus(Duration.ofDays(7)), PROFILE, HORIZON));
  }

  private static TimeRange range(Instant anchor, int before, int after) {
    return new TimeRange(
        anchor.minusSeconds(60L * (before - 1)), anchor.plusSeconds(60L * (1 + after)));
  }

  private static List<TimeRange> spans(List<TimeRange> ranges) {
    return MinuteSpans.of(ranges).ranges();
  }

  private Map<String, Set<String>> serving() {
    return Map.of(SONNET, Set.copyOf(sonnetArns));
  }

  private CloudWatchMetricsAdapter adapter() {
    return new CloudWatchMetricsAdapter(
        world.client,
        MetricsTestConfigs.config(MetricsTestConfigs.ptArnsSource()),
        k -> SONNET.equals(k) ? List.copyOf(sonnetArns) : List.of());
  }

  private static void assertSameRead(
      Map<String, List<MinuteSeries>> got, Map<String, List<MinuteSeries>> expected) {
    assertThat(got.keySet()).containsExactlyElementsOf(expected.keySet());
    Map<String, String> differ = new LinkedHashMap<>();
    expected.forEach(
        (key, series) -> {
          for (int r = 0; r < series.size(); r++) {
            MinuteSeries a = got.get(key).get(r);
            MinuteSeries b = series.get(r);
            if (!a.start().equals(b.start())
                || a.size() != b.size()
                || !a.sameMinutes(0, b, 0, b.size())) {
              differ.put(key + " range " + r, firstDifference(a, b));
            }
          }
        });
    assertThat(differ).as("series that differ from a whole read").isEmpty();
  }

  private static String firstDifference(MinuteSeries a, MinuteSeries b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.sameMinutes(i, b, i, 1)) {
        return "minute "
            + a.start().plusSeconds(60L * i)
            + ": "
            + a.tokens(i)
            + " vs "
            + b.tokens(i);
      }
    }
    return "sizes " + a.size() + " vs " + b.size();
  }

  private static MinuteSeries recentOf(Map<String, List<MinuteSeries>> read) {
    return read.get(SONNET).get(0);
  }

  private static int indexOf(MinuteSeries s, Instant minute) {
    return (int) Duration.between(s.start(), minute).toMinutes();
  }

  private static double throttlesAt(MinuteSeries s, Instant minute) {
    return s.throttles(indexOf(s, minute));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
