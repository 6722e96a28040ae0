package io.capacityctl.cli;

import io.capacityctl.operator.RefusedException;
import io.capacityctl.sim.Trace;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --history}: how much of a trace's start is the CloudWatch history a deployed controller
 * finds at its first pass, rather than minutes to replay. One rule for simulate and backtest.
 */
final class HistoryOption {
  @Option(
      names = "--history",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "The trace's first DURATION is history: in CloudWatch when the controller starts, not"
              + " replayed or counted (every policy and the oracle are scored on the rest). Default:"
              + " 1d for a recorded trace (--trace, a real-shaped --scenario, backtest), or the"
              + " first quarter of one shorter than 4 days; 0 for a synthetic kind. At most 8d.")
  Duration history;

  /**
   * The trace to replay.
   *
   * @param recorded a recorded trace starts mid-traffic; a synthetic kind starts where its
   *     configuration's schedule does, with nothing before it
   * @throws RefusedException naming --history when it is negative, over 8 days, or leaves nothing
   */
  Trace apply(Trace t, boolean recorded) {
    if (history == null) {
      return recorded ? t.asRecorded() : t;
    }
    check(t.minutes());
    long minutes = history.toMinutes();
    return minutes == 0 ? t : t.afterHistory((int) minutes);
  }

  /** What the header adds for the history ("; the first day is history ..."): empty without one. */
  static String note(Trace t) {
    int h = t.historyMinutes();
    if (h == 0) {
      return "";
    }
    return String.format(
        "; the first %s history (in CloudWatch at the first pass, not replayed or scored)",
        h == 1440 ? "day is" : h % 1440 == 0 ? (h / 1440) + " days are" : h + " minutes are");
  }

  /**
   * Refuses a --history that no trace of {@code minutes} minutes could take, before anything is
   * read or written.
   *
   * @throws RefusedException naming --history when it is negative, over 8 days, or leaves nothing
   */
  void check(long minutes) {
    if (history == null) {
      return;
    }
    if (history.isNegative() || history.toMinutes() > Trace.MAX_HISTORY_MINUTES) {
      throw new RefusedException("--history", "must be between 0 and 8d, got " + history);
    }
    if (history.toMinutes() >= minutes) {
      throw new RefusedException(
          "--history",
          history
              + " leaves nothing to replay of a trace of "
              + minutes
              + " minutes; use a shorter history (0 replays every minute)");
    }
  }
}
