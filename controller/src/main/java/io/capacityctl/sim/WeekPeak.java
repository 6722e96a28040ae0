package io.capacityctl.sim;

import java.util.ArrayDeque;

/**
 * The busiest minute of the week before each minute, so that a minute busier than all of them (a
 * record) is told apart: what no window of past demand held, since the longest window in this
 * repository (capacityctl's headroom, {@code Planner.MAX_RECENT_MINUTES}) is a week. Throttling
 * there says the traffic's tail outgrows its own history rather than that a budget was set too
 * loose: a tighter budget raises the headroom at most to the window's largest excess, which reaches
 * a record only by chance.
 *
 * <p>A monotonic queue: each minute enters once and leaves once, so a month costs a month.
 */
final class WeekPeak {
  static final int MINUTES = 7 * 1440;

  private final ArrayDeque<long[]> minutes = new ArrayDeque<>(); // {minute, demand bits}, falling
  private long now;

  /**
   * Whether {@code demand} at the next minute is busier than every minute of the week before it
   * (any demand is, before the first minute), then counts it. A gap or a value no demand takes is
   * no record and is not counted.
   */
  boolean record(double demand) {
    long at = now++;
    while (!minutes.isEmpty() && minutes.peekFirst()[0] <= at - MINUTES) {
      minutes.pollFirst();
    }
    if (!(demand >= 0) || Double.isInfinite(demand)) {
      return false;
    }
    boolean record = minutes.isEmpty() || demand > Double.longBitsToDouble(minutes.peekFirst()[1]);
    while (!minutes.isEmpty() && Double.longBitsToDouble(minutes.peekLast()[1]) <= demand) {
      minutes.pollLast();
    }
    minutes.addLast(new long[] {at, Double.doubleToLongBits(demand)});
    return record;
  }
}
