package io.capacityctl.planner;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.calendar.EventOccurrence;
import io.capacityctl.calendar.Expectation;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.config.PolicyConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision core: (config, observation, overrides, now) to {@link Plan}. Pure — no I/O, no wall
 * clock — so every trigger (Lambda, daemon, CLI, simulator) plans the same way and every rule is
 * tested at fixed instants.
 *
 * <p>Per model: the schedule and calendar are the expected baseline; observed demand, forecast a
 * provisioning time ahead from its own weekly or daily shape, trims that baseline when traffic does
 * not use it and escalates it when traffic outgrows it. An event in force (from its lead time to
 * its end) is a floor. A partial or stale view never scales down. Last, {@link BudgetCut} fits the
 * scale-ups under the budget unless an override sets the target.
 */
public final class Planner implements Policy {
  /**
   * The fewest minutes of recent demand read each pass, whose excess over the forecast's level sets
   * the headroom (see {@link Deviations}): two days. Two, not one: with one, what came at this hour
   * yesterday leaves the evidence just before it comes again.
   */
  static final int MIN_RECENT_MINUTES = 2 * 1440;

  /** The most: a week (a weekly cycle's worth, and what a pass can read and keep cheaply). */
  static final int MAX_RECENT_MINUTES = 7 * 1440;

  /**
   * Minutes of recent demand the headroom for {@code budget} is read from: at least 1/budget, so
   * that the budget's share of the window is at least one minute's tokens. A window shorter than
   * that cannot tell a tail as thin as the budget: its largest excess is already more than the
   * budget's share, so the headroom covers the window's largest excess and no more, and what came
   * beyond it in the window's absence throttles more than the budget (with two days, real-shaped
   * traffic throttled up to 15 times 0.01 % beyond the oracle, whatever budget was set). Two days
   * to a week.
   */
  static int recentMinutes(double budget) {
    double minutes = Math.ceil(1 / Math.max(budget, 1.0 / MAX_RECENT_MINUTES));
    return (int) Math.max(MIN_RECENT_MINUTES, Math.min(MAX_RECENT_MINUTES, minutes));
  }

  /**
   * The longest a short burst lasts: an excursion younger than this that stays within the headroom
   * is one of the excesses it holds for, not a new level (see {@link #escalation}).
   */
  static final int SHORT_BURST_MINUTES = 20;

  private final CapacityConfig config;
  private final CapacityCalendar calendar;
  private final PolicyConfig policy;
  private final HistoryWindow window;
  private final int horizon;
  private final EcsPlanner ecsPlanner;
  // Per model: what is read of the recent window, once a minute rather than the whole window a
  // pass.
  private final Map<String, ModelMemo> memos = new HashMap<>();
  // The budget as reasons name it: fixed with the policy, written once, not every pass.
  private final String budgetText;

  public Planner(CapacityConfig config, CapacityCalendar calendar) {
    this.config = config;
    this.calendar = calendar;
    this.policy = config.policy();
    this.budgetText = Figures.budget(policy.throttleBudget());
    int maxProvisioning =
        (int)
            config.models().values().stream()
                .mapToLong(ModelConfig::provisioningMinutes)
                .max()
                .orElse(1);
    // The profiles are compared over the fit window and the stabilisation window; the recent
    // window reaches back as far as the budget needs for the excesses.
    int profile = Math.max(DemandForecast.FIT_MINUTES, minutes(policy.scaleDownStabilization()));
    this.window =
        new HistoryWindow(
            Math.max(recentMinutes(policy.throttleBudget()), profile),
            maxProvisioning + 5 + DemandForecast.SMOOTH_MINUTES,
            profile);
    this.horizon = maxProvisioning + 5;
    this.ecsPlanner = new EcsPlanner(config, this::calendarTps);
    config.models().forEach((key, m) -> memos.put(key, ModelMemo.of(calendar, m)));
  }

  @Override
  public HistoryWindow historyWindow() {
    return window;
  }

  @Override
  public CapacityConfig config() {
    return config;
  }

