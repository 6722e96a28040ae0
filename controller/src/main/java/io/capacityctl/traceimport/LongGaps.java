package io.capacityctl.traceimport;

/** What the import does with a gap longer than {@code --max-gap}. */
public enum LongGaps {
  /** Refuse the series, naming every such gap (the default: a gap is a fact to decide about). */
  REFUSE,
  /** Interpolate straight across it, as shorter gaps are. */
  LINEAR,
  /** Repeat the day before: each missing minute takes the value of the minute 24 hours earlier. */
  DAILY
}
