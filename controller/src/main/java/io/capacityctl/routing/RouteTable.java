package io.capacityctl.routing;

import java.time.Instant;
import java.util.Map;

/**
 * The routing table capacityctl publishes after every change (SSM parameter {@code
 * /capacityctl/<config>/routes}): per model key, the PT ARNs callers may use.
 */
public record RouteTable(String config, Instant publishedAt, Map<String, ModelRoutes> models) {
  public RouteTable {
    models = Map.copyOf(models);
  }
}
