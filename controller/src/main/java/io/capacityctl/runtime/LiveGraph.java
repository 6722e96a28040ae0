package io.capacityctl.runtime;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.health.HealthReport;
import java.util.List;
import java.util.function.Function;

/**
 * The controller's graph for the configuration in force, built again — whole — when a new one is
 * taken, since every object in it (planner, adapters, names, tables) was made for one
 * configuration. The previous graph is dropped, not closed: a health check may still be running on
 * it, and the SDK's idle-connection reaper holds its connection pools only weakly.
 */
public final class LiveGraph {
  private final ConfigReloader config;
  private final Function<CapacityConfig, ControllerGraph> build;
  private CapacityConfig builtFrom;
  private ControllerGraph graph;

  /** Builds the graph of {@code config}'s current configuration at once (the init phase). */
  public LiveGraph(ConfigReloader config, Function<CapacityConfig, ControllerGraph> build) {
    this.config = config;
    this.build = build;
    current();
  }

  /** Reads the configuration again when due; the graph of the configuration then in force. */
  public ControllerGraph refresh() {
    config.refresh();
    return current();
  }

  /** The graph of the configuration in force, without reading it again. */
  public synchronized ControllerGraph current() {
    CapacityConfig c = config.current();
    if (c != builtFrom) {
      graph = build.apply(c);
      builtFrom = c;
    }
    return graph;
  }

  /**
   * The health check on the configuration in force, read again when due, with the configuration's
   * own finding: a rejected configuration makes the controller unhealthy until it is fixed.
   */
  public HealthReport checkHealth() {
    ControllerGraph g = refresh();
    return g.healthCheck().run(List.of(config.finding()));
  }

  public ConfigReloader config() {
    return config;
  }
}
