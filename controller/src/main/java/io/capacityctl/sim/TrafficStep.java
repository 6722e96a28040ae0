package io.capacityctl.sim;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.routing.RouteTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves one minute of demand the way Bedrock would and records it in the simulated CloudWatch: the
 * PTs the routing table publishes take what they can, on-demand headroom takes the overflow, the
 * rest is throttled. Shared by the {@link Simulator} and the live simulation behind {@code run
 * --cloud sim}, so both feed the controller the same metrics.
 */
public final class TrafficStep {
  /** Tokens per request, to turn tokens into the invocation counts CloudWatch reports. */
  static final double TOKENS_PER_REQUEST = 1000;

  private final CapacityConfig config;
  private final SimulatedCloud cloud;

  public TrafficStep(CapacityConfig config, SimulatedCloud cloud) {
    this.config = config;
    this.cloud = cloud;
  }

  /** How one model's demand was served in one minute, in tokens/s. */
  public record Served(
      double demand,
      int inServiceUnits,
      double capacity,
      double pt,
      double onDemand,
      double throttled) {}

  /**
   * Serves minute {@code minute} of {@code trace} (a model missing from the trace has no demand)
   * and records it.
   *
   * @return per model key, in config order
   */
  public Map<String, Served> serve(Trace trace, int minute) {
    RouteTable routes = cloud.routes().read().orElse(null);
    Map<String, Served> out = new LinkedHashMap<>();
    for (String key : config.modelKeys()) {
      ModelConfig m = config.model(key);
      double demand = trace.demand().containsKey(key) ? trace.at(key, minute) : 0;
      int inService = routedUnits(routes, key);
      double capacity = inService * m.tokensPerSecondPerUnit();
      double pt = Math.min(demand, capacity);
      double onDemand = Math.min(demand - pt, m.onDemandTps());
      double throttled = demand - pt - onDemand;
      double served = pt + onDemand;
      cloud
          .metrics()
          .record(
              key,
              minute,
              served * 60,
              served * 60 / TOKENS_PER_REQUEST,
              throttled * 60 / TOKENS_PER_REQUEST,
              pt * 60,
              pt * 60 / TOKENS_PER_REQUEST);
      out.put(key, new Served(demand, inService, capacity, pt, onDemand, throttled));
    }
    return out;
  }

  /** Units callers can use: the routing table's in-service PTs that are not draining. */
  private static int routedUnits(RouteTable table, String model) {
    if (table == null) {
      return 0;
    }
    ModelRoutes r = table.models().get(model);
    if (r == null) {
      return 0;
    }
    int units = 0;
    for (Route route : r.routes()) {
      if (!route.draining()) {
        units += route.units();
      }
    }
    return units;
  }
}
