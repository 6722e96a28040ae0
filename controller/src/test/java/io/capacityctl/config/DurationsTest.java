package io.capacityctl.config;

import static io.capacityctl.config.ConfigFixtures.validWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 18: one duration syntax, {@code 6h} and {@code PT6H}, in the configuration and the CLI. */
class DurationsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "6h, PT6H",
    "90m, PT1H30M",
    "1h30m, PT1H30M",
    "2d, PT48H",
    "45s, PT45S",
    "1d2h3m4s, PT26H3M4S",
    "6H, PT6H",
    "PT6H, PT6H",
    "P1D, PT24H",
    "pt15m, PT15M",
    "0, PT0S",
    "-PT5M, PT-5M"
  })
  void shortAndIsoFormsMeanTheSame(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"6 h", "soon", "h", "''", "6", "1.5h", "6h6h"})
  void otherTextIsNotADuration(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a duration such as 6h, 90m, 1h30m, 2d or PT6H, got '" + text + "'");
  }

  @Test
  void aDurationTooLongForJavaIsSaidToBeSo() {
    assertThatThrownBy(() -> Durations.parse("99999999999999999999d"))
        .hasMessage("'99999999999999999999d' is too long a duration");
    assertThatThrownBy(() -> Durations.parse("9999999999999999d"))
        .hasMessage("'9999999999999999d' is too long a duration");
  }

  @Test
  void formatWritesTheShortForm() {
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofDays(31))).isEqualTo("31d");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0");
    assertThat(Durations.format(Duration.ofMinutes(-5))).isEqualTo("-5m");
  }

  @Test
  void theConfigurationTakesBothForms() throws Exception {
    CapacityConfig c =
        ConfigLoader.parse(
            validWith("provisioningTime: PT15M\n  haiku", "provisioningTime: 15m\n  haiku")
                .replace("duration: PT6H", "duration: 6h")
                .replace("startupTime: PT2M", "startupTime: 2m"),
            ConfigFixtures.SOURCE);
    CapacityConfig iso = ConfigLoader.parse(ConfigFixtures.VALID, ConfigFixtures.SOURCE);

    assertThat(c.model("sonnet").provisioningTime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.events().get(0).duration()).isEqualTo(Duration.ofHours(6));
    assertThat(c.ecs().startupTime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.events()).isEqualTo(iso.events());
    assertThat(c.models()).isEqualTo(iso.models());
  }
}
