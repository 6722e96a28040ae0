package io.capacityctl.lambda;

import dagger.BindsInstance;
import dagger.Component;
import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsCloudModule;
import io.capacityctl.aws.AwsPublishedMetricsModule;
import io.capacityctl.aws.AwsTarget;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.runtime.ConfigReloader;
import io.capacityctl.runtime.ConfigSource;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.ControllerModule;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.telemetry.EmfTelemetrySink;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import javax.inject.Singleton;

/** The Lambda handlers' object graph for one configuration: the controller on AWS. */
@Singleton
@Component(
    modules = {
      ControllerModule.class,
      AwsCloudModule.class,
      AwsClientsModule.class,
      AwsPublishedMetricsModule.class
    })
interface LambdaComponent extends ControllerGraph {
  /** How often a warm container reads the configuration again (ISO-8601, default PT5M). */
  String RELOAD_ENV = "CAPACITYCTL_CONFIG_RELOAD";

  /** Builds the graph for one config. */
  @Component.Factory
  interface Factory {
    LambdaComponent create(
        @BindsInstance CapacityConfig config, AwsCloudModule cloud, AwsClientsModule clients);
  }

  /**
   * The real graph, for a handler's public constructor (the function's init phase): the config from
   * {@code $CAPACITYCTL_CONFIG}, read again at the start of an invocation once {@code
   * $CAPACITYCTL_CONFIG_RELOAD} has passed since the last read. No AWS call is made until the first
   * invocation. (A SnapStart snapshot keeps the time of its read, so the first invocation after a
   * restore reads the configuration again.)
   *
   * @throws IllegalStateException naming the location, line and field of a bad config, which fails
   *     the init and so every invocation, loudly
   */
  static LiveGraph live(Map<String, String> env) {
    Clock clock = Clock.systemUTC();
    return live(
        env,
        clock,
        new EmfTelemetrySink(null, clock),
        c ->
            DaggerLambdaComponent.factory()
                .create(c, new AwsCloudModule(c), new AwsClientsModule(AwsTarget.of(c.aws()))));
  }

  /** As {@link #live(Map)}, on another clock, telemetry and graph (the tests' simulated cloud). */
  static LiveGraph live(
      Map<String, String> env,
      Clock clock,
      TelemetrySink telemetry,
      Function<CapacityConfig, ControllerGraph> build) {
    String location = env.get(ConfigSource.ENV);
    ConfigSource source = ConfigSource.of(new AwsTarget(null, null, null));
    CapacityConfig config;
    try {
      config = source.load(location);
    } catch (ConfigException e) {
      throw new IllegalStateException(
          "cannot load the configuration from $" + ConfigSource.ENV + ":\n" + e.getMessage(), e);
    }
    return new LiveGraph(
        new ConfigReloader(config, location, source::load, reloadEvery(env), clock, telemetry),
        build);
  }

  private static Duration reloadEvery(Map<String, String> env) {
    String text = env.get(RELOAD_ENV);
    if (text == null || text.isBlank()) {
      return ConfigReloader.DEFAULT_EVERY;
    }
    try {
      Duration every = Duration.parse(text.trim());
      if (!every.isNegative() && !every.isZero()) {
        return every;
      }
    } catch (DateTimeParseException e) {
      // reported below, with what is expected
    }
    throw new IllegalStateException(
        "$"
            + RELOAD_ENV
            + ": expected a positive ISO-8601 duration such as PT5M, got '"
            + text
            + "'");
  }
}
