package io.capacityctl.sim;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.routing.InMemoryRoutePublisher;
import io.capacityctl.routing.RoutePublisher;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated AWS account: Bedrock PT control plane, CloudWatch (traffic and tokens per intent),
 * ECS, the routing parameter and the configurations' heartbeats, all on one fake clock. Tests, the
 * simulator and {@code run --cloud sim} use this same cloud.
 */
public final class SimulatedCloud {
  private final FakeClock clock;
  private final SimBedrock bedrock;
  private final SimMetrics metrics;
  private final SimEcs ecs;
  private final InMemoryRoutePublisher routes = new InMemoryRoutePublisher();
  private final SimIntentTokens intentTokens = new SimIntentTokens();
  private final SimHeartbeats heartbeats = new SimHeartbeats();

  /** A cloud for {@code config} whose metrics cover {@code minutes} minutes from {@code start}. */
  public SimulatedCloud(CapacityConfig config, Instant start, int minutes) {
    this.clock = new FakeClock(start);
    Map<String, Duration> provisioning = new HashMap<>();
    Map<String, Integer> quota = new HashMap<>();
    for (ModelConfig m : config.models().values()) {
      provisioning.put(m.modelId(), m.provisioningTime());
      quota.merge(m.modelId(), m.maxUnits(), Math::max);
    }
    this.bedrock = new SimBedrock(clock, provisioning, quota);
    this.metrics = new SimMetrics(clock, start, minutes, List.copyOf(config.modelKeys()));
    this.ecs =
        config.ecs() == null
            ? new SimEcs(clock, Duration.ZERO, 0)
            : new SimEcs(clock, config.ecs().startupTime(), config.ecs().minTasks());
  }

  public FakeClock clock() {
    return clock;
  }

  public SimBedrock bedrock() {
    return bedrock;
  }

  public SimMetrics metrics() {
    return metrics;
  }

  public SimEcs ecs() {
    return ecs;
  }

  public InMemoryRoutePublisher routes() {
    return routes;
  }

  /** Observed tokens per request per intent; none until a test or scenario sets some. */
  public SimIntentTokens intentTokens() {
    return intentTokens;
  }

  /** Every configuration's heartbeat, by state table. */
  public SimHeartbeats heartbeats() {
    return heartbeats;
  }

  public CloudPorts ports() {
    return ports(routes);
  }

  /**
   * The ports of a configuration that publishes its routing table to {@code routes}: another
   * configuration on this account, with its own routes parameter.
   */
  public CloudPorts ports(RoutePublisher routes) {
    return new CloudPorts(bedrock, metrics, ecs, routes, intentTokens, heartbeats);
  }
}
