package io.capacityctl.routing;

import java.util.List;

/**
 * Where callers send one model's requests: the in-service PT ARNs weighted by units, and the
 * on-demand model id to fall back to when they throttle or none exists.
 */
public record ModelRoutes(String onDemandModelId, List<Route> routes) {
  public ModelRoutes {
    routes = List.copyOf(routes);
  }
}
