package io.capacityctl.planner;

import io.capacityctl.time.Minutes;
import java.time.Instant;
import java.util.Arrays;

/**
 * How far one model's demand outran what its recent level said a provisioning time earlier, over
 * the recent window (two days to a week: {@link Planner#recentMinutes}), and the headroom a
 * throttle budget asks for on top of the forecast.
 *
 * <p>Each minute's excess is its demand minus the median of the {@link
 * DemandForecast#LEVEL_MINUTES} minutes that ended {@code lag} minutes before it — the forecast's
 * own level, read when a unit bought for that minute had to be ordered: minute noise, bursts,
 * spikes, surges and ramps nobody could buy for in time, each in proportion to how often it came
 * and how far it rose. {@link #headroom} is the smallest x such that, had capacity been that level
 * plus x, the throttled tokens would have been at most {@code budget} of the tokens — over the
 * minutes whose level then was near the level now, weighted by how near (a triangle in log level, a
 * factor of {@link #LEVEL_FACTOR} wide on each side, wider when too few minutes were that near).
 * Excess depends on the level (a count of a few requests a minute strays by multiples of itself,
 * heavy traffic by a few percent), so a quiet night's is not applied to a busy evening, nor the
 * other way round; and the weights move smoothly with the level, so where enough minutes lie near
 * it the headroom does not jump from one pass to the next. Where fewer do (a level new to the
 * window), the triangle is widened by doubling until {@link #LEVEL_SAMPLE} (a day's minutes) weigh
 * in: a level is read from its own minutes alone only once it has been seen for as long as a day,
 * the shortest span in which its bursts have had their chance to show. Until then the neighbouring
 * levels' excesses stand in for the ones it has not shown yet (traffic that vanished and returns in
 * bursts; a forecast falling to a level the window holds an hour of). The triangle narrows in a
 * step as minutes at the new level accumulate, so the headroom can fall at once, a day after the
 * level came rather than an hour (docs/benchmarks.md: an hour left grok-asg's and
 * tweets-two-models' budget unmet).
 *
 * <p>So a short spike holds capacity only while the window remembers it and only as far as its
 * tokens outweigh the budget: the smaller its share of the tokens, the less of it is covered; a
 * budget of 0 holds for the window's largest excess at that level.
 *
 * <p>It is kept from pass to pass like a memo: the window moves on a minute or so each pass and a
 * minute's excess reads only minutes before it, so only the newest are measured; a window that is
 * not the last one moved on with the same data (a gap, a revised datapoint, a restart) is measured
 * whole. The result is the same either way (up to the rounding of equal excesses summed in another
 * order): this remembers work, never a decision.
 */
final class Deviations {
  /** Fewer minutes than this (in weight) say nothing about the tail: the headroom is then 0. */
  static final int MIN_SAMPLE = 60;

  /**
   * Minutes (in weight) near a level that its tail is read from alone: a day. Fewer, and the
   * triangle widens to the neighbouring levels. An hour (the {@link #MIN_SAMPLE} it was) trusted a
   * level new to the window too soon: on the development seeds, grok-asg throttled up to 0.0141 %
   * within the quota and tweets-two-models 0.0122 % at a 0.01 % budget; with a day, 0.0042 % and
   * 0.0007 %, for 0-3 % more cost.
   */
  static final int LEVEL_SAMPLE = 1440;

  /** A minute whose level is this factor from the level now weighs nothing (the first try). */
  static final double LEVEL_FACTOR = 4;

  private final int lag;
  private final double resolution;
  private final int start; // the first index of a window whose excess can be measured
  private final int bulk; // more minutes than this measured at once are sorted together

  private Instant lastMinute;
  private double[] buffer; // the last window read: n minutes from from on
  private int from;
  private int n;

  /**
   * @param lag minutes between ordering a unit and its serving: the model's provisioning time
   * @param resolution tokens/s below which levels are not told apart: one unit's throughput
   */
  Deviations(int lag, double resolution) {
    this(lag, resolution, BULK);
  }

  /** With {@code bulk} set: tests hold sorting together to inserting one by one. */
  Deviations(int lag, double resolution, int bulk) {
    this.lag = lag;
    this.resolution = Math.max(1, resolution);
    this.start = lag + DemandForecast.LEVEL_MINUTES;
    this.bulk = bulk;
  }

