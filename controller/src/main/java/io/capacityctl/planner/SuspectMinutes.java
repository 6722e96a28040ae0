package io.capacityctl.planner;

import io.capacityctl.config.ModelConfig;
import java.util.Arrays;

/**
 * Datapoints no model could have served as demand, set aside: a minute more than {@link #FACTOR}
 * times both the most the model can serve (every unit of its quota plus its on-demand headroom) and
 * the highest demand (minutes not suspect) of the {@link #MEMORY} minutes before it, alone (neither
 * neighbour is such a minute). Several such minutes in a row are demand, however large: a real
 * surge lasts; a counter glitch or a unit mix-up in a metric is one datapoint.
 *
 * <p>A suspect minute is read as missing by the forecast, its burst and noise measures and
 * escalation, and is named in the reasons; the newest minute, whose successor is not read yet, is
 * suspect until the next one confirms it. So one datapoint never buys on its own, and a real surge
 * is seen a minute later.
 *
 * @param history the history with every suspect minute read as missing (NaN)
 * @param count how many minutes of the recent window are suspect
 * @param newestBack minutes before the newest of the newest suspect minute
 * @param value that minute's datapoint, tokens/s
 */
record SuspectMinutes(DemandHistory history, int count, int newestBack, double value) {
  /** How far beyond anything plausible a minute must be to be suspect. */
  static final double FACTOR = 3;

  /** How far back the highest plausible demand is read. */
  static final int MEMORY = 1440;

  /** The suspect minutes of {@code h}'s recent window, or null when there are none. */
  static SuspectMinutes of(DemandHistory h, ModelConfig m) {
    return of(h, m, new Scan());
  }

  /**
   * The suspect minutes of {@code h}'s recent window, or null when there are none, with {@code
   * scan} kept from pass to pass for the model.
   */
  static SuspectMinutes of(DemandHistory h, ModelConfig m, Scan scan) {
    double servable = servable(m);
    // Nothing above FACTOR x servable: nothing can be suspect, and nothing is allocated.
    if (!scan.anyAbove(h, FACTOR * servable)) {
      return null;
    }
    // The window is read in place, and the scan's deque is kept with the memo: while a surge
    // beyond the bound is in a week's window this runs every pass, and allocated four arrays of the
    // window each time.
    double[] b = h.buffer();
    int off = h.from();
    int n = h.length();
    int[] deque = scan.deque(n);
    // A monotonic deque of the indices of minutes that are demand (not suspect) within MEMORY,
    // values decreasing: its head is the highest plausible demand before minute j. Whether minute
    // j - 1 is suspect is known once minute j is measured, so it joins a minute later.
    int head = 0;
    int tail = 0;
    boolean before = false; // whether minute j - 2 is extreme
    boolean last = false; // whether minute j - 1 is
    double[] cleaned = null;
    int count = 0;
    int newest = -1;
    for (int j = 0; j <= n; j++) {
      boolean extreme = false; // whether minute j is
      if (j < n) {
        while (head < tail && deque[head] < j - MEMORY) {
          head++;
        }
        double high = head < tail ? b[off + deque[head]] : 0;
        extreme = b[off + j] > FACTOR * Math.max(servable, high);
      }
      int k = j - 1;
      if (k >= 0) {
        boolean suspect = last && (k == 0 || !before) && (j == n || !extreme);
        double v = b[off + k];
        if (suspect) {
          if (cleaned == null) {
            cleaned = Arrays.copyOfRange(b, off, off + n);
          }
          cleaned[k] = Double.NaN;
          count++;
          newest = k;
        } else if (!Double.isNaN(v)) {
          while (head < tail && b[off + deque[tail - 1]] <= v) {
            tail--;
          }
          deque[tail++] = k;
        }
      }
      before = last;
      last = extreme;
    }
    if (cleaned == null) {
      return null;
    }
    return new SuspectMinutes(
        new DemandHistory(h.lastMinute(), cleaned, h.dayAgo(), h.weekAgo(), h.profileMinutes()),
        count,
        n - 1 - newest,
        b[off + newest]);
  }

  private static double servable(ModelConfig m) {
    return m.maxUnits() * m.tokensPerSecondPerUnit() + m.onDemandTps();
  }

  /**
   * Whether some minute of a window is above a bound, kept from pass to pass like a memo: a week's
   * window is read every pass and almost never holds such a minute, so only the minutes appended
   * since the last pass are scanned ({@link AppendedMinutes}), and the last index above the bound
   * says whether the window still holds one. One per model (one bound).
   */
  static final class Scan {
    private final AppendedMinutes read = new AppendedMinutes();
    private double bound = Double.NaN;
    private int lastAbove = -1; // the last index scanned above the bound
    private int[] deque = new int[0]; // scratch of the full scan

    int[] deque(int n) {
      if (deque.length < n) {
        deque = new int[n];
      }
      return deque;
    }

    synchronized boolean anyAbove(DemandHistory h, double bound) {
      int unread = read.unread(h.lastMinute(), h.buffer(), h.from(), h.length());
      if (read.restarted() || bound != this.bound) {
        unread = h.from();
        lastAbove = -1;
        this.bound = bound;
      }
      double[] buffer = h.buffer();
      for (int i = unread; i < h.from() + h.length(); i++) {
        if (buffer[i] > bound) {
          lastAbove = i;
        }
      }
      return lastAbove >= h.from();
    }
  }

  /** "suspect datapoint 1,000,000 tps 12m back read as missing (1 in the last day)". */
  String describe() {
    return "suspect datapoint "
        + Figures.grouped(value)
        + " tps "
        + (newestBack == 0 ? "in the newest minute" : Figures.integer(newestBack) + "m back")
        + " read as missing ("
        + Figures.integer(count)
        + " in the window)";
  }
}
