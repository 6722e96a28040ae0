package io.capacityctl.ports;

/**
 * When a model's minute exists: only once every series it sums has reported it. A model's traffic
 * is a sum over several CloudWatch series (the on-demand model id and each PT ARN with the {@code
 * pt-arns} source), and CloudWatch, eventually consistent, can hold one series' newest datapoints
 * back while another's are in: summed anyway, 606,000 tokens read as the 6,000 of the on-demand
 * series alone, a 99 % drop the planner would trim on. Such a minute is a gap instead (hold, never
 * trim).
 *
 * <p>CloudWatch publishes no datapoint for a minute without traffic, so a series' silence after its
 * newest datapoint means "nothing" or "not arrived yet". It is read as not arrived:
 *
 * <ul>
 *   <li>for a series that serves callers now (a PT in service and routed): however long it lasts.
 *       Callers spread requests over every routed PT, so a routed PT silent while others report is
 *       late, never idle;
 *   <li>for any other series (the on-demand model id, a PT drained or deleted since): for {@link
 *       #SETTLE_MINUTES}, after which it has stopped (the spill ended, the PT went). A series that
 *       reported a later minute was idle in between, not late.
 * </ul>
 */
public final class PartialMinutes {
  /**
   * How long a series that does not serve callers is read as late after its newest datapoint. With
   * the observer's 2-minute read lag, a series that stops for good (the on-demand spill ends, a PT
   * is drained) never makes a model's newest minute older than the default metricsMaxAge (5
   * minutes): the pass after it stops does not fall back to schedule-only for it.
   */
  public static final int SETTLE_MINUTES = 3;

  private PartialMinutes() {}

  /**
   * Blanks (sets to NaN) the minutes of a model's sums that some series has not reported yet.
   *
   * @param sums the model's per-minute sums over one range (tokens, invocations, throttles), all of
   *     the range's length; written in place
   * @param offset the index of the range's first minute on the scale {@code newest} is given in
   * @param newest per series, the index of its newest datapoint in everything read (any range), -1
   *     when it reported none: a series never seen cannot be told late, and is not counted
   * @param serving per series, whether it serves callers now
   * @return how many minutes were blanked
   */
  public static int blankUnreported(double[][] sums, int offset, int[] newest, boolean[] serving) {
    int n = sums[0].length;
    int blanked = 0;
    for (int i = 0; i < n; i++) {
      if (unreported(offset + i, newest, serving)) {
        for (double[] s : sums) {
          s[i] = Double.NaN;
        }
        blanked++;
      }
    }
    return blanked;
  }

  /** Whether some series has not reported minute {@code at} yet. */
  static boolean unreported(long at, int[] newest, boolean[] serving) {
    for (int s = 0; s < newest.length; s++) {
      if (newest[s] >= 0 && at > newest[s] && (serving[s] || at <= newest[s] + SETTLE_MINUTES)) {
        return true;
      }
    }
    return false;
  }
}