  /** Levels told apart down to 1 token/s (tests of the reading itself). */
  Deviations(int lag) {
    this(lag, 1);
  }

  /**
   * The log of a level as the weights read it. Levels below one unit's throughput are one level:
   * capacity is bought a unit at a time, so a night at 1 token/s and one at 50 differ in nothing a
   * unit could serve, and a burst seen over either is the other's too (read apart, a burst over 50
   * tokens/s was 4 factors of level away from an idle 1 token/s and held nothing for it).
   */
  private double logLevel(double level) {
    return Math.log(Math.max(resolution, level));
  }

  // Measured minutes, oldest first: minute since the epoch, excess (NaN: none), log of the level.
  private long[] minutes = new long[0];
  private double[] excess = new double[0];
  private double[] logLevel = new double[0];
  private int head;
  private int size;
  // The present minutes sorted by excess, with their demand and log level.
  private double[] sortedExcess = new double[0];
  private double[] sortedDemand = new double[0];
  private double[] sortedLog = new double[0];
  private int sorted;
  // Per level bin (BIN wide in log level): the present minutes' demand in milli-tokens/s (whole
  // numbers, so a sum kept up to date minute by minute equals one made afresh) and their count.
  private final long[] binMilli = new long[BINS];
  private final int[] binCount = new int[BINS];
  private final double[] binWeight = new double[BINS]; // scratch, per level read

  /**
   * Width of a level bin in log level (about 4.4 %): the weights are read per bin, so a level read
   * costs a few dozen bins rather than every minute of the window.
   */
  static final double BIN = Math.log(2) / 16;

  /**
   * Demand above this (a trillion tokens/s) is no demand at all but a broken datapoint: read as a
   * gap, so no sum overflows and no headroom is made of it.
   */
  static final double MAX_TPS = 1e12;

  /** Bins up to about 3.6 billion tokens/s; anything above shares the last. */
  static final int BINS = 512;

  static int binOf(double log) {
    return Math.min(BINS - 1, (int) (log / BIN));
  }

  /**
   * The headroom in tokens/s for {@code budget} at {@code level} tokens/s over the {@code n}
   * minutes of {@code buffer} from {@code from} on, whose newest starts at {@code lastMinute}:
   * never negative; 0 while fewer than {@link #MIN_SAMPLE} minutes were measured ({@link
   * #readsTail} says which).
   */
  synchronized double headroom(
      Instant lastMinute, double[] buffer, int from, int n, double level, double budget) {
    update(lastMinute, buffer, from, n);
    borrowed = false;
    if (sorted < MIN_SAMPLE) {
      return 0;
    }
    // Capacity never falls as the forecast rises: an excess seen at a lower level (a burst on a
    // quiet hour) can come at a higher one too, so what the levels down to 1/2^LOWER of this one
    // need is held here as well; a higher level's own excess (its noise) is not applied below it.
    double need = level;
    for (int k = 0; k <= LOWER; k++) {
      double at = level / (1 << k);
      double h = headroomAt(at, budget);
      if (at + h > need) {
        need = at + h;
        borrowed = widened;
      }
    }
    return need - level;
  }

  private boolean borrowed; // the last headroom came from a widened read
  private boolean widened; // the last level read was widened

  /**
   * Whether the last headroom came from a level with less than {@link #LEVEL_SAMPLE} minutes near
   * it, read with its neighbours' excesses: a reason says so, since such a headroom can be far
   * larger than what that level itself has shown (traffic that vanished holds for the bursts of the
   * busy days until a day of quiet minutes weighs in).
   */
  synchronized boolean borrowed() {
    return borrowed;
  }

  /** Whether the last window read had enough minutes measured to read the tail from. */
  synchronized boolean readsTail() {
    return sorted >= MIN_SAMPLE;
  }

  /** Levels below the level now whose excess is held for too: down to 1/2^LOWER of it. */
  static final int LOWER = 4;

