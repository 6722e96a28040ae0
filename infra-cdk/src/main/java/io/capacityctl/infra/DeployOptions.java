package io.capacityctl.infra;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The app's options: CDK context ({@code cdk synth -c mode=ecs}) first, else the environment
 * variable {@code CAPACITYCTL_<NAME>} ({@code CAPACITYCTL_MODE=ecs}).
 *
 * @param config a YAML file or a bundled configuration; empty for the bundled MangaAssist file
 * @param configObject {@code s3://bucket/key}: the controller reads its configuration there (see
 *     {@link ConfigSource})
 * @param lambdaJar overrides the lambda-handlers jar path
 * @param imageDir overrides the Docker build context (the repository root)
 */
public record DeployOptions(
    Optional<String> config,
    Optional<String> configObject,
    Mode mode,
    Optional<String> lambdaJar,
    Optional<String> imageDir,
    Optional<String> alarmEmail) {

  public static final String CONFIG = "config";
  public static final String CONFIG_OBJECT = "configObject";
  public static final String MODE = "mode";
  public static final String LAMBDA_JAR = "lambdaJar";
  public static final String IMAGE_DIR = "imageDir";
  public static final String ALARM_EMAIL = "alarmEmail";

  /**
   * @param context the CDK context lookup ({@code app.getNode()::tryGetContext})
   */
  public static DeployOptions read(Function<String, Object> context, Map<String, String> env) {
    Function<String, Optional<String>> option =
        name ->
            Optional.ofNullable(context.apply(name))
                .map(String::valueOf)
                .or(() -> Optional.ofNullable(env.get(envName(name))))
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    return new DeployOptions(
        option.apply(CONFIG),
        option.apply(CONFIG_OBJECT),
        option.apply(MODE).map(Mode::parse).orElse(Mode.LAMBDA),
        option.apply(LAMBDA_JAR),
        option.apply(IMAGE_DIR),
        option.apply(ALARM_EMAIL));
  }

  /** {@code lambdaJar} -> {@code CAPACITYCTL_LAMBDA_JAR}. */
  static String envName(String option) {
    return "CAPACITYCTL_" + option.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