  @Override
  public Plan plan(Observation obs, List<CapacityOverride> overrides, Instant now) {
    Map<String, ModelDecision> decisions = new LinkedHashMap<>();
    Map<String, DemandForecast> forecasts = new LinkedHashMap<>();
    Map<String, ModelState> seen = new HashMap<>(); // models with suspect minutes set aside
    for (String key : config.modelKeys()) {
      ModelState state = obs.models().get(key);
      if (state == null) {
        state = new ModelState(key, 0, 0, 0, 0, null, "no observation of this model");
      }
      ModelConfig m = config.model(key);
      // Staleness is judged on what was read; everything else reads suspect minutes as missing.
      boolean fresh = state.demand() != null && !isStale(state.demand(), now);
      ModelMemo memo = memos.get(key);
      SuspectMinutes suspects =
          fresh ? SuspectMinutes.of(state.demand(), m, memo.suspects()) : null;
      if (suspects != null) {
        state = state.withDemand(suspects.history());
        seen.put(key, state);
      }
      DemandForecast forecast = null;
      if (fresh) {
        EventShape events =
            EventShape.of(
                calendar, key, config.timezone(), state.demand(), horizon, memo.divided());
        double budget = policy.throttleBudget();
        if (events == null) {
          forecast = DemandForecast.of(state.demand(), horizon, budget, memo.deviations());
        } else {
          forecast = DemandForecast.of(events.history(), horizon, budget, memo.deviations());
          forecast = forecast == null ? null : forecast.withEvents(events);
        }
      }
      forecasts.put(key, forecast);
      decisions.put(
          key,
          decideModel(
              m,
              state,
              forecast,
              override(overrides, key, now),
              now,
              suspects == null ? null : suspects.describe()));
    }
    if (!seen.isEmpty()) {
      Map<String, ModelState> models = new LinkedHashMap<>(obs.models());
      models.putAll(seen);
      obs = new Observation(obs.at(), models, obs.ecs());
    }
    EcsDecision ecs =
        config.ecs() == null
            ? null
            : ecsPlanner.decide(
                obs, decisions, forecasts, override(overrides, CapacityOverride.ECS, now), now);
    BudgetCut budget = new BudgetCut(config);
    if (budget.applies()) {
      Set<String> bypass = new HashSet<>();
      for (CapacityOverride o : overrides) {
        if (o.activeAt(now)) {
          bypass.add(o.target());
        }
      }
      decisions = budget.models(decisions, bypass, Spend.hourlyUsd(config, Map.of(), ecs));
      ecs = budget.ecs(decisions, ecs, bypass.contains(CapacityOverride.ECS));
    }
    return new Plan(now, decisions, ecs);
  }

  /**
   * @param suspect what the reason says of suspect datapoints set aside, or null
   */
  private ModelDecision decideModel(
      ModelConfig m,
      ModelState s,
      DemandForecast forecast,
      CapacityOverride ov,
      Instant now,
      String suspect) {
    int current = s.plannedUnits();
    int lower = Math.max(m.minUnits(), s.committedUnits());
    if (ov != null) {
      if (ov.pause()) {
        return new ModelDecision(
            m.key(), current, current, "paused by override: " + describe(ov), false);
      }
      int target = UnitSizing.clamp(ov.amount(), lower, m.maxUnits());
      return new ModelDecision(
          m.key(),
          current,
          target,
          String.format(
              "override %d units%s: %s",
              ov.amount(),
              target != ov.amount() ? " (clamped to " + target + ")" : "",
              describe(ov)),
          false);
    }
    if (s.problem() != null) {
      return new ModelDecision(
          m.key(), current, current, s.problem() + ": no action on a partial view", true);
    }
    int p = (int) m.provisioningMinutes();
    Decision d;
    if (forecast == null) {
      d = holdWithoutMetrics(m, s, current, now, p);
    } else {
      d = fromForecast(m, s, forecast, current, p);
      if (!forecast.readsTail()) {
        d = atLeastScheduled(m, d, now, p);
      }
    }
    int target = d.units;
    String reason = d.reason;
    EventFloor floor = eventFloor(m, s.observedProvisioning(), now, p, target);
    // An event that sets the level is named even where the forecast, which has its multiplier in
    // it, already asks as much.
    if (floor.units > 0 && floor.units >= target) {
      String lead = leadCost(m, floor, target, now);
      target = floor.units;
      reason = floor.reason + lead + "; " + reason;
    }
    int clamped = UnitSizing.clamp(target, lower, m.maxUnits());
    if (clamped < target) {
      reason += "; capped at maxUnits " + Figures.integer(m.maxUnits()) + " (quota)";
    } else if (clamped > target) {
      reason += "; raised to floor " + Figures.integer(clamped) + " (minUnits/committed)";
    }
    // An order is not undone before it serves: on noisy traffic the level's median moves a few
    // hundred tokens/s a minute, so a target at a unit's edge would cancel a creation one pass and
    // order it again the next, restarting its provisioning each time (the unit never serves) and
    // making thousands of purchases a month. Trimmed once it serves, if still not needed.
    // Overrides (above) still cancel, and nothing is held over maxUnits (the quota).
    int ordered = Math.min(current, m.maxUnits());
    if (s.creatingUnits() > 0 && clamped < ordered) {
      reason =
          "a trim to "
              + Figures.integer(clamped)
              + " waits for the "
              + Figures.integer(s.creatingUnits())
              + " units in Creating to serve: "
              + reason;
      clamped = ordered;
    }
    if (suspect != null) {
      reason += "; " + suspect;
    }
    return new ModelDecision(
        m.key(), current, clamped, arrow(reason, current, clamped), d.held && clamped == current);
  }

