package io.capacityctl.history;

/** Durations as the output writes them. */
final class Durations {
  private Durations() {}

  /** {@code 10 d 23 h}, {@code 47 h 3 min}, {@code 5 min}, {@code 30 s}. */
  static String human(long seconds) {
    long min = seconds / 60;
    if (min == 0) {
      return seconds + " s";
    }
    if (min >= 2 * 1440) {
      return (min / 1440) + " d" + (min % 1440 / 60 == 0 ? "" : " " + (min % 1440 / 60) + " h");
    }
    return min >= 60
        ? (min / 60) + " h" + (min % 60 == 0 ? "" : " " + (min % 60) + " min")
        : min + " min";
  }
}
