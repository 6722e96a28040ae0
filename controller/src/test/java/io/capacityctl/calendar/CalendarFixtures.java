package io.capacityctl.calendar;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.config.EventSpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;

/** Small configs for calendar tests, written as YAML so they pass the loader's checks. */
final class CalendarFixtures {
  private CalendarFixtures() {}

  /** One model {@code m}; {@code schedule} and {@code events} are YAML list items. */
  static CapacityConfig config(String zone, String schedule, String events) {
    String yaml =
        """
        name: cal
        timezone: %s
        models:
          m:
            modelId: x
            tokensPerSecondPerUnit: 1000
            unitHourlyUsd: 1
            onDemandUsdPer1kTokens: 0.001
            onDemandTps: 0
            maxUnits: 100
            provisioningTime: PT15M
        schedule:
        %s
        events:
        %s
        """
            .formatted(zone, schedule.indent(2).stripTrailing(), events.indent(2).stripTrailing());
    try {
      return ConfigLoader.parse(yaml, "calendar-test.yaml");
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static EventSpec oneOff(String name, String start, Duration duration, double multiplier) {
    return new EventSpec(
        name, null, OffsetDateTime.parse(start), duration, multiplier, Duration.ZERO, Set.of());
  }
}
