package io.capacityctl.reconcile;

import io.capacityctl.ports.EcsCapacityApi;
import io.capacityctl.ports.HeartbeatsApi;
import io.capacityctl.ports.IntentTokensApi;
import io.capacityctl.ports.MetricsApi;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.routing.RoutePublisher;

/**
 * The cloud as the reconcile path sees it: the SDK adapters in AWS, fakes in the simulator.
 *
 * @param intentTokens observed tokens per request per intent; null when the config checks no token
 *     drift (no {@code intents} section)
 * @param heartbeats configurations' heartbeats in their state tables, which the orphan sweep writes
 *     and reads; null only in tests of other concerns, whose passes then sweep nothing
 */
public record CloudPorts(
    ProvisionedThroughputApi bedrock,
    MetricsApi metrics,
    EcsCapacityApi ecs,
    RoutePublisher routes,
    IntentTokensApi intentTokens,
    HeartbeatsApi heartbeats) {

  /** A cloud without heartbeats (tests of other concerns). */
  public CloudPorts(
      ProvisionedThroughputApi bedrock,
      MetricsApi metrics,
      EcsCapacityApi ecs,
      RoutePublisher routes,
      IntentTokensApi intentTokens) {
    this(bedrock, metrics, ecs, routes, intentTokens, null);
  }

  /** A cloud that reads no tokens per intent: enough for configs without an intents section. */
  public CloudPorts(
      ProvisionedThroughputApi bedrock,
      MetricsApi metrics,
      EcsCapacityApi ecs,
      RoutePublisher routes) {
    this(bedrock, metrics, ecs, routes, null, null);
  }
}