  /**
   * Forecast-driven target, one rule for buying and keeping: units plus on-demand capacity cover
   * the forecast plus the headroom the throttle budget asks for (the recent window's excess over
   * the forecast's level, read at this level and weighted by its tokens: {@link Deviations}), and
   * at least the units that pay for themselves at the forecast level (the break-even utilisation).
   * Buying looks a provisioning time ahead; keeping covers the same horizon from now and what the
   * last stabilisation window needed, so a unit bought for demand a provisioning time ahead is not
   * cancelled by the next pass.
   */
  private Decision fromForecast(ModelConfig m, ModelState s, DemandForecast f, int current, int p) {
    double safety = policy.onDemandSafety();
    double headroom = f.headroom();
    double ahead = f.max(p, p + 3);
    int up =
        Math.max(
            UnitSizing.costOptimalUnits(m, ahead, safety),
            UnitSizing.unitsToAvoidThrottling(m, ahead + headroom, 1.0));
    double soon = f.max(1, p + 3);
    double needed = maxRecent(s.demand(), stabilizationMinutes());
    double keepNeed = Math.max(soon + headroom, needed);
    int keep =
        Math.max(
            UnitSizing.costOptimalUnits(m, Math.max(soon, needed), safety),
            UnitSizing.unitsToAvoidThrottling(m, keepNeed, 1.0));
    String held = "";
    if (keep < current) {
      // A unit trimmed now serves again no sooner than the level has noticed the traffic's return
      // and a provisioning time has passed: the span over which the headroom measures a minute's
      // excess (Deviations), so what the levels of that span asked for is kept.
      int span = p + DemandForecast.LEVEL_MINUTES;
      double back = f.recentNeed(span);
      if (back > keepNeed) {
        keepNeed = back;
        keep = Math.max(keep, UnitSizing.unitsToAvoidThrottling(m, back, 1.0));
        held = ", held for the last " + Figures.integer(span) + "m's levels";
      }
    }
    Escalation esc = escalation(m, s, f);
    int target;
    String reason;
    if (esc != null && esc.units > Math.max(up, current)) {
      target = esc.units;
      reason = esc.reason;
    } else if (up > current) {
      target = up;
      reason = forecastOf(ahead, p, f) + headroomOf(f);
    } else if (keep < current) {
      target = Math.max(keep, esc == null ? 0 : esc.units);
      reason =
          "trim: highest need over the next "
              + Figures.integer(p + 3)
              + "m and last "
              + Figures.integer(stabilizationMinutes())
              + "m is "
              + Figures.grouped(keepNeed)
              + " tps ("
              + f.basis()
              + headroomOf(f)
              + held
              + ")";
    } else {
      target = current;
      reason = "steady: " + forecastOf(ahead, p, f) + headroomOf(f) + held;
    }
    return new Decision(target, reason, false);
  }

  /** "forecast 10,400 tps in 15m (week-ago profile x1.04)". */
  private static String forecastOf(double tps, int minutes, DemandForecast f) {
    return "forecast "
        + Figures.grouped(tps)
        + " tps in "
        + Figures.integer(minutes)
        + "m ("
        + f.basis()
        + ")";
  }

