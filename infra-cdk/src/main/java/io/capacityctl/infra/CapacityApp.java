package io.capacityctl.infra;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.infra.nag.NagSuppressionList;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: one stack per configuration, named {@code capacityctl-<config name>}. Options (see
 * {@link DeployOptions}): {@code config}, {@code configObject}, {@code mode} ({@code lambda} or
 * {@code ecs}), {@code lambdaJar}, {@code imageDir}, {@code alarmEmail}.
 */
public final class CapacityApp {
  private CapacityApp() {}

  public static void main(String[] args) {
    App app = new App();
    try {
      DeployOptions options = DeployOptions.read(app.getNode()::tryGetContext, System.getenv());
      create(app, options, Path.of("").toAbsolutePath());
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("capacityctl infra: " + e.getMessage());
      System.exit(2);
    }
    app.synth();
  }

  /** Adds the stack {@code options} describe to {@code app}; {@code cwd} locates the artifacts. */
  static CapacityStack create(App app, DeployOptions options, Path cwd) throws ConfigException {
    ConfigSource source =
        ConfigSource.resolve(options.config().orElse(null), options.configObject().orElse(null));
    CapacityConfig config = source.config();
    CapacityStackProps.Builder props =
        CapacityStackProps.builder().config(source).mode(options.mode());
    options.alarmEmail().ifPresent(props::alarmEmail);
    switch (options.mode()) {
      case LAMBDA ->
          props.lambdaAsset(
              RepoLayout.requireBuilt(
                      options
                          .lambdaJar()
                          .map(Path::of)
                          .orElseGet(() -> RepoLayout.find(cwd).lambdaJar()))
                  .toString());
      case ECS -> {
        RepoLayout repo =
            options
                .imageDir()
                .map(d -> new RepoLayout(Path.of(d)))
                .orElseGet(() -> RepoLayout.find(cwd));
        RepoLayout.requireBuilt(repo.controllerJar());
        props.imageDirectory(repo.root().toString());
      }
    }
    CapacityStack stack =
        new CapacityStack(
            app,
            "capacityctl-" + config.name(),
            StackProps.builder()
                .env(environment(config))
                .description(
                    "capacityctl "
                        + config.name()
                        + " ("
                        + options.mode().name().toLowerCase(java.util.Locale.ROOT)
                        + " mode)")
                .build(),
            props.build());
    // cdk-nag's AwsSolutions pack on every synthesis: a finding without a justified suppression
    // is an error annotation, which fails `cdk synth` and the tests.
    Aspects.of(stack).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    NagSuppressionList.applyTo(stack);
    return stack;
  }

  /**
   * The configuration's region (where the controller calls Bedrock) when it names one; the account
   * and otherwise the region come from the CLI's profile, or stay unresolved for an offline synth.
   */
  private static Environment environment(CapacityConfig config) {
    String region =
        config.aws().region() != null ? config.aws().region() : System.getenv("CDK_DEFAULT_REGION");
    return Environment.builder()
        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
        .region(region)
        .build();
  }
}
