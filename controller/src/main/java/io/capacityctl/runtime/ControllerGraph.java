package io.capacityctl.runtime;

import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.health.HealthCheck;
import io.capacityctl.operator.OneOffEvents;
import io.capacityctl.operator.Overrides;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.routing.RoutePublisher;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.waste.WasteReporter;
import java.time.Clock;

/** What an entry point's component hands out: the controller over one cloud (AWS or simulated). */
public interface ControllerGraph {
  ReconcilerFactory reconcilers();

  HealthCheck healthCheck();

  WasteReporter wasteReporter();

  Overrides overrides();

  OneOffEvents events();

  StateStore state();

  LeaseManager leases();

  CloudPorts cloud();

  CallerIdentity caller();

  Clock clock();

  default RoutePublisher routes() {
    return cloud().routes();
  }
}