  /** ", headroom +4,200 tps for 0.01 % throttled" (nothing when there is none). */
  private String headroomOf(DemandForecast f) {
    return f.headroom() > 0
        ? ", headroom +"
            + Figures.grouped(f.headroom())
            + " tps for "
            + budgetText
            + " throttled"
            + (f.borrowed() ? " (read with nearby levels: under a day of minutes at this one)" : "")
        : "";
  }

  /**
   * Too few minutes observed to read how far demand strays (traffic that began an hour or two ago,
   * or came back after days without metrics): the headroom is unknown, not nil, so the forecast
   * does not trim below what the configuration expects. The schedule is the user's own reading of
   * the traffic; the model's minutes take over once they say how far it strays.
   */
  private Decision atLeastScheduled(ModelConfig m, Decision d, Instant now, int p) {
    int scheduled = scheduledUnits(m, now, p);
    if (scheduled <= d.units) {
      return d;
    }
    return new Decision(
        scheduled,
        "too little history to read how far demand strays: the schedule's "
            + Figures.integer(scheduled)
            + " units until it does; "
            + d.reason,
        false);
  }

  /** The schedule's units now or a provisioning time ahead, whichever is more. */
  private int scheduledUnits(ModelConfig m, Instant now, int p) {
    return Math.max(calendarUnits(m, now), calendarUnits(m, now.plus(Duration.ofMinutes(p))));
  }

  /** No fresh metrics: follow the schedule upwards, never down (a partial view). */
  private Decision holdWithoutMetrics(
      ModelConfig m, ModelState s, int current, Instant now, int p) {
    int scheduled = scheduledUnits(m, now, p);
    String why =
        s.problem() != null
            ? s.problem()
            : s.demand() == null || s.demand().newestPresent() == null
                ? "metrics missing"
                : "metrics stale since " + s.demand().newestPresent();
    if (scheduled > current) {
      return new Decision(
          scheduled, why + ": schedule-only, raising to the schedule's " + scheduled, true);
    }
    return new Decision(
        current, why + ": holding " + current + " units (no scale-down on a partial view)", true);
  }

  /**
   * An excursion no higher than the forecast level plus the headroom, younger than a short burst,
   * is one of the excesses the headroom already holds for: it will most likely be over long before
   * a unit bought now serves, so escalating for it buys units that are cancelled unused. What rises
   * beyond the headroom, or lasts longer, escalates.
   */
  private static boolean withinCover(ModelState s, DemandForecast f, double peak, double limit) {
    if (peak > f.level() + f.headroom()) {
      return false;
    }
    for (int back = 0; back < SHORT_BURST_MINUTES; back++) {
      if (!(s.demand().recentAt(back) > limit)) {
        return true;
      }
    }
    return false; // above the limit for longer than a short burst lasts
  }

  /**
   * Observed demand above the target utilisation of what serves without throttling (units plus
   * on-demand headroom), or throttling, for {@code escalateAfter}: raise at once, ignoring the
   * forecast — the calendar or the forecast was wrong.
   */
  private Escalation escalation(ModelConfig m, ModelState s, DemandForecast f) {
    int minutes = Math.max(1, minutes(policy.escalateAfter()));
    double limit = policy.targetUtilization() * UnitSizing.servingCapacity(m, s.inServiceUnits());
    double peak = 0;
    for (int back = 0; back < minutes; back++) {
      double d = s.demand().recentAt(back);
      if (Double.isNaN(d) || d <= limit) {
        return null;
      }
      peak = Math.max(peak, d);
    }
    if (withinCover(s, f, peak, limit)) {
      return null;
    }
    // Make the observed peak fit at once, leaving the target utilisation's share of the
    // on-demand headroom free; the forecast catches up with the new level after. (Sizing to 80% of
    // units plus on-demand would fight the cost-optimal steady state, where on-demand takes the
    // fraction of a unit that does not pay.)
    int units = UnitSizing.unitsToAvoidThrottling(m, peak, policy.targetUtilization());
    return new Escalation(
        units,
        "escalate: observed "
            + Figures.grouped(peak)
            + " tps > "
            + Figures.fixed(policy.targetUtilization() * 100, 0)
            + "% of "
            + Figures.grouped(UnitSizing.servingCapacity(m, s.inServiceUnits()))
            + " serving capacity for "
            + Figures.integer(minutes)
            + "m");
  }

