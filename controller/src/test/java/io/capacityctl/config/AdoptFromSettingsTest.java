package io.capacityctl.config;

import static io.capacityctl.config.ConfigFixtures.assertError;
import static io.capacityctl.config.ConfigFixtures.lineOf;
import static io.capacityctl.config.ConfigFixtures.validWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code aws.adoptFrom} (a rename keeps its fleet) and {@code aws.removedModelGrace} (how long a
 * removed model's PTs stay): read, defaulted and validated like every other setting, with the file,
 * line and field of what is wrong.
 */
class AdoptFromSettingsTest {
  private static final String AWS = "aws:\n  region: ap-northeast-1\n";

  private static String withAws(String lines) {
    return validWith(AWS, AWS + lines);
  }

  @Test
  void byDefaultNothingIsAdoptedAndARemovedModelsPtsStayAQuarterHour() throws Exception {
    CapacityConfig c = ConfigLoader.parse(ConfigFixtures.VALID, ConfigFixtures.SOURCE);

    assertThat(c.aws().adoptFrom()).isEmpty();
    assertThat(c.aws().removedModelGrace()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void oldNamesAndAGraceAreRead() throws Exception {
    CapacityConfig c =
        ConfigLoader.parse(
            withAws("  adoptFrom: [shop-2025, manga]\n  removedModelGrace: PT1H\n"),
            ConfigFixtures.SOURCE);

    assertThat(c.aws().adoptFrom()).containsExactly("shop-2025", "manga");
    assertThat(c.aws().removedModelGrace()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void anOldNameFollowsTheRulesOfAConfigurationName() {
    String yaml = withAws("  adoptFrom: [\"old shop\"]\n");

    assertError(yaml, lineOf(yaml, "adoptFrom"), "aws.adoptFrom[0]", "letters, digits");
  }

  @Test
  void aConfigurationCannotAdoptItselfNorTheSameNameTwice() {
    String self = withAws("  adoptFrom: [shop]\n");
    String twice = withAws("  adoptFrom: [old, old]\n");

    assertError(self, lineOf(self, "adoptFrom"), "aws.adoptFrom", "itself ('shop')");
    assertError(twice, lineOf(twice, "adoptFrom"), "aws.adoptFrom", "twice");
  }

  @Test
  void theGraceIsAtMostAnHourAndNeverNegative() {
    for (String bad : List.of("PT61M", "-PT1M", "soon")) {
      String yaml = withAws("  removedModelGrace: " + bad + "\n");

      assertError(yaml, lineOf(yaml, "removedModelGrace"), "aws.removedModelGrace", "");
    }
    String tooLong = withAws("  removedModelGrace: PT2H\n");
    assertError(tooLong, lineOf(tooLong, "removedModelGrace"), "aws.removedModelGrace", "[0, 1h]");
  }
}
