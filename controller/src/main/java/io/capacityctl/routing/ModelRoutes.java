package io.capacityctl.routing;

import java.util.List;
import java.util.Objects;

/**
 * Where callers send one model's requests: the in-service PT ARNs weighted by units, and the
 * on-demand model id to fall back to when they throttle or none exists.
 */
public record ModelRoutes(String onDemandModelId, List<Route> routes) {
  public ModelRoutes {
    routes = List.copyOf(routes);
  }

  // Written out, like Route's: compared on every reconcile pass.
  @Override
  public boolean equals(Object o) {
    return o instanceof ModelRoutes m
        && Objects.equals(onDemandModelId, m.onDemandModelId)
        && Objects.equals(routes, m.routes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(onDemandModelId, routes);
  }
}