  /**
   * The floor an event imposes while it is in force, from {@code start - leadTime} (or one
   * provisioning time before start, if the lead time is shorter) until {@code start + duration}, as
   * the configuration says: what the schedule times its multiplier needs. A rush that comes hours
   * into the event (New Year's Eve) is served like one at its start. Units that serve from the
   * start on get {@code eventMargin} more until the event's real level has been observed (a
   * provisioning time plus the stabilisation window after the start): a multiplier larger than
   * planned shows only once readers arrive, and units bought then serve a provisioning time later,
   * through the event's first rush. Demand above the floor is the forecast's, which has the
   * calendar's multiplier in it (escalation covers a release above it).
   *
   * <p>Once the model's provisioning was observed, the lead time is read as a canary ({@link
   * CanaryReading}): the warning it buys needs one purchase hours early, not the whole floor. From
   * {@code start - leadTime} the floor is the canary over what is held otherwise, the whole floor
   * from {@code start - bulkLead}. Nothing observed (or records unreadable): the literal reading.
   *
   * @param observed the longest provisioning observed, a creation in progress included, or null
   * @param held the units the forecast (or the schedule without metrics) asks for this pass
   */
  private EventFloor eventFloor(ModelConfig m, Duration observed, Instant now, int p, int held) {
    EventFloor best = new EventFloor(0, null, null, m.provisioningTime());
    for (Instant t : new Instant[] {now, now.plus(Duration.ofMinutes(p))}) {
      Expectation e = calendar.expected(m.key(), t);
      if (e.event() == null) {
        continue;
      }
      EventOccurrence o = e.event();
      Duration lead = Duration.between(o.leadStart(), o.start());
      Duration bulkLead = CanaryReading.bulkLead(lead, m.provisioningTime(), observed);
      if (e.multiplier() > 1 && bulkLead.compareTo(lead) < 0) {
        if (now.isBefore(o.start().minus(bulkLead))) {
          // The canary is bought when the lead time starts, not a provisioning time earlier: it
          // is the purchase that tells, and it serves nobody.
          if (!now.isBefore(o.leadStart())) {
            best = better(best, canaryFloor(m, e, observed, bulkLead, now, held));
          }
          continue;
        }
      }
      // The lead the floor's cost is measured against: the bulk's in the canary reading, the
      // configured provisioning time while nothing was observed.
      Duration needed = observed == null ? m.provisioningTime() : bulkLead;
      // The margin is bought one provisioning time before the start, so it serves from the start,
      // and is paid for no longer than it takes to see the event's real level.
      Duration grace = m.provisioningTime().plus(policy.scaleDownStabilization());
      boolean margin =
          policy.eventMargin() > 0
              && !now.plus(m.provisioningTime()).isBefore(o.start())
              && now.isBefore(o.start().plus(grace));
      int units = unitsOf(m, margin ? withMargin(e) : e);
      best =
          better(
              best,
              new EventFloor(
                  units,
                  o.start(),
                  eventName(o, now)
                      + ": x"
                      + Figures.fixed(e.multiplier(), 1)
                      + " of the schedule"
                      + (margin
                          ? " +"
                              + Figures.fixed(policy.eventMargin() * 100, 0)
                              + "% until its level is seen"
                          : "")
                      + " needs "
                      + Figures.integer(units)
                      + " units",
                  needed));
    }
    return best;
  }

  /**
   * The canary's floor: the canary over what is held otherwise — the schedule's units (the same
   * window without the multiplier, within the model's unit limits, as {@code LeadCost} prices it)
   * or the forecast's, whichever is more — so it is always a purchase, also where the forecast
   * already holds more than the schedule; never above the whole floor (where the forecast needs
   * that much, its own purchase is the proof).
   */
  private EventFloor canaryFloor(
      ModelConfig m, Expectation e, Duration observed, Duration bulkLead, Instant now, int held) {
    int scheduled = UnitSizing.clamp(unitsOf(m, e.withoutEvents()), m.minUnits(), m.maxUnits());
    int units = Math.min(unitsOf(m, e), Math.max(scheduled, held) + CanaryReading.CANARY_UNITS);
    return new EventFloor(
        units,
        e.event().start(),
        eventName(e.event(), now)
            + ": canary "
            + Figures.integer(CanaryReading.CANARY_UNITS)
            + " unit over what is held until the bulk, "
            + CanaryReading.human(bulkLead)
            + " ahead ("
            + CanaryReading.basis(m.provisioningTime(), observed)
            + "), needs "
            + Figures.integer(units)
            + " units",
        bulkLead);
  }

