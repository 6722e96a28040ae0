package io.capacityctl.tokens;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.capacityctl.tokens.intents.TrafficWindow;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schedule window with the tokens/s each model is expected to serve in it, ready to paste into a
 * capacity config's {@code schedule} as {@code expectedTps}.
 *
 * @param expectedTps model key to tokens/s, rounded up
 */
public record ExpectedTpsWindow(
    @JsonFormat(pattern = "HH:mm") LocalTime from,
    @JsonFormat(pattern = "HH:mm") LocalTime to,
    Map<String, Long> expectedTps) {
  public ExpectedTpsWindow {
    expectedTps = Collections.unmodifiableMap(new LinkedHashMap<>(expectedTps));
  }

  /**
   * Each traffic window's share of the models' peak; without a traffic shape, one whole-day window
   * at peak.
   */
  public static List<ExpectedTpsWindow> fromTraffic(
      Map<String, Double> peakTokensPerSecond, List<TrafficWindow> traffic) {
    List<TrafficWindow> windows =
        traffic.isEmpty()
            ? List.of(new TrafficWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 1.0, 0))
            : traffic;
    List<ExpectedTpsWindow> out = new ArrayList<>();
    for (TrafficWindow w : windows) {
      Map<String, Long> tps = new LinkedHashMap<>();
      // The epsilon keeps 3000 x 0.55 = 1650.0000000000002 from rounding up to 1651.
      peakTokensPerSecond.forEach(
          (model, peak) -> tps.put(model, (long) Math.ceil(peak * w.share() - 1e-9)));
      out.add(new ExpectedTpsWindow(w.from(), w.to(), tps));
    }
    return out;
  }
}
