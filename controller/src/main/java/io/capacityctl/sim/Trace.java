package io.capacityctl.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demand in tokens/s per model for consecutive whole minutes from {@code start}, and the history
 * before it: what CloudWatch held when the controller was deployed at {@code start}.
 *
 * @param demand per model key, one value per minute; every array has {@code minutes} values
 * @param history per model key, the minutes just before {@code start}, oldest first: none (an empty
 *     map), or every model of {@code demand} with as many minutes
 */
public record Trace(
    Instant start, int minutes, Map<String, double[]> demand, Map<String, double[]> history) {

  /**
   * History kept at most: the simulated CloudWatch holds a week and a day before the start, the
   * most the controller reads back.
   */
  public static final int MAX_HISTORY_MINUTES = 8 * 1440;

  public Trace {
    demand = Collections.unmodifiableMap(new LinkedHashMap<>(demand));
    history = Collections.unmodifiableMap(new LinkedHashMap<>(history));
    for (Map.Entry<String, double[]> e : demand.entrySet()) {
      if (e.getValue().length != minutes) {
        throw new IllegalArgumentException(
            "model "
                + e.getKey()
                + " has "
                + e.getValue().length
                + " minutes, expected "
                + minutes);
      }
    }
    if (!history.isEmpty() && !history.keySet().equals(demand.keySet())) {
      throw new IllegalArgumentException(
          "history for " + history.keySet() + " but demand for " + demand.keySet());
    }
    int before = history.values().stream().mapToInt(h -> h.length).max().orElse(0);
    for (Map.Entry<String, double[]> e : history.entrySet()) {
      if (e.getValue().length != before || before > MAX_HISTORY_MINUTES) {
        throw new IllegalArgumentException(
            "model " + e.getKey() + " has " + e.getValue().length + " minutes of history");
      }
    }
  }

  /** A trace with nothing before it. */
  public Trace(Instant start, int minutes, Map<String, double[]> demand) {
    this(start, minutes, demand, Map.of());
  }

  public List<String> models() {
    return List.copyOf(demand.keySet());
  }

  public double at(String model, int minute) {
    return demand.get(model)[minute];
  }

  /** Minutes of history before the start. */
  public int historyMinutes() {
    return history.values().stream().mapToInt(h -> h.length).max().orElse(0);
  }

  /** The first {@code days} days of this trace (all of it when shorter), with its history. */
  public Trace firstDays(int days) {
    int keep = (int) Math.min(minutes, days * 1440L);
    Map<String, double[]> cut = new LinkedHashMap<>();
    demand.forEach((m, v) -> cut.put(m, Arrays.copyOf(v, keep)));
    return new Trace(start, keep, cut, history);
  }

  /**
   * This trace deployed {@code minutes} later: its first minutes become history (what CloudWatch
   * holds at the first pass) and the replay starts after them.
   *
   * @throws IllegalArgumentException when nothing would be left to replay, or the history would be
   *     longer than {@link #MAX_HISTORY_MINUTES}
   */
  public Trace afterHistory(int minutes) {
    if (minutes < 0 || minutes >= this.minutes) {
      throw new IllegalArgumentException(
          "a history of " + minutes + " minutes leaves nothing of " + this.minutes + " to replay");
    }
    Map<String, double[]> before = new LinkedHashMap<>();
    Map<String, double[]> after = new LinkedHashMap<>();
    demand.forEach(
        (m, v) -> {
          double[] old = history.isEmpty() ? new double[0] : history.get(m);
          double[] h = Arrays.copyOf(old, old.length + minutes);
          System.arraycopy(v, 0, h, old.length, minutes);
          before.put(m, h);
          after.put(m, Arrays.copyOfRange(v, minutes, v.length));
        });
    return new Trace(
        start.plus(Duration.ofMinutes(minutes)), this.minutes - minutes, after, before);
  }

  /**
   * The history a recorded trace (a file, a real series, CloudWatch's own) is replayed with unless
   * told: its first day, or its first quarter when it is shorter than four days. A recorded trace
   * starts mid-traffic, and a deployed controller reads days of CloudWatch at its first pass;
   * replayed from its first minute, it would be scored on hours no deployment has.
   */
  public int recordedHistoryMinutes() {
    return Math.min(1440, minutes / 4);
  }

  /**
   * This trace replayed as a recorded one is by default: after its {@link #recordedHistoryMinutes}
   * of history (itself when that is none).
   */
  public Trace asRecorded() {
    int h = recordedHistoryMinutes();
    return h == 0 ? this : afterHistory(h);
  }

  /** The same minutes replayed with nothing before them. */
  public Trace withoutHistory() {
    return new Trace(start, minutes, demand);
  }

  public Instant minute(int i) {
    return start.plus(Duration.ofMinutes(i));
  }
}
