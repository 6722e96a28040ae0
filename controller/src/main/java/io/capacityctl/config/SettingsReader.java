package io.capacityctl.config;

import java.util.regex.Pattern;

/**
 * Reads the optional {@code policy}, {@code budget} and {@code aws} sections; every key in them is
 * optional and defaults field by field.
 */
final class SettingsReader {
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z]+)+-\\d+");

  private SettingsReader() {}

  static Reader<PolicyConfig> policy() {
    PolicyConfig d = PolicyConfig.DEFAULTS;
    return Fields.map(
        f ->
            new PolicyConfig(
                f.optional(
                    "targetUtilization",
                    Scalars.number(Limits.SHARE_ABOVE_ZERO),
                    d.targetUtilization()),
                f.optional(
                    "escalateAfter", Scalars.duration(Limits.ESCALATE_AFTER), d.escalateAfter()),
                f.optional(
                    "scaleDownStabilization",
                    Scalars.duration(Limits.STABILIZATION),
                    d.scaleDownStabilization()),
                f.optional("onDemandSafety", Scalars.number(Limits.SHARE), d.onDemandSafety()),
                f.optional("blockUnits", Scalars.whole(Limits.BLOCK_UNITS), d.blockUnits()),
                f.optional(
                    "ecsTargetUtilization",
                    Scalars.number(Limits.SHARE_ABOVE_ZERO),
                    d.ecsTargetUtilization()),
                f.optional("drainTime", Scalars.duration(Limits.DRAIN_TIME), d.drainTime()),
                f.optional(
                    "metricsMaxAge", Scalars.duration(Limits.METRICS_MAX_AGE), d.metricsMaxAge()),
                f.optional("eventMargin", Scalars.number(Limits.EVENT_MARGIN), d.eventMargin()),
                f.optional("throttleBudget", throttleBudget(), d.throttleBudget())));
  }

  /** A share of tokens, as a fraction ({@code 0.0001}) or a percentage ({@code "0.01%"}). */
  private static Reader<Double> throttleBudget() {
    double max = PolicyConfig.MAX_THROTTLE_BUDGET;
    return Scalars.scalar(
            "a share of tokens such as 0.0001 or \"0.01%\"", 0.0, PolicyConfig::parseThrottleBudget)
        .where(v -> v >= 0 && v <= max, "in [0, 5%]");
  }

  static Reader<BudgetConfig> budget() {
    return Fields.map(
        f ->
            new BudgetConfig(
                f.optional(
                    "maxHourlyUsd",
                    Scalars.number(Limits.HOURLY_USD),
                    BudgetConfig.NONE.maxHourlyUsd()),
                f.optional(
                    "maxDailyUsd",
                    Scalars.number(Limits.DAILY_USD),
                    BudgetConfig.NONE.maxDailyUsd())));
  }

  /** The {@code aws} section; what it leaves out comes from {@link AwsSettings#defaultsFor}. */
  static Reader<AwsSettings> aws(String configName) {
    AwsSettings d = AwsSettings.defaultsFor(configName);
    return Fields.map(
        f -> {
          AwsSettings aws =
              new AwsSettings(
                  f.optional("region", region(), d.region()),
                  f.optional(
                      "ptNamePrefix",
                      Scalars.name("a PT name prefix", AwsNames::ptNamePrefix),
                      d.ptNamePrefix()),
                  f.optional(
                      "routesParameter",
                      Scalars.name("an SSM parameter name", AwsNames::ssmParameter),
                      d.routesParameter()),
                  f.optional(
                      "stateTable",
                      Scalars.name("a DynamoDB table name", AwsNames::tableName),
                      d.stateTable()),
                  f.optional("metrics", metrics(), d.metrics()),
                  f.optional("adoptFrom", Lists.of(Scalars.configName()), d.adoptFrom()),
                  f.optional(
                      "removedModelGrace",
                      Scalars.duration(Limits.REMOVED_MODEL_GRACE),
                      d.removedModelGrace()));
          f.check(
              !aws.adoptFrom().contains(configName),
              "adoptFrom",
              "must not name this configuration itself ('" + configName + "')");
          f.check(
              aws.adoptFrom().stream().distinct().count() == aws.adoptFrom().size(),
              "adoptFrom",
              "names a configuration twice");
          return aws;
        });
  }

  private static Reader<String> region() {
    return Scalars.scalar(
        "an AWS region such as ap-northeast-1", "", s -> REGION.matcher(s).matches() ? s : null);
  }

  private static Reader<AwsSettings.MetricsSource> metrics() {
    AwsSettings.MetricsSource d = AwsSettings.MetricsSource.DEFAULT;
    return Fields.map(
        f -> {
          AwsSettings.MetricsSource m =
              new AwsSettings.MetricsSource(
                  f.optional("kind", Scalars.oneOf(AwsSettings.MetricsSource.KINDS), d.kind()),
                  f.optional(
                      "namespace",
                      Scalars.name("a CloudWatch namespace", AwsNames::namespaceOrDimension),
                      d.namespace()),
                  f.optional(
                      "metricName",
                      Scalars.name("a CloudWatch metric name", AwsNames::cloudWatchName),
                      d.metricName()),
                  f.optional(
                      "modelDimension",
                      Scalars.name("a CloudWatch dimension name", AwsNames::namespaceOrDimension),
                      d.modelDimension()));
          boolean custom = AwsSettings.MetricsSource.CUSTOM.equals(m.kind());
          for (String key : new String[] {"namespace", "metricName", "modelDimension"}) {
            if (custom && !f.has(key)) {
              f.error(key, "required when kind is custom");
            } else if (!custom && f.has(key)) {
              f.error(key, "only used when kind is custom (kind is " + m.kind() + ")");
            }
          }
          return m;
        });
  }
}
