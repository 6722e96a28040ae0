package io.capacityctl.tokens.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {
  @Test
  void sameSeedGivesSameSamplesAndAnotherSeedDoesNot() {
    List<Sample> a = HistoryGenerator.generate(20, 7, 10, 50, 3);
    List<Sample> b = HistoryGenerator.generate(20, 7, 10, 50, 3);
    List<Sample> c = HistoryGenerator.generate(20, 8, 10, 50, 3);

    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void eachHistoryHasItsLabelledNumberOfTitlesWithinTheRange() {
    List<Sample> samples = HistoryGenerator.generate(300, 42, 10, 50, 3);

    for (Sample s : samples) {
      int lines = s.values().get(HistoryGenerator.PLACEHOLDER).split("\n").length;
      assertThat(lines).isBetween(10, 50);
      assertThat(s.label()).endsWith("(" + lines + " titles)");
      assertThat(s.line()).isEqualTo(3);
    }
    // Uniform over 10..50: both ends of the range show up in 300 draws.
    assertThat(samples).anyMatch(s -> s.label().endsWith("(10 titles)"));
    assertThat(samples).anyMatch(s -> s.label().endsWith("(50 titles)"));
  }
}
