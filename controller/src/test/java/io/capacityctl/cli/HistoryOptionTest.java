package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.sim.Trace;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header says how much of a trace was history, in days when whole, else in minutes. */
class HistoryOptionTest {
  private static Trace after(int history) {
    return new Trace(
            Instant.parse("2027-01-06T00:00:00Z"), 3 * 1440, Map.of("chat", new double[3 * 1440]))
        .afterHistory(history);
  }

  @Test
  void theHeaderNamesTheHistory() {
    assertThat(HistoryOption.note(after(1440)))
        .isEqualTo(
            "; the first day is history (in CloudWatch at the first pass, not replayed or scored)");
    assertThat(HistoryOption.note(after(2880))).startsWith("; the first 2 days are history");
    assertThat(HistoryOption.note(after(30))).startsWith("; the first 30 minutes are history");
    assertThat(HistoryOption.note(after(1440).withoutHistory())).isEmpty();
  }
}
