package io.capacityctl.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The planner's knobs. Every one is optional in YAML; {@link #DEFAULTS} are chosen to serve unseen
 * workloads: they are derived from prices and provisioning time rather than tuned to one trace.
 *
 * @param targetUtilization escalate when observed demand stays above this share of the capacity
 *     that serves without throttling (in-service units plus on-demand headroom)
 * @param escalateAfter how long demand must stay above {@code targetUtilization} to escalate
 * @param scaleDownStabilization scale down only to the highest need seen over this window
 * @param onDemandSafety share of {@code onDemandTps} the planner relies on; the rest is margin for
 *     forecast error
 * @param blockUnits largest PT a scale-up creates (units cannot be resized, so smaller PTs keep a
 *     later scale-down exact)
 * @param ecsTargetUtilization ECS tasks are sized so expected demand uses this share of them
 * @param drainTime how long a PT stays out of the published routing table before it is deleted
 * @param metricsMaxAge observations older than this count as missing (hold, never scale down)
 * @param eventMargin an event's multiplier is a forecast (MangaAssist's 3x release once came at
 *     5x): from one provisioning time before its start until its real level is observed, the event
 *     floor is this share above what the multiplier needs
 * @param throttleBudget the share of tokens the user accepts to see throttled (0.0001 = 0.01 %):
 *     the price the planner puts on a throttled token, so the trade-off between unit spend and
 *     throttling is the user's, not a constant in the code
 */
public record PolicyConfig(
    double targetUtilization,
    Duration escalateAfter,
    Duration scaleDownStabilization,
    double onDemandSafety,
    int blockUnits,
    double ecsTargetUtilization,
    Duration drainTime,
    Duration metricsMaxAge,
    double eventMargin,
    double throttleBudget) {

  /** The default throttle budget: 0.01 % of tokens. */
  public static final double DEFAULT_THROTTLE_BUDGET = 0.0001;

  /**
   * The largest throttle budget accepted: beyond 5 % of tokens throttled is an outage, not a
   * budget.
   */
  public static final double MAX_THROTTLE_BUDGET = 0.05;

  public static final PolicyConfig DEFAULTS =
      new PolicyConfig(
          0.8,
          Duration.ofMinutes(2),
          Duration.ofMinutes(10),
          0.6,
          1,
          0.8,
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          0.3,
          DEFAULT_THROTTLE_BUDGET);

  /**
   * A throttle budget as users write it, in the configuration and on the command line: a fraction
   * ({@code 0.0001}) or a percentage ({@code 0.01%}, read exactly, so it equals {@code 0.0001});
   * null when it is neither. The caller checks the range ({@link #MAX_THROTTLE_BUDGET}).
   */
  public static Double parseThrottleBudget(String text) {
    return parseShare(text);
  }

  /**
   * A share as users write it (a throttle budget, a floor's share of the quota): a fraction or a
   * percentage, read exactly; null when it is neither. The caller checks the range.
   */
  public static Double parseShare(String text) {
    String t = text.strip();
    boolean percent = t.endsWith("%");
    String number = percent ? t.substring(0, t.length() - 1).strip() : t;
    Double v = Scalars.parseNumber(number);
    if (v == null || !percent) {
      return v;
    }
    return new BigDecimal(number).movePointLeft(2).doubleValue();
  }

  /** These settings with another drain time. */
  public PolicyConfig withDrainTime(Duration d) {
    return new PolicyConfig(
        targetUtilization,
        escalateAfter,
        scaleDownStabilization,
        onDemandSafety,
        blockUnits,
        ecsTargetUtilization,
        d,
        metricsMaxAge,
        eventMargin,
        throttleBudget);
  }

  /** These settings with another throttle budget (the frontier runs the planner at several). */
  public PolicyConfig withThrottleBudget(double budget) {
    return new PolicyConfig(
        targetUtilization,
        escalateAfter,
        scaleDownStabilization,
        onDemandSafety,
        blockUnits,
        ecsTargetUtilization,
        drainTime,
        metricsMaxAge,
        eventMargin,
        budget);
  }
}
