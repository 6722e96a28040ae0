package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the deployed controller finds the configuration the stack was built from. */
class ConfigSourceTest {
  private static final Path NEW_YORK = Path.of("src/test/resources/newyork-models-only.yaml");

  @Test
  void aBundledConfigurationIsReferencedByItsResourceName() throws Exception {
    ConfigSource s = ConfigSource.resolve(null);

    assertThat(s.reference()).isEqualTo("schedules/mangaassist.yaml");
    assertThat(s.config().name()).isEqualTo("mangaassist");
    assertThat(s.delivered()).isEmpty();
  }

  @Test
  void aBundledConfigurationIsFoundByItsShortNameAsDeployMdSays() throws Exception {
    // `npx aws-cdk@2 synth -c config=us-business` (issue 18): refused before.
    for (String name :
        new String[] {"us-business", "us-business.yaml", "schedules/us-business.yaml"}) {
      ConfigSource s = ConfigSource.resolve(name);

      assertThat(s.reference()).as(name).isEqualTo("schedules/us-business.yaml");
      assertThat(s.config().name()).isEqualTo("us-business");
      assertThat(s.delivered()).isEmpty();
    }
  }

  @Test
  void aFileTravelsVerbatimInAnSsmParameterUnderTheConfigsPrefix() throws Exception {
    ConfigSource s = ConfigSource.resolve(NEW_YORK.toString());

    assertThat(s.reference()).isEqualTo("ssm:/capacityctl/newyork/config");
    ConfigSource.SsmDelivery d = s.delivered().orElseThrow();
    assertThat(d.parameterName()).isEqualTo("/capacityctl/newyork/config");
    assertThat(d.yaml()).isEqualTo(Files.readString(NEW_YORK));
    assertThat(d.advanced()).isFalse();
  }

  @Test
  void aFileOverFourKilobytesNeedsTheAdvancedTier(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, Files.readString(NEW_YORK) + "#" + "x".repeat(5000) + "\n");

    assertThat(ConfigSource.resolve(big.toString()).delivered().orElseThrow().advanced()).isTrue();
  }

  @Test
  void aFileSsmCannotHoldIsRefusedWithTheWayOut(@TempDir Path dir) throws Exception {
    Path huge = dir.resolve("huge.yaml");
    Files.writeString(huge, Files.readString(NEW_YORK) + "#" + "x".repeat(9000) + "\n");

    assertThatThrownBy(() -> ConfigSource.resolve(huge.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option 'config'")
        .hasMessageContaining(huge.toString())
        .hasMessageContaining("schedules/src/main/resources");
  }

  @Test
  void aConfigurationInS3IsReadThereAndBuiltFromTheFile() throws Exception {
    ConfigSource s =
        ConfigSource.resolve(NEW_YORK.toString(), "s3://team-config/capacityctl/newyork.yaml");

    assertThat(s.reference()).isEqualTo("s3://team-config/capacityctl/newyork.yaml");
    assertThat(s.config().name()).isEqualTo("newyork");
    assertThat(s.delivered()).isEmpty();
    assertThat(s.object())
        .hasValueSatisfying(
            o -> {
              assertThat(o.bucket()).isEqualTo("team-config");
              assertThat(o.key()).isEqualTo("capacityctl/newyork.yaml");
            });
    assertThat(ConfigSource.resolve(NEW_YORK.toString()).object()).isEmpty();
  }

  @Test
  void aConfigObjectThatIsNoS3ObjectNamesTheOption() {
    assertThatThrownBy(() -> ConfigSource.resolve(null, "ssm:/capacityctl/x/config"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option 'configObject': expected s3://bucket/key, got 'ssm:/capacityctl/x/config'");
    assertThatThrownBy(() -> ConfigSource.resolve(null, "s3://team-config"))
        .hasMessageStartingWith("option 'configObject': 's3://team-config' is not an S3 object");
  }

  @Test
  void neitherFileNorResourceNamesTheOption() {
    assertThatThrownBy(() -> ConfigSource.resolve("nowhere.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("option 'config': 'nowhere.yaml' is neither a file nor");
  }

  @Test
  void anInvalidFileFailsWithTheLoadersFileAndLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(NEW_YORK).replace("America/New_York", "Mars/Olympus"));

    assertThatThrownBy(() -> ConfigSource.resolve(bad.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("timezone");
  }
}
