package io.capacityctl.waste;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.ports.MetricsApi;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.ports.TimeRange;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The waste report: per model and local hour of day, how much of the provisioned capacity served
 * traffic, and what the rest cost.
 *
 * <p>Where the numbers come from: Bedrock publishes traffic but no capacity, so the capacity
 * history is the controller's own {@code InServiceUnits} metric, published by every reconcile pass
 * (in AWS through EMF into CloudWatch), read back per minute. Per minute: provisioned = units x
 * tokensPerSecondPerUnit, used = min(observed tokens/s, provisioned), wasted dollars = units x
 * unitHourlyUsd / 60 x (1 - used / provisioned). In-service units only: a PT still Creating or
 * draining is billed too, so the dollars are a lower bound. A minute with units in service but no
 * Bedrock datapoint is left out (counted as unobserved), never read as zero traffic. CloudWatch
 * keeps one-minute data for 15 days, so reports reach back at most that far.
 */
public final class WasteReporter {
  public static final Duration WEEK = Duration.ofDays(7);
  public static final Duration MAX_LOOKBACK = Duration.ofDays(15);

  private final CapacityConfig config;
  private final MetricsApi traffic;
  private final PublishedMetricsApi published;
  private final TelemetrySink telemetry;
  private final Clock clock;

  public WasteReporter(
      CapacityConfig config,
      MetricsApi traffic,
      PublishedMetricsApi published,
      TelemetrySink telemetry,
      Clock clock) {
    this.config = config;
    this.traffic = traffic;
    this.published = published;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /**
   * The weekly report: the seven days up to the start of the current hour (whole hours only),
   * published as {@code WeeklyWastedUsd} and {@code WeeklyWasteRatio} per model.
   */
  public WasteReport lastWeek() {
    Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
    WasteReport report = report(to.minus(WEEK), to);
    report
        .models()
        .forEach(
            (key, m) -> {
              Map<String, String> dim = Map.of("Model", key);
              telemetry.put("WeeklyWastedUsd", m.total().wastedUsd(), "None", dim);
              telemetry.put("WeeklyWasteRatio", m.total().wasteRatio(), "None", dim);
            });
    telemetry.flush();
    return report;
  }

  /**
   * The report over [from, to), cut to whole minutes.
   *
   * @throws IllegalArgumentException when the range is empty
   */
  public WasteReport report(Instant from, Instant to) {
    TimeRange range =
        new TimeRange(from.truncatedTo(ChronoUnit.MINUTES), to.truncatedTo(ChronoUnit.MINUTES));
    if (range.minutes() <= 0) {
      throw new IllegalArgumentException("empty range: " + from + " to " + to);
    }
    List<String> keys = config.modelKeys();
    Map<String, List<MinuteSeries>> seen = traffic.read(keys, List.of(range));
    Map<String, double[]> units =
        published.perModel(PublishedMetricsApi.IN_SERVICE_UNITS, keys, range);
    Map<String, ModelWaste> models = new LinkedHashMap<>();
    for (String key : keys) {
      List<MinuteSeries> s = seen.get(key);
      models.put(
          key,
          model(
              config.model(key),
              range,
              s == null || s.isEmpty() ? null : s.get(0),
              units.get(key)));
    }
    return new WasteReport(range.from(), range.to(), config.timezone(), models);
  }

  private ModelWaste model(ModelConfig m, TimeRange range, MinuteSeries traffic, double[] units) {
    List<HourlyWaste> hours = new ArrayList<>(24);
    for (int h = 0; h < 24; h++) {
      hours.add(new HourlyWaste(h, 0, 0, 0, 0, 0));
    }
    int unobserved = 0;
    for (int i = 0; i < range.minutes(); i++) {
      double u = units == null ? Double.NaN : units[i];
      double tokens = traffic == null ? Double.NaN : traffic.tokens(i);
      if (Double.isNaN(u) || (u > 0 && Double.isNaN(tokens))) {
        unobserved++;
        continue;
      }
      double provisioned = u * m.tokensPerSecondPerUnit();
      double observed = Double.isNaN(tokens) ? 0 : tokens / 60;
      double used = Math.min(observed, provisioned);
      double idle = provisioned <= 0 ? 0 : 1 - used / provisioned;
      Instant minute = range.from().plus(Duration.ofMinutes(i));
      int hour = ZonedDateTime.ofInstant(minute, config.timezone()).getHour();
      hours.set(
          hour,
          hours
              .get(hour)
              .plus(
                  new HourlyWaste(
                      hour,
                      1,
                      u / 60,
                      provisioned * 60,
                      used * 60,
                      u * m.unitHourlyUsd() / 60 * idle)));
    }
    return new ModelWaste(m.key(), hours, range.minutes(), unobserved);
  }
}
