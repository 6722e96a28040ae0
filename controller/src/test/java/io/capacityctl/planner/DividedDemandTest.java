package io.capacityctl.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The recent demand divided by the event multipliers, kept from pass to pass: each pass's window
 * reads what dividing it afresh gives, and a window once handed out never changes (the excess memo
 * downstream takes the same span of the same buffer as unchanged without comparing it).
 */
class DividedDemandTest {
  private static final int N = 2 * 1440;

  @Test
  void windowsMovingOnReadWhatDividingThemAfreshGivesAndNeverChange() {
    CapacityCalendar calendar = CapacityCalendar.of(EventMultipliersTest.CONFIG);
    Random random = new Random(11);
    // Ten days around the weekly release and the one-off dip, so windows hold both, one or none.
    Instant start = Instant.parse("2026-12-29T00:00:00Z");
    double[] series = new double[10 * 1440];
    for (int i = 0; i < series.length; i++) {
      series[i] = 1000 + random.nextInt(4000);
    }
    DividedDemand kept = new DividedDemand(calendar, "sonnet");
    List<Runnable> stillAsHandedOut = new ArrayList<>();
    List<MovingWindows.Window> windows = MovingWindows.over(series, start, N, random);
    int untouched = 0;
    for (MovingWindows.Window w : windows) {
      double[] window = Arrays.copyOfRange(w.buffer(), w.from(), w.from() + w.n());
      double[] fresh = EventMultipliers.divided(calendar, "sonnet", w.first(), window);
      double[] got = kept.of(w.lastMinute(), w.buffer(), w.from(), w.n());
      assertThat(Arrays.copyOfRange(w.buffer(), w.from(), w.from() + w.n()))
          .as("the demand is never written")
          .isEqualTo(window);
      if (fresh == window) { // no event touches the window
        assertThat(got).as("window ending %s", w.lastMinute()).isNull();
        untouched++;
        continue;
      }
      double[] span = Arrays.copyOfRange(got, w.from(), w.from() + w.n());
      assertThat(span).as("window ending %s", w.lastMinute()).isEqualTo(fresh);
      assertThat(got).as("divided in a buffer of its own").isNotSameAs(w.buffer());
      stillAsHandedOut.add(
          () ->
              assertThat(Arrays.copyOfRange(got, w.from(), w.from() + w.n()))
                  .as("window ending %s, read again at the end", w.lastMinute())
                  .isEqualTo(span));
    }
    assertThat(untouched).as("some windows hold no event").isPositive();
    assertThat(stillAsHandedOut).as("some hold one").hasSizeGreaterThan(windows.size() / 4);
    stillAsHandedOut.forEach(Runnable::run);
  }
}
