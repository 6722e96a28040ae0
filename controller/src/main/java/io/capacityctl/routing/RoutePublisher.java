package io.capacityctl.routing;

import java.util.Optional;

/**
 * Publishes the routing table and reads back the last one. The published table is also the record
 * of which PTs are draining and since when, so drain state survives restarts.
 */
public interface RoutePublisher {
  Optional<RouteTable> read();

  void publish(RouteTable table);
}
