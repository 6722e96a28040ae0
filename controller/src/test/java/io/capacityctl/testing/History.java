package io.capacityctl.testing;

import io.capacityctl.planner.DemandHistory;
import io.capacityctl.reconcile.Observer;
import java.time.Instant;
import java.util.Arrays;

/**
 * Builds the {@link DemandHistory} a pass at {@code now} would read: {@value #MINUTES} minutes of
 * recent demand ending at the newest complete minute (two minutes back, as the Observer reads it).
 * Minutes are addressed by how far back they are (0 = newest).
 */
public final class History {
  /** The recent window built unless told: a day. */
  public static final int MINUTES = 1440;

  private final Instant now;
  private final double[] recent;
  private double[] dayAgo;
  private double[] weekAgo;

  private History(Instant now, double level, int minutes) {
    this.now = now;
    this.recent = new double[minutes];
    Arrays.fill(recent, level);
  }

  /** Every minute at {@code tps}. */
  public static History flat(Instant now, double tps) {
    return new History(now, tps, MINUTES);
  }

  /** Every minute of a recent window {@code minutes} long at {@code tps}. */
  public static History flat(Instant now, double tps, int minutes) {
    return new History(now, tps, minutes);
  }

  /** Every minute missing (CloudWatch returned no datapoint). */
  public static History missing(Instant now) {
    return new History(now, Double.NaN, MINUTES);
  }

  /** The newest {@code minutes} minutes at {@code tps}. */
  public History newest(int minutes, double tps) {
    return span(0, minutes, tps);
  }

  /** {@code minutes} minutes at {@code tps}, the newest of them {@code back} minutes back. */
  public History span(int back, int minutes, double tps) {
    for (int b = back; b < back + minutes; b++) {
      recent[recent.length - 1 - b] = tps;
    }
    return this;
  }

  /** The newest {@code minutes} minutes missing: the metrics stopped arriving. */
  public History missingNewest(int minutes) {
    return newest(minutes, Double.NaN);
  }

  public History weekAgo(double[] profile) {
    this.weekAgo = profile;
    return this;
  }

  public History dayAgo(double[] profile) {
    this.dayAgo = profile;
    return this;
  }

  public DemandHistory build() {
    return new DemandHistory(Observer.newestCompleteMinute(now), recent.clone(), dayAgo, weekAgo);
  }
}
