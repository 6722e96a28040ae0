package io.capacityctl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.ConfigException;
import io.capacityctl.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

class ConfigSourceTest {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @Test
  void readsTheBundledFileAnS3ObjectAndAnSsmParameter() throws Exception {
    String yaml = bundledYaml();
    S3Client s3 = MOTO.clients().build(S3Client.builder().forcePathStyle(true));
    s3.createBucket(r -> r.bucket("ops-config"));
    s3.putObject(
        r -> r.bucket("ops-config").key("capacityctl/manga.yaml"), RequestBody.fromString(yaml));
    SsmClient ssm = MOTO.clients().build(SsmClient.builder());
    ssm.putParameter(
        r ->
            r.name("/capacityctl/config")
                .value(yaml)
                .type(ParameterType.STRING)
                .tier(ParameterTier.ADVANCED));
    ConfigSource source = ConfigSource.of(MOTO.target());

    assertThat(source.load(null).name()).isEqualTo("mangaassist");
    assertThat(source.load("schedules/mangaassist.yaml").source())
        .isEqualTo("classpath:schedules/mangaassist.yaml");
    assertThat(source.load("s3://ops-config/capacityctl/manga.yaml").source())
        .isEqualTo("s3://ops-config/capacityctl/manga.yaml");
    assertThat(source.load("ssm:/capacityctl/config").name()).isEqualTo("mangaassist");
  }

  @Test
  void errorsNameTheLocationAndLine(@TempDir Path dir) throws Exception {
    S3Client s3 = MOTO.clients().build(S3Client.builder().forcePathStyle(true));
    s3.createBucket(r -> r.bucket("ops-config"));
    s3.putObject(
        r -> r.bucket("ops-config").key("bad.yaml"),
        RequestBody.fromString(bundledYaml().replace("maxUnits: 60", "maxUnits: -1")));
    ConfigSource source = ConfigSource.of(MOTO.target());

    assertThatThrownBy(() -> source.load("s3://ops-config/bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching("(?s)s3://ops-config/bad\\.yaml:\\d+: models\\.sonnet\\.maxUnits: .*");
    assertThatThrownBy(() -> source.load("s3://ops-config/missing.yaml"))
        .hasMessageStartingWith("s3://ops-config/missing.yaml: (file): cannot read: s3:GetObject");
    assertThatThrownBy(() -> source.load("ssm:/nope"))
        .hasMessage("ssm:/nope: (file): cannot read: no such SSM parameter");
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> source.load(missing.toString()))
        .hasMessageStartingWith(missing + ": (file): cannot read");
  }

  private static String bundledYaml() throws Exception {
    try (var in = ConfigSource.class.getClassLoader().getResourceAsStream(ConfigSource.BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
