package io.capacityctl.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes the per-minute timeline CSV: {@code
 * timestamp,model,demand_tps,target_units,in_service_units,capacity_tps,throttled_tps,ecs_desired_tasks,ecs_running_tasks}.
 * {@code target_units} is what the controller wants to exist after its decision at that minute;
 * {@code capacity_tps} is in-service PT throughput (on-demand headroom not included).
 */
public final class TimelineWriter implements TimelineSink, AutoCloseable {
  public static final String HEADER =
      "timestamp,model,demand_tps,target_units,in_service_units,capacity_tps,throttled_tps,"
          + "ecs_desired_tasks,ecs_running_tasks";
  private final BufferedWriter out;
  private final StringBuilder sb = new StringBuilder(128);

  public TimelineWriter(Writer out) {
    this.out = new BufferedWriter(out, 1 << 16);
    write(HEADER + "\n");
  }

  @Override
  public void row(TimelineRow r) {
    sb.setLength(0);
    sb.append(r.t()).append(',').append(r.model()).append(',');
    sb.append(String.format(Locale.ROOT, "%.1f", r.demand())).append(',');
    sb.append(r.target()).append(',').append(r.inService()).append(',');
    sb.append(String.format(Locale.ROOT, "%.1f,%.1f", r.capacity(), r.throttled())).append(',');
    sb.append(r.ecsDesired()).append(',').append(r.ecsRunning()).append('\n');
    write(sb.toString());
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
