package io.capacityctl.sim;

import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * The synthetic traces capacityctl ships, each with the bundled configuration it is meant for. The
 * backtest judges the policy on all of them; other seeds give other traces of the same kind.
 */
public enum Scenario {
  MANGAASSIST("mangaassist", TraceGenerator::mangaAssist),
  US_BUSINESS("us-business", TraceGenerator::usBusinessHours),
  FLAT_HEAVY("flat-heavy", TraceGenerator::flatHeavy),
  BURSTY("bursty", TraceGenerator::bursty);

  private final String label;
  private final BiFunction<Long, Integer, Trace> generator;

  Scenario(String label, BiFunction<Long, Integer, Trace> generator) {
    this.label = label;
    this.generator = generator;
  }

  public String label() {
    return label;
  }

  /** The bundled configuration resource for this trace kind. */
  public String configResource() {
    return "schedules/" + label + ".yaml";
  }

  public Trace generate(long seed, int days) {
    return generator.apply(seed, days);
  }

  /** Parses a label; null when unknown. */
  public static Scenario of(String label) {
    return Arrays.stream(values())
        .filter(s -> s.label.equalsIgnoreCase(label))
        .findFirst()
        .orElse(null);
  }

  @Override
  public String toString() {
    return label;
  }
}