  private static EventFloor better(EventFloor best, EventFloor f) {
    return f.units > best.units ? f : best;
  }

  /** "weekly-release in 3h10m (lead 4h)", "weekly-release started, ends in 5h". */
  private static String eventName(EventOccurrence o, Instant now) {
    Duration until = Duration.between(now, o.start());
    return o.event().name()
        + " "
        + (until.isNegative() || until.isZero()
            ? "started, ends in " + human(Duration.between(now, o.end()))
            : "in " + human(until))
        + " (lead "
        + human(o.event().leadTime())
        + ")";
  }

  /**
   * What the lead time costs beyond what provisioning needs, while it does: the units the floor
   * holds above what demand asks ({@code demandUnits}), from now until {@code floor.needed} before
   * the start — when units bought would still serve from the start (the bulk's lead in the canary
   * reading). "" otherwise.
   */
  private static String leadCost(ModelConfig m, EventFloor floor, int demandUnits, Instant now) {
    Instant needed = floor.start.minus(floor.needed);
    int extra = floor.units - Math.max(0, demandUnits);
    if (extra <= 0 || !now.isBefore(needed)) {
      return "";
    }
    Duration early = Duration.between(now, needed);
    double usd = extra * m.unitHourlyUsd() * early.toSeconds() / 3600.0;
    return "; the lead time holds "
        + Figures.integer(extra)
        + " units over demand "
        + human(early)
        + " before provisioning needs them, about $"
        + Figures.grouped(usd);
  }

  private Expectation withMargin(Expectation e) {
    double k = 1 + policy.eventMargin();
    return new Expectation(e.window(), e.units() * k, e.tps() * k, e.multiplier(), e.event());
  }

  private int calendarUnits(ModelConfig m, Instant t) {
    return unitsOf(m, calendar.expected(m.key(), t));
  }

  private double calendarTps(ModelConfig m, Instant t) {
    return UnitSizing.expectedTps(m, calendar.expected(m.key(), t));
  }

  private int unitsOf(ModelConfig m, Expectation e) {
    return UnitSizing.expectedUnits(m, e, policy.onDemandSafety());
  }

  private boolean isStale(DemandHistory h, Instant now) {
    return h.staleAt(now, policy.metricsMaxAge());
  }

  private int stabilizationMinutes() {
    return minutes(policy.scaleDownStabilization());
  }

  static double maxRecent(DemandHistory h, int minutes) {
    double m = 0;
    for (int back = 0; back < minutes; back++) {
      double d = h.recentAt(back);
      if (!Double.isNaN(d)) {
        m = Math.max(m, d);
      }
    }
    return m;
  }

  private static CapacityOverride override(List<CapacityOverride> all, String target, Instant now) {
    CapacityOverride found = null;
    for (CapacityOverride o : all) {
      if (o.target().equals(target) && o.activeAt(now)) {
        found = o;
      }
    }
    return found;
  }

  static String describe(CapacityOverride o) {
    return String.format("\"%s\" by %s until %s", o.reason(), o.who(), o.expiresAt());
  }

  static String arrow(String reason, int from, int to) {
    return from == to ? reason + " (" + to + ")" : reason + ": " + from + " -> " + to;
  }

  static int minutes(Duration d) {
    return (int) Math.max(0, (d.toSeconds() + 59) / 60);
  }

  static String human(Duration d) {
    long m = Math.max(0, d.toMinutes());
    return m >= 60 ? (m / 60) + "h" + (m % 60 == 0 ? "" : (m % 60) + "m") : m + "m";
  }

  private record Decision(int units, String reason, boolean held) {}

  private record Escalation(int units, String reason) {}

  /**
   * @param start the event's start (null when there is no floor)
   * @param needed how long before the start units bought still serve from it: what the lead time
   *     holds beyond that is its cost
   */
  private record EventFloor(int units, Instant start, String reason, Duration needed) {}
}
