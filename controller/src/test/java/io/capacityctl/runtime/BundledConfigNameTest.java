package io.capacityctl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * A bundled configuration by its name alone ({@code -c tweets-fb}), as {@code simulate --scenario}
 * and the CDK app's {@code -c config=} name them; a file of that name in the working directory
 * wins.
 */
class BundledConfigNameTest {
  private final ConfigSource source =
      new ConfigSource(
          () -> {
            throw new AssertionError("no SSM for a file or a bundled name");
          },
          () -> {
            throw new AssertionError("no S3 for a file or a bundled name");
          });

  @Test
  void aBundledNameAloneLoadsThatConfiguration() throws Exception {
    assertThat(source.load("tweets-fb").name()).isEqualTo("tweets-fb");
    assertThat(source.load("us-business").source())
        .isEqualTo("classpath:schedules/us-business.yaml");
  }

  @Test
  void anUnknownNameIsAMissingFileNamedByItsPath() {
    assertThatThrownBy(() -> source.load("no-such-team"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("no-such-team: (file): cannot read");
  }
}
