package io.capacityctl.testing;

import io.capacityctl.sim.TimelineRow;
import io.capacityctl.sim.TimelineSink;
import java.util.Arrays;

/**
 * One replay's throttled tokens/s per model-minute, in the order the simulator replays them, and
 * its demand: what the sweep compares minute by minute against the same seed's oracle.
 *
 * <p>The oracle throttles only where demand is beyond the quota (it holds every unit it may, ahead
 * of time): there no policy can serve it. The throttle budget governs the rest, so the issue's
 * claim "throttles no more than its budget where the oracle throttles none" is read minute by
 * minute: a policy's throttled tokens in the minutes where the oracle throttled nothing, as a share
 * of all demand ({@link #percentWhereNone}).
 */
public final class MinuteThrottles implements TimelineSink {
  private double[] throttled = new double[1 << 16];
  private int rows;
  private double demand;

  @Override
  public void row(TimelineRow row) {
    if (rows == throttled.length) {
      throttled = Arrays.copyOf(throttled, rows * 2);
    }
    throttled[rows++] = row.throttled();
    demand += row.demand();
  }

  /**
   * The percentage of {@code policy}'s demand it throttled in model-minutes where {@code oracle}
   * throttled nothing.
   *
   * @throws IllegalArgumentException when the two did not replay the same minutes
   */
  public static double percentWhereNone(MinuteThrottles policy, MinuteThrottles oracle) {
    if (policy.rows != oracle.rows) {
      throw new IllegalArgumentException(
          "not the same replay: " + policy.rows + " against " + oracle.rows + " model-minutes");
    }
    double sum = 0;
    for (int i = 0; i < policy.rows; i++) {
      if (oracle.throttled[i] == 0) {
        sum += policy.throttled[i];
      }
    }
    return policy.demand > 0 ? 100 * sum / policy.demand : 0;
  }
}