  /** The headroom the excesses near {@code level} ask for. */
  private double headroomAt(double level, double budget) {
    double at = logLevel(level);
    for (double width = Math.log(LEVEL_FACTOR); ; width *= 2) {
      // Wide enough once enough minutes weigh in; a width past the whole range weighs all alike.
      boolean all = width > BINS * BIN;
      int lo = all ? 0 : binOf(Math.max(0, at - width));
      int hi = all ? BINS - 1 : binOf(at + width);
      double tokens = 0;
      double total = 0;
      for (int b = lo; b <= hi; b++) {
        double w = all ? 1 : Math.max(0, 1 - Math.abs((b + 0.5) * BIN - at) / width);
        binWeight[b] = w;
        tokens += w * binMilli[b];
        total += w * binCount[b];
      }
      if (total >= LEVEL_SAMPLE || all) {
        widened = width > Math.log(LEVEL_FACTOR);
        return headroom(budget * tokens / 1000, lo, hi);
      }
    }
  }

  /**
   * The smallest x >= 0 with sum over minutes of w * (excess - x)+ at most {@code allowed} (the
   * budget's share of the weighted tokens), w the weight of the minute's level bin in [lo, hi],
   * from the largest excess down: between two sorted excesses the shortfall is linear in x, so the
   * answer is found in one walk down the tail.
   */
  private double headroom(double allowed, int lo, int hi) {
    double tail = 0; // weighted excess of the minutes above x
    double weight = 0; // their weight
    int j = next(sorted - 1, lo, hi);
    while (j >= 0) {
      double w = binWeight[binOf(sortedLog[j])];
      tail += w * sortedExcess[j];
      weight += w;
      // With minutes j.. above x, shortfall(x) = tail - x * weight, at most allowed from x on.
      double x = (tail - allowed) / weight;
      int below = next(j - 1, lo, hi);
      if (below < 0 || x >= sortedExcess[below]) {
        return Math.max(0, x);
      }
      j = below;
    }
    return 0;
  }

  /** The sorted index at or below {@code j} of a minute with weight, or -1. */
  private int next(int j, int lo, int hi) {
    while (j >= 0) {
      int b = binOf(sortedLog[j]);
      if (b >= lo && b <= hi && binWeight[b] > 0) {
        return j;
      }
      j--;
    }
    return -1;
  }

  private void update(Instant lastMinute, double[] buffer, int from, int n) {
    long first = Math.floorDiv(lastMinute.getEpochSecond(), 60) - (n - 1); // buffer[from]'s minute
    int shift = shiftSinceLast(lastMinute, buffer, from, n);
    int measureFrom = start;
    if (shift >= 0) {
      while (size > 0 && minutes[head] < first + start) {
        if (!Double.isNaN(excess[head])) {
          removeSorted(excess[head], logLevel[head]);
        }
        head = (head + 1) % minutes.length;
        size--;
      }
      measureFrom = Math.max(start, n - shift);
    } else {
      if (minutes.length < n) {
        minutes = new long[n];
        excess = new double[n];
        logLevel = new double[n];
        sortedExcess = new double[n];
        sortedDemand = new double[n];
        sortedLog = new double[n];
      }
      head = 0;
      size = 0;
      sorted = 0;
      Arrays.fill(binMilli, 0);
      Arrays.fill(binCount, 0);
    }
    // Many minutes at once (the whole window, after a restart or a revised datapoint): sorted
    // together and merged, not inserted one by one (a week inserted so took 20 ms).
    boolean bulk = n - measureFrom > this.bulk;
    int added = 0;
    for (int i = measureFrom; i < n; i++) {
      // i >= start: the level's minutes lie within the window, never before it in the buffer.
      double c =
          DemandForecast.medianRatio(
              buffer, null, from + i - lag - DemandForecast.LEVEL_MINUTES, from + i - lag);
      double d = buffer[from + i];
      // A gap is no excess (nor is a minute whose level then is unknown), and neither is a value
      // no demand can take (negative, infinite, beyond MAX_TPS): it is no evidence of anything.
      boolean plausible = d >= 0 && d <= MAX_TPS && c <= MAX_TPS;
      double e = plausible ? d - c : Double.NaN;
      double log = logLevel(c);
      int at = (head + size) % minutes.length;
      minutes[at] = first + i;
      excess[at] = e;
      logLevel[at] = log;
      size++;
      if (Double.isNaN(e)) {
        continue;
      }
      if (bulk) {
        // Past the sorted ones, in order of minute; placed by mergeAdded.
        sortedExcess[sorted + added] = e;
        sortedDemand[sorted + added] = d;
        sortedLog[sorted + added] = log;
        added++;
      } else {
        insertSorted(e, d, log);
      }
    }
    if (added > 0) {
      mergeAdded(added);
    }
    this.lastMinute = lastMinute;
    this.buffer = buffer; // shared, never written (DemandHistory)
    this.from = from;
    this.n = n;
  }

