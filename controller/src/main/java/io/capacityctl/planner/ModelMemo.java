package io.capacityctl.planner;

import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.ModelConfig;

/**
 * What the planner remembers of one model's recent window from pass to pass, so a pass reads only
 * the minutes new since the last: the scan for suspect datapoints, the demand divided by the event
 * multipliers, and the excesses over the forecast's level. Each remembers work, never a decision: a
 * plan is the same as one made afresh.
 */
record ModelMemo(SuspectMinutes.Scan suspects, DividedDemand divided, Deviations deviations) {
  static ModelMemo of(CapacityCalendar calendar, ModelConfig m) {
    return new ModelMemo(
        new SuspectMinutes.Scan(),
        new DividedDemand(calendar, m.key()),
        new Deviations((int) m.provisioningMinutes(), m.tokensPerSecondPerUnit()));
  }
}
