package io.capacityctl.sim;

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

  // A deque of {minute, demand}, demand falling from head to tail, in two rings: it never holds
  // more than a week of minutes, and nothing is allocated per minute (the replay's inner loop).
  private final long[] minute = new long[MINUTES];
  private final double[] demand = new double[MINUTES];
  private int head;
  private int size;
  private long now;

  /**
   * Whether {@code demand} at the next minute is busier than every minute of the week before it
   * (any demand is, before the first minute), then counts it. A gap or a value no demand takes is
   * no record and is not counted.
   */
  boolean record(double tps) {
    long at = now++;
    while (size > 0 && minute[head] <= at - MINUTES) {
      head = (head + 1) % MINUTES;
      size--;
    }
    if (!(tps >= 0) || Double.isInfinite(tps)) {
      return false;
    }
    boolean record = size == 0 || tps > demand[head];
    while (size > 0 && demand[(head + size - 1) % MINUTES] <= tps) {
      size--;
    }
    int tail = (head + size) % MINUTES;
    minute[tail] = at;
    demand[tail] = tps;
    size++;
    return record;
  }
}
