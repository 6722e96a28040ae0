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
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
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

  @Test
  void readsAnS3ObjectAndNamesItInErrors() throws Exception {
    S3Client s3 = MOTO.clients().build(S3Client.builder().forcePathStyle(true));
    s3.createBucket(r -> r.bucket("team-config"));
    putObject(s3, "capacityctl/manga.yaml", bundledYaml());
    putObject(s3, "capacityctl/bad.yaml", bundledYaml().replace("maxUnits: 20", "maxUnits: many"));
    ConfigSource source = ConfigSource.of(MOTO.target());

    assertThat(source.load("s3://team-config/capacityctl/manga.yaml").source())
        .isEqualTo("s3://team-config/capacityctl/manga.yaml");
    assertThat(source.load("s3://team-config/capacityctl/manga.yaml").name())
        .isEqualTo("mangaassist");
    assertThatThrownBy(() -> source.load("s3://team-config/capacityctl/bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching(
            "(?s)s3://team-config/capacityctl/bad\\.yaml:\\d+: models\\.haiku\\.maxUnits: .*");
    putObject(s3, "capacityctl/huge.yaml", "name: \"" + "x".repeat(1 << 20) + "\"\n");
    assertThatThrownBy(() -> source.load("s3://team-config/capacityctl/huge.yaml"))
        .hasMessage(
            "s3://team-config/capacityctl/huge.yaml: (file): is 1048585 bytes; a configuration is"
                + " at most 131072 bytes");
    assertThatThrownBy(() -> source.load("s3://team-config/capacityctl/gone.yaml"))
        .hasMessage(
            "s3://team-config/capacityctl/gone.yaml: (file): cannot read: no such S3 object"
                + " (NoSuchKey)");
    assertThatThrownBy(() -> source.load("s3://no-such-bucket/c.yaml"))
        .hasMessageStartingWith("s3://no-such-bucket/c.yaml: (file): cannot read: s3:GetObject:")
        .hasMessageContaining("NoSuchBucket");
    assertThatThrownBy(() -> source.load("s3://team-config"))
        .hasMessage(
            "s3://team-config: (file): 's3://team-config' is not an S3 object: expected"
                + " s3://bucket/key");
  }

  @Test
  void accessDeniedNamesTheMissingPermission() {
    ConfigSource source =
        new ConfigSource(
            () -> {
              throw new AssertionError("no SSM location here");
            },
            () -> new DenyingS3());

    assertThatThrownBy(() -> source.load("s3://team-config/c.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "s3://team-config/c.yaml: (file): cannot read: access denied: the controller's role"
                + " needs s3:GetObject on this location (s3:GetObject: ACCESS_DENIED: AccessDenied:");
  }

  /** S3 as a role without s3:GetObject sees it. */
  private static final class DenyingS3 implements S3Client {
    @Override
    public <T> T getObject(
        GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
      throw (S3Exception)
          S3Exception.builder()
              .statusCode(403)
              .awsErrorDetails(
                  AwsErrorDetails.builder()
                      .errorCode("AccessDenied")
                      .errorMessage("Access Denied")
                      .build())
              .build();
    }

    @Override
    public String serviceName() {
      return "s3";
    }

    @Override
    public void close() {}
  }

  private static void putObject(S3Client s3, String key, String yaml) {
    s3.putObject(r -> r.bucket("team-config").key(key), RequestBody.fromString(yaml));
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
