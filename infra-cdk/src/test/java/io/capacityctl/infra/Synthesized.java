package io.capacityctl.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The stacks the tests assert on, each synthesised once per test JVM (starting jsii and
 * synthesising take seconds), through the app's own entry point, into {@code target/cdk.out/<name>}
 * where the cfn-lint test reads them.
 */
final class Synthesized {
  static final Path OUT = Path.of("target", "cdk.out");
  private static final Path ASSETS = Path.of("target", "test-assets");

  /** One synthesised stack. */
  record Synth(CapacityStack stack, Template template) {
    /** The template as plain JSON values, for scans over every resource. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      return (Map<String, Object>) template.toJSON();
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources() {
      return (Map<String, Map<String, Object>>) json().get("Resources");
    }
  }

  private static Synth lambda;
  private static Synth ecs;
  private static Synth fileConfig;
  private static Synth s3Config;
  private static Synth renamed;

  private Synthesized() {}

  /** The bundled MangaAssist configuration in Lambda mode. */
  static synchronized Synth lambda() {
    if (lambda == null) {
      lambda =
          synth(
              "lambda",
              Map.of(DeployOptions.MODE, "lambda", DeployOptions.LAMBDA_JAR, lambdaJar()));
    }
    return lambda;
  }

  /** The bundled MangaAssist configuration in ECS mode. */
  static synchronized Synth ecs() {
    if (ecs == null) {
      ecs = synth("ecs", Map.of(DeployOptions.MODE, "ecs", DeployOptions.IMAGE_DIR, imageDir()));
    }
    return ecs;
  }

  /** A models-only New York configuration given as a file, in Lambda mode. */
  static synchronized Synth fileConfig() {
    if (fileConfig == null) {
      fileConfig =
          synth(
              "file-config",
              Map.of(
                  DeployOptions.CONFIG,
                  "src/test/resources/newyork-models-only.yaml",
                  DeployOptions.LAMBDA_JAR,
                  lambdaJar(),
                  DeployOptions.ALARM_EMAIL,
                  "oncall@example.com"));
    }
    return fileConfig;
  }

  /** The same New York file, read by the controller from an S3 object, in Lambda mode. */
  static synchronized Synth s3Config() {
    if (s3Config == null) {
      s3Config =
          synth(
              "s3-config",
              Map.of(
                  DeployOptions.CONFIG,
                  "src/test/resources/newyork-models-only.yaml",
                  DeployOptions.CONFIG_OBJECT,
                  "s3://team-config/capacityctl/newyork.yaml",
                  DeployOptions.LAMBDA_JAR,
                  lambdaJar()));
    }
    return s3Config;
  }

  /** New York renamed to newyork-v2, adopting its old name's fleet, in Lambda mode. */
  static synchronized Synth renamed() {
    if (renamed == null) {
      renamed =
          synth(
              "renamed",
              Map.of(
                  DeployOptions.CONFIG,
                  "src/test/resources/newyork-renamed.yaml",
                  DeployOptions.LAMBDA_JAR,
                  lambdaJar()));
    }
    return renamed;
  }

  private static Synth synth(String name, Map<String, String> context) {
    Path outdir = OUT.resolve(name);
    try {
      App app = new App(AppProps.builder().outdir(outdir.toString()).build());
      DeployOptions options = DeployOptions.read(context::get, Map.of());
      CapacityStack stack = CapacityApp.create(app, options, Path.of("").toAbsolutePath());
      app.synth();
      return new Synth(stack, Template.fromStack(stack));
    } catch (Exception e) {
      throw new IllegalStateException("cannot synthesise " + name + ": " + e.getMessage(), e);
    }
  }

  /** Stands in for the lambda-handlers jar, which another module builds. */
  private static String lambdaJar() {
    Path dir = ASSETS.resolve("lambda");
    write(dir.resolve("placeholder.txt"), "not a real handler");
    return dir.toString();
  }

  /** A build context laid out like the repository: a Dockerfile and the controller jar. */
  private static String imageDir() {
    Path dir = ASSETS.resolve("image");
    write(dir.resolve("Dockerfile"), "FROM scratch\n");
    write(dir.resolve("infra-cdk/.keep"), "");
    write(dir.resolve("controller/target/capacityctl.jar"), "not a real jar");
    return dir.toString();
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template's resources of one CloudFormation type, by logical id, as their Properties. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> resourcesOf(Synth synth, String type) {
    Map<String, Map<String, Object>> found = new java.util.LinkedHashMap<>();
    synth
        .resources()
        .forEach(
            (id, r) -> {
              if (type.equals(r.get("Type"))) {
                found.put(id, (Map<String, Object>) r.get("Properties"));
              }
            });
    return found;
  }

  /** Pretty JSON of any template value, for failure messages and substring checks. */
  static String pretty(Object value) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
