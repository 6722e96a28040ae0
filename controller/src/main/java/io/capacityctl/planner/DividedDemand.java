package io.capacityctl.planner;

import io.capacityctl.calendar.CapacityCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * One model's recent demand divided by the multiplier in force at each minute ({@link
 * EventMultipliers}), kept from pass to pass like a memo. A weekly event always lies somewhere in a
 * week's window, so without it every pass would divide the whole window afresh; but a past minute's
 * multiplier never changes and the window moves on a minute or so a pass ({@link AppendedMinutes}),
 * so only the newest minutes are divided. The quotients sit at the same indices as the demand, in a
 * buffer of their own written once per index (a new one when the memo starts afresh), so a span of
 * it once handed out never changes, as a span of the demand never does. The result is the same as
 * dividing afresh: this remembers work, never a decision.
 */
final class DividedDemand {
  private final CapacityCalendar calendar;
  private final String model;
  private final AppendedMinutes read = new AppendedMinutes();
  private double[] divided;
  private int lastTouched = -1; // the last index an event touches, of those divided

  DividedDemand(CapacityCalendar calendar, String model) {
    this.calendar = calendar;
    this.model = model;
  }

  /**
   * The {@code n} minutes of {@code buffer} from {@code from} on, the newest starting at {@code
   * lastMinute}, divided by their multipliers: at the same indices of the returned buffer (read it,
   * never write it); null when no event touches them.
   */
  synchronized double[] of(Instant lastMinute, double[] buffer, int from, int n) {
    int unread = read.unread(lastMinute, buffer, from, n);
    if (read.restarted()) {
      divided = new double[buffer.length];
      lastTouched = -1;
    }
    int end = from + n;
    if (unread < end) {
      System.arraycopy(buffer, unread, divided, unread, end - unread);
      Instant first = lastMinute.minus(Duration.ofMinutes(end - 1 - unread));
      int touched = EventMultipliers.divide(calendar, model, first, divided, unread, end - unread);
      lastTouched = touched < 0 ? lastTouched : unread + touched;
    }
    return lastTouched >= from ? divided : null;
  }
}
