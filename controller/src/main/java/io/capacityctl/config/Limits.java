package io.capacityctl.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented range of every number and duration in a configuration, and the size limits of the
 * inputs. Each bound is far beyond any real workload yet small enough that nothing downstream
 * overflows, loops for long or buys the whole quota on a typo (issue 16: {@code 1e309} read as
 * Infinity, a multiplier of 30 meant 3.0). The README's ranges table is checked against {@link
 * #documented()}.
 */
public final class Limits {
  private Limits() {}

  // Sizes: a configuration is a few kilobytes (the largest SSM parameter is 8 KB); these bounds
  // keep the YAML parser's time bounded whatever is given to it (an 8 MB quoted string took 25 s).

  /** Characters in a configuration (file, SSM parameter or S3 object). */
  public static final int MAX_CONFIG_CHARS = 128 * 1024;

  /** Characters in one value: the longest legitimate one, a model ARN, is at most 2048. */
  public static final int MAX_SCALAR_CHARS = 2048;

  /** Nesting of maps and lists: a configuration nests five deep. */
  public static final int MAX_NESTING = 16;

  public static final int MAX_MODELS = 100;

  /** Schedule windows: one per hour of the week and then some. */
  public static final int MAX_WINDOWS = 500;

  /** Events in a calendar: the file's and those added with {@code events add}, together. */
  public static final int MAX_EVENTS = 500;

  /**
   * Occurrences a day that the recurring events of a calendar may add together (one every 15
   * minutes): what recurs more often is a schedule window's level. It bounds the work of a calendar
   * lookup, see {@code CapacityCalendar}.
   */
  public static final int MAX_OCCURRENCES_PER_DAY = 96;

  /** An event recurs at most once a minute (capacity is planned minute by minute). */
  public static final Duration MIN_RECURRENCE = Duration.ofMinutes(1);

  /** Characters in an override's or event's reason and in an event's name. */
  public static final int MAX_REASON_CHARS = 500;

  public static final int MAX_EVENT_NAME_CHARS = 64;

  // Ranges.

  public static final Range<Double> TOKENS_PER_SECOND_PER_UNIT = Range.aboveZero(1e6);
  public static final Range<Double> UNIT_HOURLY_USD = Range.closed(0, 10_000);
  public static final Range<Double> ON_DEMAND_USD_PER_1K = Range.closed(0, 100);
  public static final Range<Double> TPS = Range.closed(0, 1e9);

  /** Model units: Bedrock grants tens; 10,000 is far beyond any quota. */
  public static final Range<Long> UNITS = Range.whole(0, 10_000);

  public static final Range<Duration> STARTUP_TIME = Range.positiveDurations(Duration.ofDays(1));
  public static final Range<Double> TOKENS_PER_SECOND_PER_TASK = Range.aboveZero(1e6);

  /** ECS runs at most 5,000 tasks per service (its service quota). */
  public static final Range<Long> MIN_TASKS = Range.whole(0, 5_000);

  public static final Range<Long> MAX_TASKS = Range.whole(1, 5_000);
  public static final Range<Double> TASK_HOURLY_USD = Range.closed(0, 1_000);

  /** How long an event lasts: a minute (the planner's step) to a month. */
  public static final Range<Duration> EVENT_DURATION =
      Range.durations(Duration.ofMinutes(1), Duration.ofDays(31));

  /**
   * An event's multiplier: below 1 is a dip (a holiday), above 1 a surge; beyond 10 times the
   * window's level, give the level itself (a window or an override).
   */
  public static final Range<Double> MULTIPLIER = Range.aboveZero(10);

  public static final Range<Duration> LEAD_TIME =
      Range.durations(Duration.ZERO, Duration.ofDays(7));

  public static final Range<Double> SHARE_ABOVE_ZERO = Range.aboveZero(1);
  public static final Range<Double> SHARE = Range.closed(0, 1);
  public static final Range<Duration> ESCALATE_AFTER =
      Range.durations(Duration.ZERO, Duration.ofHours(1));
  public static final Range<Duration> STABILIZATION =
      Range.durations(Duration.ZERO, Duration.ofDays(1));
  public static final Range<Long> BLOCK_UNITS = Range.whole(1, 10_000);
  public static final Range<Duration> DRAIN_TIME =
      Range.durations(Duration.ZERO, Duration.ofHours(1));
  public static final Range<Duration> METRICS_MAX_AGE =
      Range.positiveDurations(Duration.ofHours(1));
  public static final Range<Double> EVENT_MARGIN = Range.closed(0, 10);
  public static final Range<Double> HOURLY_USD = Range.closed(0, 1e7);
  public static final Range<Double> DAILY_USD = Range.closed(0, 2.4e8);

  /** An hour of units billed for nothing is the most a removed model may cost (docs/orphans.md). */
  public static final Range<Duration> REMOVED_MODEL_GRACE =
      Range.durations(Duration.ZERO, AwsSettings.MAX_REMOVED_MODEL_GRACE);

  /** Every documented range by key, as the README's ranges table lists them. */
  public static Map<String, String> documented() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("models.*.tokensPerSecondPerUnit", TOKENS_PER_SECOND_PER_UNIT.toString());
    d.put("models.*.unitHourlyUsd", UNIT_HOURLY_USD.toString());
    d.put("models.*.onDemandUsdPer1kTokens", ON_DEMAND_USD_PER_1K.toString());
    d.put("models.*.onDemandTps", TPS.toString());
    d.put("models.*.minUnits, maxUnits", UNITS.toString());
    d.put("models.*.provisioningTime", STARTUP_TIME.toString());
    d.put("ecs.tokensPerSecondPerTask", TOKENS_PER_SECOND_PER_TASK.toString());
    d.put("ecs.minTasks", MIN_TASKS.toString());
    d.put("ecs.maxTasks", MAX_TASKS.toString());
    d.put("ecs.taskHourlyUsd", TASK_HOURLY_USD.toString());
    d.put("ecs.startupTime", STARTUP_TIME.toString());
    d.put("schedule[].units.*", "[0, models.*.maxUnits]");
    d.put("schedule[].expectedTps.*", TPS.toString());
    d.put("events[].duration", EVENT_DURATION.toString());
    d.put("events[].multiplier", MULTIPLIER.toString());
    d.put("events[].leadTime", LEAD_TIME.toString());
    d.put("policy.targetUtilization, ecsTargetUtilization", SHARE_ABOVE_ZERO.toString());
    d.put("policy.onDemandSafety", SHARE.toString());
    d.put("policy.escalateAfter", ESCALATE_AFTER.toString());
    d.put("policy.scaleDownStabilization", STABILIZATION.toString());
    d.put("policy.blockUnits", BLOCK_UNITS.toString());
    d.put("policy.drainTime", DRAIN_TIME.toString());
    d.put("policy.metricsMaxAge", METRICS_MAX_AGE.toString());
    d.put("policy.eventMargin", EVENT_MARGIN.toString());
    d.put("policy.throttleBudget", "[0, 5%]");
    d.put("budget.maxHourlyUsd", HOURLY_USD.toString());
    d.put("budget.maxDailyUsd", DAILY_USD.toString());
    d.put("aws.removedModelGrace", REMOVED_MODEL_GRACE.toString());
    return d;
  }
}
