package io.capacityctl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.ConfigException;
import io.capacityctl.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

class ConfigSourceTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @Test
  void readsTheBundledFileAFileAndAnSsmParameter(@TempDir Path dir) throws Exception {
    String yaml = bundledYaml();
    put("/capacityctl/mangaassist/config", yaml);
    Path file = dir.resolve("manga.yaml");
    Files.writeString(file, yaml);
    ConfigSource source = ConfigSource.of(MOTO.target());

    assertThat(source.load(null).name()).isEqualTo("mangaassist");
    assertThat(source.load("schedules/mangaassist.yaml").source())
        .isEqualTo("classpath:schedules/mangaassist.yaml");
    assertThat(source.load(file.toString()).source()).isEqualTo(file.toString());
    assertThat(source.load("ssm:/capacityctl/mangaassist/config").source())
        .isEqualTo("ssm:/capacityctl/mangaassist/config");
  }

  @Test
  void errorsNameTheLocationAndLine(@TempDir Path dir) throws Exception {
    put("/capacityctl/bad/config", bundledYaml().replace("maxUnits: 60", "maxUnits: -1"));
    ConfigSource source = ConfigSource.of(MOTO.target());

    assertThatThrownBy(() -> source.load("ssm:/capacityctl/bad/config"))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching("(?s)ssm:/capacityctl/bad/config:\\d+: models\\.sonnet\\.maxUnits: .*");
    assertThatThrownBy(() -> source.load("ssm:/nope"))
        .hasMessage("ssm:/nope: (file): cannot read: no such SSM parameter");
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> source.load(missing.toString()))
        .hasMessageStartingWith(missing + ": (file): cannot read");
  }

  private static void put(String name, String yaml) {
    SsmClient ssm = MOTO.clients().build(SsmClient.builder());
    ssm.putParameter(
        r -> r.name(name).value(yaml).type(ParameterType.STRING).tier(ParameterTier.ADVANCED));
  }

  private static String bundledYaml() throws Exception {
    try (var in = ConfigSource.class.getClassLoader().getResourceAsStream(ConfigSource.BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
