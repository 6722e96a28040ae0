package io.capacityctl.lambda;

import dagger.Component;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.ControllerModule;
import io.capacityctl.sim.SimCloudModule;
import javax.inject.Singleton;

/** The handlers' graph with the simulated cloud swapped in for AWS. */
@Singleton
@Component(modules = {ControllerModule.class, SimCloudModule.class})
interface SimLambdaComponent extends ControllerGraph {
  /** Builds the graph over one simulated account. */
  @Component.Factory
  interface Factory {
    SimLambdaComponent create(SimCloudModule cloud);
  }
}
