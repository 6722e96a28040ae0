package io.capacityctl.routing;

import java.util.Optional;

/** Keeps the routing table in memory: the simulator's and tests' stand-in for SSM. */
public final class InMemoryRoutePublisher implements RoutePublisher {
  private RouteTable table;
  private int publications;

  @Override
  public synchronized Optional<RouteTable> read() {
    return Optional.ofNullable(table);
  }

  @Override
  public synchronized void publish(RouteTable table) {
    this.table = table;
    publications++;
  }

  public synchronized int publications() {
    return publications;
  }

  /** The parameter as a sandbox keeps it between processes; {@code table} null before any. */
  public record Saved(RouteTable table, int publications) {}

  public synchronized Saved save() {
    return new Saved(table, publications);
  }

  /** Replaces the parameter with {@code saved}'s, in place. */
  public synchronized void restore(Saved saved) {
    table = saved.table();
    publications = saved.publications();
  }
}
