package io.capacityctl.traceimport;

/**
 * What the import does with rows that repeat the timestamp of the row before them. Exports repeat
 * timestamps for reasons the file does not say (a clock set back, an hour of samples stamped with
 * the end of a DST gap, two pages of a paged export overlapping), so which value is the datapoint
 * is the user's call: refused unless they make it.
 */
public enum Duplicates {
  /** Refuse the series, naming every repeated row (the default). */
  REFUSE,
  /** Keep the largest: capacity is sized for the busiest reading. */
  MAX,
  /** Keep their mean. */
  MEAN,
  /** Keep the first row's value. */
  FIRST,
  /** Keep the last row's value (a later page of an export corrects an earlier one). */
  LAST;

  /** What the import's summary says was kept: {@code largest}, {@code mean}, ... */
  String kept() {
    return this == MAX ? "largest" : name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The value kept for a timestamp of {@code count} rows so far, {@code kept} the value so far. */
  double merge(double kept, int count, double next) {
    return switch (this) {
      case MAX -> Math.max(kept, next);
      case MEAN -> kept + (next - kept) / (count + 1);
      case FIRST -> kept;
      case LAST -> next;
      case REFUSE -> throw new IllegalStateException("duplicates are refused, not merged");
    };
  }
}
