package io.capacityctl.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which CloudWatch period each part of a backtest's window is read at: the finest still kept for
 * that part's age ({@link Resolution}). A window reaching back past 15 days is read at 5 minutes
 * there and at 1 minute for the last 15 days; past 63 days, hourly. Pure: {@code now} is given.
 *
 * <p>Each boundary sits {@link #MARGIN} inside the retention and on a whole hour: CloudWatch
 * decides the period a call may use by its start time when the call arrives, and rolls old
 * datapoints up on its own schedule, so a part read right at the edge could come back empty. Whole
 * hours are whole periods of every resolution, so the parts join without a hole.
 */
public final class Retention {
  /** How far inside each retention limit a boundary is placed. */
  public static final Duration MARGIN = Duration.ofHours(1);

  /** The longest window a backtest replays (the simulator's and the trace CSV's limit). */
  public static final Duration LONGEST = Duration.ofDays(366);

  /** The shortest window worth a backtest. */
  public static final Duration SHORTEST = Duration.ofHours(1);

  private Retention() {}

  /** One part of the window, read at one period: {@code [from, to)}, both on whole periods. */
  public record Segment(Instant from, Instant to, Resolution resolution) {
    public int minutes() {
      return (int) Duration.between(from, to).toMinutes();
    }

    public int periods() {
      return (int) (Duration.between(from, to).toSeconds() / resolution.periodSeconds());
    }
  }

  /**
   * The parts of {@code [from, to)}, oldest first, each at the finest resolution CloudWatch still
   * keeps for it at {@code now}. The window's start moves forward to its first whole period, its
   * end back to its last.
   *
   * @throws IllegalArgumentException saying what is wrong with the window (too old, too long, too
   *     short, in the future, empty)
   */
  public static List<Segment> plan(Instant from, Instant to, Instant now) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("is empty: " + from + " is not before " + to);
    }
    if (to.isAfter(now)) {
      throw new IllegalArgumentException(to + " is in the future (now " + now + ")");
    }
    Instant oldest = start(Resolution.coarsest(), now);
    if (from.isBefore(oldest)) {
      throw new IllegalArgumentException(
          "reaches back to "
              + from
              + ", "
              + Duration.between(from, now).toDays()
              + " days ago; CloudWatch keeps metrics "
              + Resolution.coarsest().kept().toDays()
              + " days (hourly), so the oldest start is "
              + oldest);
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "spans "
              + Duration.between(from, to).toDays()
              + " days; a backtest replays at most "
              + LONGEST.toDays());
    }
    List<Segment> segments = new ArrayList<>();
    Resolution[] tiers = Resolution.values();
    for (int k = tiers.length - 1; k >= 0; k--) {
      Resolution r = tiers[k];
      Instant tierFrom = start(r, now);
      Instant tierTo = k == 0 ? to : start(tiers[k - 1], now);
      Instant a = ceil(later(from, tierFrom), r);
      Instant b = floor(earlier(to, tierTo), r);
      if (a.isBefore(b)) {
        segments.add(new Segment(a, b, r));
      }
    }
    Duration covered =
        segments.isEmpty()
            ? Duration.ZERO
            : Duration.between(segments.get(0).from(), segments.get(segments.size() - 1).to());
    if (covered.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException(
          "covers "
              + covered.toMinutes()
              + " whole minutes of CloudWatch periods; a backtest needs at least "
              + SHORTEST.toMinutes());
    }
    return segments;
  }

  /** The oldest instant {@code r} is read from at {@code now}: a whole hour, a margin inside. */
  static Instant start(Resolution r, Instant now) {
    return ceil(now.minus(r.kept()).plus(MARGIN), Resolution.ONE_HOUR);
  }

  private static Instant ceil(Instant t, Resolution r) {
    long p = r.periodSeconds();
    long s = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
    return Instant.ofEpochSecond(Math.floorDiv(s + p - 1, p) * p);
  }

  private static Instant floor(Instant t, Resolution r) {
    long p = r.periodSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), p) * p);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
