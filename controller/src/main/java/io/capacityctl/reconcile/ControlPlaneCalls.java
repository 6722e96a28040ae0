package io.capacityctl.reconcile;

import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.EcsCapacityApi;
import io.capacityctl.ports.EcsState;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.ProvisionedThroughputApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Watches every Bedrock and ECS control-plane call of a pass — reads and writes — and keeps the
 * errors they raised, so the {@link ControlPlaneCircuit} and the degradation level see a throttled
 * PT list as well as a throttled purchase. The errors still reach the caller unchanged.
 */
final class ControlPlaneCalls {
  private final CloudPorts ports;
  private final List<CloudException> errors = new ArrayList<>();

  ControlPlaneCalls(CloudPorts raw) {
    this.ports =
        new CloudPorts(
            raw.bedrock() == null ? null : new Bedrock(raw.bedrock()),
            raw.metrics(),
            raw.ecs() == null ? null : new Ecs(raw.ecs()),
            raw.routes(),
            raw.intentTokens(),
            raw.heartbeats());
  }

  /** The cloud with Bedrock and ECS watched. */
  CloudPorts ports() {
    return ports;
  }

  /** Forgets the errors of the previous pass. */
  synchronized void reset() {
    errors.clear();
  }

  /** True when a call of this pass failed with THROTTLING or UNAVAILABLE. */
  synchronized boolean retryableFailure() {
    for (CloudException e : errors) {
      if (e.kind() == CloudException.Kind.THROTTLING
          || e.kind() == CloudException.Kind.UNAVAILABLE) {
        return true;
      }
    }
    return false;
  }

  /** True when a call of this pass failed with a terminal kind (AccessDenied, Validation). */
  synchronized boolean terminalFailure() {
    for (CloudException e : errors) {
      if (e.terminal()) {
        return true;
      }
    }
    return false;
  }

  private <T> T watch(Supplier<T> call) {
    try {
      return call.get();
    } catch (CloudException e) {
      synchronized (this) {
        errors.add(e);
      }
      throw e;
    }
  }

  private final class Bedrock implements ProvisionedThroughputApi {
    private final ProvisionedThroughputApi api;

    Bedrock(ProvisionedThroughputApi api) {
      this.api = api;
    }

    @Override
    public List<ProvisionedThroughput> listAll() {
      return watch(api::listAll);
    }

    @Override
    public List<ProvisionedThroughput> list(String modelId) {
      return watch(() -> api.list(modelId));
    }

    @Override
    public ProvisionedThroughput create(CreatePtRequest request) {
      return watch(() -> api.create(request));
    }

    @Override
    public void delete(String arn) {
      watch(
          () -> {
            api.delete(arn);
            return null;
          });
    }
  }

  private final class Ecs implements EcsCapacityApi {
    private final EcsCapacityApi api;

    Ecs(EcsCapacityApi api) {
      this.api = api;
    }

    @Override
    public EcsState describe(String cluster, String service) {
      return watch(() -> api.describe(cluster, service));
    }

    @Override
    public void setTasks(String cluster, String service, int tasks) {
      watch(
          () -> {
            api.setTasks(cluster, service, tasks);
            return null;
          });
    }
  }
}
