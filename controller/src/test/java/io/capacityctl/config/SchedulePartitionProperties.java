package io.capacityctl.config;

import static io.capacityctl.config.ScheduleCoverage.MINUTES_PER_DAY;
import static io.capacityctl.config.ScheduleCoverage.MINUTES_PER_WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.capacityctl.calendar.CapacityCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any partition of the week into windows is accepted, and any window removed is a reported gap. */
class SchedulePartitionProperties {
  /** A Monday 00:00 UTC: minute k of the week is this plus k minutes. */
  private static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");

  private static final Pattern GAP =
      Pattern.compile(
          "^(MON|TUE|WED|THU|FRI|SAT|SUN) (\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d) is not covered");

  /** A window as generated: days (empty = every day), start minute of day, length in minutes. */
  record Window(Set<DayOfWeek> days, int from, int length) {
    String yaml(int units) {
      int to = (from + length) % MINUTES_PER_DAY;
      String dayList =
          days.isEmpty()
              ? ""
              : " days: ["
                  + days.stream()
                      .map(d -> d.name().substring(0, 3))
                      .collect(Collectors.joining(", "))
                  + "],";
      return "  - { from: \"%s\", to: \"%s\",%s units: { m: %d } }\n"
          .formatted(hhmm(from), hhmm(to), dayList, units);
    }

    /** The minutes of the week it covers. */
    BitSet minutes() {
      BitSet covered = new BitSet(MINUTES_PER_WEEK);
      for (DayOfWeek day : DayOfWeek.values()) {
        if (days.isEmpty() || days.contains(day)) {
          int start = (day.getValue() - 1) * MINUTES_PER_DAY + from;
          for (int k = 0; k < length; k++) {
            covered.set((start + k) % MINUTES_PER_WEEK);
          }
        }
      }
      return covered;
    }
  }

  @Provide
  Arbitrary<List<Window>> partitions() {
    Arbitrary<List<Window>> weekly =
        Combinators.combine(
                Arbitraries.integers()
                    .between(0, MINUTES_PER_WEEK - 1)
                    .set()
                    .ofMinSize(1)
                    .ofMaxSize(25),
                Arbitraries.of(true, false))
            .as(SchedulePartitionProperties::weekly);
    Arbitrary<List<Window>> daily =
        Arbitraries.integers()
            .between(0, MINUTES_PER_DAY - 1)
            .set()
            .ofMinSize(1)
            .ofMaxSize(12)
            .map(SchedulePartitionProperties::daily);
    return Arbitraries.oneOf(weekly, daily);
  }

  /** Cuts the week at {@code cuts}; optionally merges same-time pieces of different days. */
  private static List<Window> weekly(Set<Integer> cuts, boolean mergeDays) {
    List<Integer> sorted = new ArrayList<>(new TreeSet<>(cuts));
    Map<List<Integer>, Set<DayOfWeek>> pieces = new LinkedHashMap<>();
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      int start = sorted.get(i);
      int end = i + 1 < sorted.size() ? sorted.get(i + 1) : sorted.get(0) + MINUTES_PER_WEEK;
      // A window starts on one day and lasts at most a day: split longer segments.
      for (int s = start; s < end; s += MINUTES_PER_DAY) {
        int length = Math.min(MINUTES_PER_DAY, end - s);
        DayOfWeek day = DayOfWeek.of((s % MINUTES_PER_WEEK) / MINUTES_PER_DAY + 1);
        int from = s % MINUTES_PER_DAY;
        if (mergeDays) {
          pieces.computeIfAbsent(List.of(from, length), k -> new TreeSet<>()).add(day);
        } else {
          windows.add(new Window(Set.of(day), from, length));
        }
      }
    }
    pieces.forEach((k, days) -> windows.add(new Window(days, k.get(0), k.get(1))));
    return windows;
  }

  /** Cuts every day at the same {@code cuts}: windows without {@code days}. */
  private static List<Window> daily(Set<Integer> cuts) {
    List<Integer> sorted = new ArrayList<>(new TreeSet<>(cuts));
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      int start = sorted.get(i);
      int end = i + 1 < sorted.size() ? sorted.get(i + 1) : sorted.get(0) + MINUTES_PER_DAY;
      windows.add(new Window(Set.of(), start, end - start));
    }
    return windows;
  }

  private static String yaml(List<Window> windows) {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: prop
            timezone: UTC
            models:
              m: { modelId: x, tokensPerSecondPerUnit: 1, unitHourlyUsd: 1, onDemandUsdPer1kTokens: 0, onDemandTps: 0, maxUnits: 10, provisioningTime: PT5M }
            """);
    // With no window left the list is written empty: "schedule:" alone would have no value.
    yaml.append(windows.isEmpty() ? "schedule: []\n" : "schedule:\n");
    for (int i = 0; i < windows.size(); i++) {
      yaml.append(windows.get(i).yaml(i % 10));
    }
    return yaml.toString();
  }

  @Property(tries = 100)
  void everyMinuteMapsToTheOneWindowThatCoversIt(@ForAll("partitions") List<Window> windows)
      throws ConfigException {
    CapacityConfig config = ConfigLoader.parse(yaml(windows), "prop.yaml");
    CapacityCalendar calendar = CapacityCalendar.of(config);

    int[] owner = new int[MINUTES_PER_WEEK];
    Arrays.fill(owner, -1);
    for (int w = 0; w < windows.size(); w++) {
      BitSet minutes = windows.get(w).minutes();
      for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
        assertThat(owner[m]).as("generator makes a partition").isEqualTo(-1);
        owner[m] = w;
      }
    }
    List<Integer> wrong = new ArrayList<>();
    for (int m = 0; m < MINUTES_PER_WEEK; m++) {
      ScheduleWindow window = calendar.expected("m", MONDAY.plusSeconds(60L * m)).window();
      if (window != config.schedule().get(owner[m])) {
        wrong.add(m);
      }
    }
    assertThat(wrong).as("minutes of the week in the wrong window").isEmpty();
  }

  @Property(tries = 200)
  void removingAWindowLeavesExactlyItsMinutesUncovered(
      @ForAll("partitions") List<Window> windows, @ForAll int pick) {
    int removed = Math.floorMod(pick, windows.size());
    List<Window> rest = new ArrayList<>(windows);
    Window gone = rest.remove(removed);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.parse(yaml(rest), "prop.yaml"));

    assertThat(e).as("a schedule with a gap is rejected").isNotNull();
    BitSet reported = new BitSet(MINUTES_PER_WEEK);
    for (ConfigError error : e.errors()) {
      assertThat(error.field()).isEqualTo("schedule");
      Matcher m = GAP.matcher(error.message());
      assertThat(m.find()).as(error.message()).isTrue();
      int day = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN").indexOf(m.group(1));
      int from = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
      int to = Integer.parseInt(m.group(4)) * 60 + Integer.parseInt(m.group(5));
      reported.set(day * MINUTES_PER_DAY + from, day * MINUTES_PER_DAY + to);
    }
    assertThat(reported).isEqualTo(gone.minutes());
  }

  private static String hhmm(int minute) {
    return String.format("%02d:%02d", minute / 60, minute % 60);
  }
}
