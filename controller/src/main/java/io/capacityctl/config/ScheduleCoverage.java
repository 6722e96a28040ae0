package io.capacityctl.config;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which schedule window covers each minute of the week (Monday 00:00 local = minute 0). The loader
 * uses it to reject gaps and overlaps; the calendar uses it as its minute-to-window index.
 */
public final class ScheduleCoverage {
  public static final int MINUTES_PER_DAY = 1440;
  public static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

  private static final int NONE = -1;

  private final int[] first = new int[MINUTES_PER_WEEK];
  // Windows beyond the first at a minute; only filled where windows overlap (invalid configs).
  private final Map<Integer, List<Integer>> others = new HashMap<>();

  private ScheduleCoverage(List<ScheduleWindow> windows) {
    Arrays.fill(first, NONE);
    for (int w = 0; w < windows.size(); w++) {
      mark(windows.get(w), w);
    }
  }

  public static ScheduleCoverage of(List<ScheduleWindow> windows) {
    return new ScheduleCoverage(windows);
  }

  /**
   * The index of the window covering {@code minuteOfWeek}, or -1; for a valid schedule there is
   * exactly one.
   */
  public int windowAt(int minuteOfWeek) {
    return first[minuteOfWeek];
  }

  /** Day-bounded runs of minutes covered by no window or by more than one, in week order. */
  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    int runStart = 0;
    for (int m = 1; m <= MINUTES_PER_WEEK; m++) {
      boolean runEnds =
          m == MINUTES_PER_WEEK || m % MINUTES_PER_DAY == 0 || !sameOwners(m, runStart);
      if (runEnds) {
        List<Integer> owners = owners(runStart);
        if (owners.size() != 1) {
          int day = runStart / MINUTES_PER_DAY;
          problems.add(
              new Problem(
                  DayOfWeek.of(day + 1),
                  runStart % MINUTES_PER_DAY,
                  m - day * MINUTES_PER_DAY,
                  owners));
        }
        runStart = m;
      }
    }
    return problems;
  }

  private void mark(ScheduleWindow w, int index) {
    int from = w.from().getHour() * 60 + w.from().getMinute();
    int to = w.to().getHour() * 60 + w.to().getMinute();
    int length = from == to ? MINUTES_PER_DAY : Math.floorMod(to - from, MINUTES_PER_DAY);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (!w.appliesOn(day)) {
        continue;
      }
      int start = (day.getValue() - 1) * MINUTES_PER_DAY + from;
      for (int k = 0; k < length; k++) {
        // Sunday's window that wraps midnight covers Monday morning: the week wraps too.
        int m = (start + k) % MINUTES_PER_WEEK;
        if (first[m] == NONE) {
          first[m] = index;
        } else {
          others.computeIfAbsent(m, x -> new ArrayList<>()).add(index);
        }
      }
    }
  }

  private boolean sameOwners(int a, int b) {
    // Without overlaps (every valid schedule) the first owner says it all.
    return first[a] == first[b] && (others.isEmpty() || owners(a).equals(owners(b)));
  }

  private List<Integer> owners(int minute) {
    if (first[minute] == NONE) {
      return List.of();
    }
    List<Integer> extra = others.get(minute);
    if (extra == null) {
      return List.of(first[minute]);
    }
    List<Integer> all = new ArrayList<>(extra.size() + 1);
    all.add(first[minute]);
    all.addAll(extra);
    return all;
  }

  /**
   * Minutes [fromMinute, toMinute) of {@code day} covered by {@code windows} (indices into the
   * schedule): none (a gap) or several (an overlap).
   */
  public record Problem(DayOfWeek day, int fromMinute, int toMinute, List<Integer> windows) {
    /** e.g. {@code MON 02:00-06:00}. */
    public String range() {
      return day.name().substring(0, 3) + " " + hhmm(fromMinute) + "-" + hhmm(toMinute);
    }

    private static String hhmm(int minute) {
      return String.format("%02d:%02d", minute / 60, minute % 60);
    }
  }
}
