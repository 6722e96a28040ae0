package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.MinuteSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Demand derived with the memory of the last reads must be exactly the demand of every minute
 * derived afresh, however the range moved and whatever changed in what it read.
 */
class DemandMemoryTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final int RANGE = 300;

  /** A CloudWatch of one model: tokens, invocations, throttles per minute, with gaps. */
  private static double[][] cloud(int minutes) {
    Random rnd = new Random(11);
    double[][] c = new double[3][minutes];
    for (int i = 0; i < minutes; i++) {
      c[0][i] = 60_000 + 10_000 * rnd.nextGaussian();
      c[1][i] = 40 + rnd.nextInt(20);
      c[2][i] = i % 37 == 0 ? 1 + rnd.nextInt(9) : 0; // some minutes throttle
      if (i % 101 == 0) {
        c[0][i] = c[1][i] = c[2][i] = Double.NaN; // a missing minute
      }
    }
    return c;
  }

  private static MinuteSeries read(double[][] c, int from, int minutes) {
    return new MinuteSeries(
        T0.plus(Duration.ofMinutes(from)),
        Arrays.copyOfRange(c[0], from, from + minutes),
        Arrays.copyOfRange(c[1], from, from + minutes),
        Arrays.copyOfRange(c[2], from, from + minutes));
  }

  private static double[][] copy(double[][] c) {
    return new double[][] {c[0].clone(), c[1].clone(), c[2].clone()};
  }

  /** The definition: every minute derived on its own. */
  private static double[] fresh(MinuteSeries s) {
    double[] d = new double[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = s.demandTps(i);
    }
    return d;
  }

  private static void assertFresh(DemandMemory m, MinuteSeries s) {
    assertThat(m.demandTps("chat", List.of(s))[0].toArray()).isEqualTo(fresh(s));
  }

  @Test
  void derivesExactlyWhatEveryMinuteGivesAsTheRangeMovesOn() {
    double[][] c = cloud(RANGE + 500);
    DemandMemory m = new DemandMemory();
    for (int from = 0; from + RANGE <= 800; from += 1 + from % 4) {
      assertFresh(m, read(c, from, RANGE));
    }
    // Several ranges of a model, each kept apart from the others: a day's and a short one.
    for (int from = 0; from < 10; from++) {
      MinuteSeries day = read(c, 500 + from, RANGE);
      MinuteSeries shortOne = read(c, from, 5);
      DemandMemory.Span[] d = m.demandTps("chat", List.of(day, shortOne));
      assertThat(d[0].toArray()).isEqualTo(fresh(day));
      assertThat(d[1].toArray()).isEqualTo(fresh(shortOne));
    }
    assertFresh(m, read(c, 500, RANGE));
  }

  @Test
  void derivesAgainWhatWasRevisedInAnyOfTheThreeSeries() {
    double[][] c = cloud(RANGE + 10);
    DemandMemory m = new DemandMemory();
    assertFresh(m, read(c, 0, RANGE));
    int throttled = 37 * 3; // a throttled minute in the overlap: invocations matter there
    for (int k = 0; k < 3; k++) {
      double[][] revised = copy(c);
      revised[k][throttled] += 5;
      MinuteSeries s = read(revised, 1, RANGE);
      double[] kept = m.demandTps("chat", List.of(s))[0].toArray();
      assertThat(kept).isEqualTo(fresh(s));
      assertThat(kept[throttled - 1]).isNotEqualTo(fresh(read(c, 1, RANGE))[throttled - 1]);
      assertFresh(m, read(c, 1, RANGE)); // and back to what it was
    }
    // A gap filled in late.
    double[][] filled = copy(c);
    filled[0][202] = 70_000;
    filled[1][202] = 50;
    filled[2][202] = 0;
    assertFresh(m, read(filled, 2, RANGE));
  }

  @Test
  void derivesWholeWhatDidNotMoveOnByWholeMinutes() {
    double[][] c = cloud(RANGE + 200);
    DemandMemory m = new DemandMemory();
    assertFresh(m, read(c, 100, RANGE));
    assertFresh(m, read(c, 40, RANGE)); // a clock set back
    MinuteSeries offMinute =
        new MinuteSeries(
            T0.plus(Duration.ofMinutes(41)).plusSeconds(30),
            Arrays.copyOfRange(c[0], 41, 41 + RANGE),
            Arrays.copyOfRange(c[1], 41, 41 + RANGE),
            Arrays.copyOfRange(c[2], 41, 41 + RANGE));
    assertFresh(m, offMinute);
    assertFresh(m, read(c, 199, RANGE)); // further on than a whole range
  }

  @Test
  void aSpanOnceHandedOutNeverChangesAsTheRangeMovesOnFillsAndRefills() {
    // Many passes, a revision now and then (derived whole), the buffer filling and moving on: every
    // span handed out still holds what was derived for it, as the planner's memory reads it later.
    double[][] c = cloud(RANGE + 3 * RANGE);
    DemandMemory m = new DemandMemory();
    List<DemandMemory.Span> spans = new java.util.ArrayList<>();
    List<double[]> expected = new java.util.ArrayList<>();
    for (int from = 0; from + RANGE <= 3 * RANGE; from += 1 + from % 3) {
      double[][] read = from % 97 == 5 ? copy(c) : c;
      if (read != c) {
        read[0][from + RANGE / 2] += 1_000; // revised inside the overlap
      }
      MinuteSeries s = read(read, from, RANGE);
      DemandMemory.Span span = m.demandTps("chat", List.of(s))[0];
      spans.add(span);
      expected.add(fresh(s));
    }
    for (int k = 0; k < spans.size(); k++) {
      assertThat(spans.get(k).toArray()).as("span %d", k).isEqualTo(expected.get(k));
    }
  }
}
