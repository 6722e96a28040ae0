package io.capacityctl.lambda;

import dagger.BindsInstance;
import dagger.Component;
import io.capacityctl.aws.AwsClientsModule;
import io.capacityctl.aws.AwsCloudModule;
import io.capacityctl.aws.AwsPublishedMetricsModule;
import io.capacityctl.aws.AwsTarget;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.runtime.ConfigSource;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.ControllerModule;
import java.util.Map;
import javax.inject.Singleton;

/** The Lambda handlers' object graph: the controller on AWS. */
@Singleton
@Component(
    modules = {
      ControllerModule.class,
      AwsCloudModule.class,
      AwsClientsModule.class,
      AwsPublishedMetricsModule.class
    })
interface LambdaComponent extends ControllerGraph {

  /** Builds the graph for one config. */
  @Component.Factory
  interface Factory {
    LambdaComponent create(
        @BindsInstance CapacityConfig config, AwsCloudModule cloud, AwsClientsModule clients);
  }

  /**
   * The real graph, for a handler's public constructor (the function's init phase): the config from
   * {@code $CAPACITYCTL_CONFIG}. No AWS call is made until the first invocation.
   *
   * @throws IllegalStateException naming the location, line and field of a bad config, which fails
   *     the init and so every invocation, loudly
   */
  static LambdaComponent from(Map<String, String> env) {
    CapacityConfig config;
    try {
      config = ConfigSource.of(new AwsTarget(null, null, null)).load(env.get(ConfigSource.ENV));
    } catch (ConfigException e) {
      throw new IllegalStateException(
          "cannot load the configuration from $" + ConfigSource.ENV + ":\n" + e.getMessage(), e);
    }
    return DaggerLambdaComponent.factory()
        .create(
            config, new AwsCloudModule(config), new AwsClientsModule(AwsTarget.of(config.aws())));
  }
}
