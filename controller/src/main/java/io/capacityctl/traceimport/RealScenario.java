package io.capacityctl.traceimport;

import io.capacityctl.config.ConfigException;
import io.capacityctl.sim.Trace;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real-shaped scenarios capacityctl ships: public series nobody here generated (NAB, MIT
 * licence, bundled under {@code schedules/traces/nab/} with its notice), each imported as {@code
 * trace import} would with a fixed recipe, and a configuration written from the trace's first two
 * weeks (or first week, for traces of about two weeks). {@code --seed} seeds the minute noise, so
 * other seeds give the same shape with other minutes. docs/traces.md lists the recipes.
 */
public enum RealScenario {
  TWEETS_FB("tweets-fb", part("chat", "Twitter_volume_FB.csv", ZoneOffset.UTC, 60_000)),
  TWEETS_TWO_MODELS(
      "tweets-two-models",
      part("sonnet", "Twitter_volume_KO.csv", ZoneOffset.UTC, 100_000),
      part("haiku", "Twitter_volume_IBM.csv", ZoneOffset.UTC, 60_000)),
  EC2_NETWORK("ec2-network", part("batch", "ec2_network_in_257a54.csv", ZoneOffset.UTC, 150_000)),
  ASG_CPU(
      "asg-cpu", part("chat", "cpu_utilization_asg_misconfiguration.csv", ZoneOffset.UTC, 40_000)),
  GROK_ASG("grok-asg", part("chat", "grok_asg_anomaly.csv", ZoneOffset.UTC, 40_000)),
  OCCUPANCY(
      "occupancy",
      part("chat", "occupancy_6005.csv", ZoneId.of("America/Chicago"), 60_000)
          .withGaps(Duration.ofHours(4), LongGaps.DAILY));

  private final String label;
  private final List<ImportRecipe> parts;

  RealScenario(String label, ImportRecipe... parts) {
    this.label = label;
    this.parts = List.of(parts);
  }

  public String label() {
    return label;
  }

  /** The bundled configuration resource for this scenario. */
  public String configResource() {
    return "schedules/" + label + ".yaml";
  }

  /** How each model's minutes are imported (seed 0: {@link #trace} sets it). */
  public List<ImportRecipe> recipes() {
    return parts;
  }

  /**
   * The imported trace, with minute noise from {@code seed} (each model its own stream), cut to the
   * first {@code days} days (0: all of it).
   */
  public Trace trace(long seed, int days) throws ConfigException {
    List<TraceImporter.Imported> imported = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      imported.add(TraceImporter.run(parts.get(i).withSeed(seed * 31 + i)));
    }
    Trace t = TraceImporter.combine(imported, label);
    return days > 0 ? t.firstDays(days) : t;
  }

  /** Parses a label; null when unknown. */
  public static RealScenario of(String label) {
    return Arrays.stream(values())
        .filter(s -> s.label.equalsIgnoreCase(label))
        .findFirst()
        .orElse(null);
  }

  /** A 5-minute NAB series of naive timestamps in {@code zone}, its p99 scaled to {@code peak}. */
  private static ImportRecipe part(String model, String file, ZoneId zone, double peak) {
    return ImportRecipe.toPeak("classpath:schedules/traces/nab/" + file, model, zone, peak);
  }

  @Override
  public String toString() {
    return label;
  }
}
