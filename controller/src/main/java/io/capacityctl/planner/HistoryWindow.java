package io.capacityctl.planner;

/**
 * How much observed history a plan needs, so the reconcile path reads it in one metrics call.
 *
 * @param recentMinutes minutes of recent demand, ending at the newest complete minute
 * @param horizonMinutes minutes past the aligned present to read a day and a week back
 */
public record HistoryWindow(int recentMinutes, int horizonMinutes) {}