  /** More minutes than this measured in one pass are sorted together rather than inserted. */
  static final int BULK = 64;

  /**
   * Places the {@code added} minutes held past the sorted ones: sorted by excess, then merged with
   * the sorted ones. Equal excesses may end in another order than inserting would put them in; the
   * headroom does not depend on it (minutes whose excess equals x fall short by nothing at x).
   */
  private void mergeAdded(int added) {
    Integer[] order = new Integer[added];
    for (int k = 0; k < added; k++) {
      order[k] = sorted + k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(sortedExcess[a], sortedExcess[b]));
    double[] e = new double[sortedExcess.length];
    double[] d = new double[e.length];
    double[] log = new double[e.length];
    int i = 0;
    int j = 0;
    for (int at = 0; at < sorted + added; at++) {
      // Double.compare, as the binary searches order them (-0.0 before 0.0).
      boolean fromSorted =
          j == added
              || (i < sorted && Double.compare(sortedExcess[i], sortedExcess[order[j]]) <= 0);
      int from = fromSorted ? i++ : order[j++];
      e[at] = sortedExcess[from];
      d[at] = sortedDemand[from];
      log[at] = sortedLog[from];
      if (!fromSorted) {
        binMilli[binOf(log[at])] += Math.round(d[at] * 1000);
        binCount[binOf(log[at])]++;
      }
    }
    sortedExcess = e;
    sortedDemand = d;
    sortedLog = log;
    sorted += added;
  }

  private void insertSorted(double e, double d, double log) {
    int at = Arrays.binarySearch(sortedExcess, 0, sorted, e);
    at = at < 0 ? -at - 1 : at;
    System.arraycopy(sortedExcess, at, sortedExcess, at + 1, sorted - at);
    System.arraycopy(sortedDemand, at, sortedDemand, at + 1, sorted - at);
    System.arraycopy(sortedLog, at, sortedLog, at + 1, sorted - at);
    sortedExcess[at] = e;
    sortedDemand[at] = d;
    sortedLog[at] = log;
    sorted++;
    binMilli[binOf(log)] += Math.round(d * 1000);
    binCount[binOf(log)]++;
  }

  private void removeSorted(double e, double log) {
    int at = Arrays.binarySearch(sortedExcess, 0, sorted, e);
    if (at < 0) {
      return;
    }
    // Equal excesses sit together: find the one with this curve.
    while (at > 0 && sortedExcess[at - 1] == e) {
      at--;
    }
    while (at < sorted && sortedExcess[at] == e && sortedLog[at] != log) {
      at++;
    }
    if (at == sorted || sortedExcess[at] != e) {
      return;
    }
    binMilli[binOf(log)] -= Math.round(sortedDemand[at] * 1000);
    binCount[binOf(log)]--;
    System.arraycopy(sortedExcess, at + 1, sortedExcess, at, sorted - at - 1);
    System.arraycopy(sortedDemand, at + 1, sortedDemand, at, sorted - at - 1);
    System.arraycopy(sortedLog, at + 1, sortedLog, at, sorted - at - 1);
    sorted--;
  }

  /**
   * How many minutes the window moved on since the last call, or -1 when what overlaps differs (or
   * there is no last call, or it moved on further than it is long).
   */
  private int shiftSinceLast(Instant lastMinute, double[] buffer, int from, int n) {
    if (this.lastMinute == null || this.n != n) {
      return -1;
    }
    long moved = Minutes.after(this.lastMinute, lastMinute);
    if (moved < 0 || moved >= n) {
      return -1;
    }
    int shift = (int) moved;
    // The same minutes of the same buffer (never written once read) are the same datapoints.
    if (buffer == this.buffer && from == this.from + shift) {
      return shift;
    }
    // Same bits, NaN for NaN: a revised or filled-in datapoint is measured again.
    return Arrays.equals(
            this.buffer, this.from + shift, this.from + n, buffer, from, from + n - shift)
        ? shift
        : -1;
  }
}
