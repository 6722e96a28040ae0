package io.capacityctl.daemon;

import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.LiveGraph;
import java.time.Duration;

/**
 * The daemon's reconciler for the configuration in force: kept from pass to pass while the
 * configuration stands (its control-plane circuit counts failing passes), made anew from the new
 * graph when another configuration is taken. Same holder throughout, so the lease carries over.
 */
final class LiveReconciler {
  private final LiveGraph live;
  private final String holder;
  private final Duration ttl;
  private ControllerGraph graph;
  private Reconciler reconciler;

  LiveReconciler(LiveGraph live, String holder, Duration ttl) {
    this.live = live;
    this.holder = holder;
    this.ttl = ttl;
  }

  /** Reads the configuration again when due; the reconciler of the one then in force. */
  synchronized Reconciler forPass() {
    return of(live.refresh());
  }

  /** The reconciler of the configuration in force, without reading it again (warm start, stop). */
  synchronized Reconciler current() {
    return of(live.current());
  }

  private Reconciler of(ControllerGraph g) {
    if (g != graph) {
      graph = g;
      reconciler = g.reconcilers().create(holder, ttl);
    }
    return reconciler;
  }
}
