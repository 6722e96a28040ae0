package io.capacityctl.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps a simulation's timeline in memory, per model, for reports. */
public final class TimelineRecorder implements TimelineSink {
  private final Instant start;
  private final int minutes;
  private final Map<String, Series> models = new LinkedHashMap<>();
  private final int[] ecsDesired;
  private final int[] ecsRunning;

  /** One model's per-minute values. */
  public record Series(
      double[] demand, int[] target, int[] inService, double[] capacity, double[] throttled) {}

  public TimelineRecorder(Instant start, int minutes) {
    this.start = start;
    this.minutes = minutes;
    this.ecsDesired = new int[minutes];
    this.ecsRunning = new int[minutes];
  }

  @Override
  public void row(TimelineRow r) {
    int i = (int) ((r.t().getEpochSecond() - start.getEpochSecond()) / 60);
    Series s =
        models.computeIfAbsent(
            r.model(),
            k ->
                new Series(
                    new double[minutes],
                    new int[minutes],
                    new int[minutes],
                    new double[minutes],
                    new double[minutes]));
    s.demand[i] = r.demand();
    s.target[i] = r.target();
    s.inService[i] = r.inService();
    s.capacity[i] = r.capacity();
    s.throttled[i] = r.throttled();
    this.ecsDesired[i] = r.ecsDesired();
    this.ecsRunning[i] = r.ecsRunning();
  }

  public Instant start() {
    return start;
  }

  public int minutes() {
    return minutes;
  }

  public Map<String, Series> models() {
    return models;
  }

  public int[] ecsDesired() {
    return ecsDesired;
  }

  public int[] ecsRunning() {
    return ecsRunning;
  }
}
