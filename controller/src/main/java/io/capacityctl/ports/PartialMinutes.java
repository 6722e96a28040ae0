package io.capacityctl.ports;

/**
 * When a model's minute exists: only once every series it sums has reported it, in every token
 * metric it publishes. A model's traffic is a sum over several CloudWatch series (the on-demand
 * model id and each PT ARN with the {@code pt-arns} source; the one model id with {@code
 * model-id}), and CloudWatch, eventually consistent, can hold one series' newest datapoints back
 * while another's are in: summed anyway, 606,000 tokens read as the 6,000 of the on-demand series
 * alone, a 99 % drop the planner would trim on. It lands a series' InputTokenCount and
 * OutputTokenCount apart too: a minute with the input in and the output not is 40 % of a chat
 * model's demand. Such a minute is a gap instead (hold, never trim).
 *
 * <p>Each series is given by two minutes: its <em>complete</em> minute, the newest that every token
 * metric it published in the window has reported, and its <em>newest</em> minute, the newest any of
 * them has. A minute after the complete one is not reported yet:
 *
 * <ul>
 *   <li>up to the newest minute, always, whichever the series: the series was heard from at that
 *       minute or later, so a token metric silent there is late, not idle (a metric the series
 *       never published in the window, an embedding model's OutputTokenCount, is not waited for);
 *   <li>after the newest minute, the series silent in all its metrics: CloudWatch publishes no
 *       datapoint for a minute without traffic, so this silence means "nothing" or "not arrived
 *       yet". For a series that serves callers now (a PT in service and routed) it is read as not
 *       arrived however long it lasts: callers spread requests over every routed PT, so a routed PT
 *       silent while others report is late, never idle. For any other series (the on-demand model
 *       id, a PT drained or deleted since) for {@link #SETTLE_MINUTES} after its newest minute,
 *       after which it has stopped (the spill ended, the PT went).
 * </ul>
 *
 * <p>The settle time counts from the newest minute, not the complete one: it bounds how long a
 * series' silence is read as late, and a series whose input tokens keep landing is not silent. A
 * lag of its output tokens is a partial view for as long as it lasts; past metricsMaxAge the
 * observer reads the model as stale (schedule-only, no scale-down), as for any late series.
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
   * @param offset the index of the range's first minute on the scale the minutes are given in
   * @param complete per series, the index of the newest minute every token metric it published has
   *     reported, in everything read (any range); -1 when it reported none: a series never seen
   *     cannot be told late, and is not counted
   * @param newest per series, the index of the newest minute any of its token metrics has reported
   *     (at least {@code complete}; equal to it for a series whose metrics land together)
   * @param serving per series, whether it serves callers now
   * @return how many minutes were blanked
   */
  public static int blankUnreported(
      double[][] sums, int offset, int[] complete, int[] newest, boolean[] serving) {
    int n = sums[0].length;
    int blanked = 0;
    for (int i = 0; i < n; i++) {
      if (unreported(offset + i, complete, newest, serving)) {
        for (double[] s : sums) {
          s[i] = Double.NaN;
        }
        blanked++;
      }
    }
    return blanked;
  }

  /** Whether some series has not reported minute {@code at} yet. */
  static boolean unreported(long at, int[] complete, int[] newest, boolean[] serving) {
    for (int s = 0; s < complete.length; s++) {
      if (complete[s] >= 0
          && at > complete[s]
          && (serving[s] || at <= (long) newest[s] + SETTLE_MINUTES)) {
        return true;
      }
    }
    return false;
  }
}
