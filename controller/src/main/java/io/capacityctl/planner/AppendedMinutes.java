package io.capacityctl.planner;

import java.time.Instant;

/**
 * How far a memo kept from pass to pass has read the append-only buffer the recent window lies in
 * (DemandMemory's: a span once handed out is never written again, and index k of a buffer is always
 * the same minute). The window moves on a minute or so each pass, so only the minutes appended
 * since the last pass are new to the memo; a window in another buffer, with another minute at an
 * index, or short of where the last one ended is read whole.
 */
final class AppendedMinutes {
  private double[] buffer;
  private long firstMinute; // the minute of buffer[0], since the epoch
  private int from;
  private int end;
  private boolean restarted;

  /**
   * Records that the memo reads the {@code n} minutes of {@code buffer} from {@code from} on, the
   * newest starting at {@code lastMinute}.
   *
   * @return the first index of them the memo has not read before: {@code from} when it starts
   *     afresh ({@link #restarted} then says so)
   */
  int unread(Instant lastMinute, double[] buffer, int from, int n) {
    long first = Math.floorDiv(lastMinute.getEpochSecond(), 60) - (from + n - 1);
    int end = from + n;
    boolean kept =
        buffer == this.buffer
            && first == this.firstMinute
            && from >= this.from
            && from <= this.end
            && end >= this.end;
    int unread = kept ? this.end : from;
    restarted = !kept;
    this.buffer = buffer;
    this.firstMinute = first;
    this.from = kept ? this.from : from;
    this.end = end;
    return unread;
  }

  /** Whether the last {@link #unread} started afresh: what the memo had read is forgotten. */
  boolean restarted() {
    return restarted;
  }
}
