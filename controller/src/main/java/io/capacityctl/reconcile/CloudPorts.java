package io.capacityctl.reconcile;

import io.capacityctl.ports.EcsCapacityApi;
import io.capacityctl.ports.MetricsApi;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.routing.RoutePublisher;

/** The cloud as the reconcile path sees it: the SDK adapters in AWS, fakes in the simulator. */
public record CloudPorts(
    ProvisionedThroughputApi bedrock,
    MetricsApi metrics,
    EcsCapacityApi ecs,
    RoutePublisher routes) {}
