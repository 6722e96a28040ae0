package io.capacityctl.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.calendar.CapacityCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's ranges table is the code's: a range changed in one place fails here. */
class RangesDocumentedTest {
  @Test
  void everyRangeInTheCodeIsTheReadmesAndTheOtherWayRound() throws Exception {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme);
    long rows =
        text.lines()
            .filter(
                l ->
                    l.matches(
                        "\\| `(models|ecs|schedule|events|policy|budget|aws)[.\\[][^`]*` \\| .* \\|"))
            .count();

    Limits.documented()
        .forEach((key, range) -> assertThat(text).contains("| `" + key + "` | " + range + " |"));
    assertThat(rows).isEqualTo(Limits.documented().size());
  }

  @Test
  void theCalendarsBoundIsTheOneTheDocsGive() throws Exception {
    String bound = String.format(java.util.Locale.ROOT, "%,d", CapacityCalendar.EXAMINED_PER_CHUNK);
    assertThat(Files.readString(Path.of("..", "README.md"))).contains(bound);
    assertThat(Files.readString(Path.of("..", "docs", "configuration.md"))).contains(bound);
  }
}
