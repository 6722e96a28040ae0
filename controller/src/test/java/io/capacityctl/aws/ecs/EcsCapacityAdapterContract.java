package io.capacityctl.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.EcsState;
import io.capacityctl.testing.AwsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/** The ECS adapter against real ECS and Application Auto Scaling APIs (moto). */
abstract class EcsCapacityAdapterContract {
  static final String CLUSTER = "manga";
  static final String SERVICE = "assist-api";

  private EcsClient ecs;
  private ApplicationAutoScalingClient autoScaling;
  private EcsCapacityAdapter adapter;

  abstract AwsEmulator emulator();

  @BeforeEach
  void serviceWithTwoTasks() {
    ecs = emulator().clients().build(EcsClient.builder());
    autoScaling = emulator().clients().build(ApplicationAutoScalingClient.builder());
    adapter = new EcsCapacityAdapter(ecs, autoScaling);
    ecs.createCluster(r -> r.clusterName(CLUSTER));
    ecs.registerTaskDefinition(
        r ->
            r.family("assist")
                .containerDefinitions(
                    ContainerDefinition.builder().name("api").image("nginx").memory(512).build()));
    ecs.createService(
        r -> r.cluster(CLUSTER).serviceName(SERVICE).taskDefinition("assist").desiredCount(2));
  }

  @Test
  void withAScalableTargetRaisesMinCapacityAndLeavesDesiredCountToTargetTracking() {
    registerScalableTarget(1, 10);

    adapter.setTasks(CLUSTER, SERVICE, 5);

    ScalableTarget target = scalableTarget();
    assertThat(target.minCapacity()).isEqualTo(5);
    assertThat(target.maxCapacity()).isEqualTo(10);
    assertThat(desiredCount()).isEqualTo(2);
    EcsState state = adapter.describe(CLUSTER, SERVICE);
    assertThat(state.scalableTarget()).isTrue();
    assertThat(state.floor()).isEqualTo(5);
    assertThat(state.desired()).isEqualTo(2);
  }

  @Test
  void aFloorAboveMaxCapacityRaisesMaxToTheFloor() {
    registerScalableTarget(1, 10);

    adapter.setTasks(CLUSTER, SERVICE, 14);

    assertThat(scalableTarget().minCapacity()).isEqualTo(14);
    assertThat(scalableTarget().maxCapacity()).isEqualTo(14);
  }

  @Test
  void loweringTheFloorNeverLowersMaxCapacity() {
    registerScalableTarget(6, 30);

    adapter.setTasks(CLUSTER, SERVICE, 2);

    assertThat(scalableTarget().minCapacity()).isEqualTo(2);
    assertThat(scalableTarget().maxCapacity()).isEqualTo(30);
  }

  @Test
  void withoutAScalableTargetSetsDesiredCount() {
    adapter.setTasks(CLUSTER, SERVICE, 4);

    assertThat(desiredCount()).isEqualTo(4);
    EcsState state = adapter.describe(CLUSTER, SERVICE);
    assertThat(state.scalableTarget()).isFalse();
    assertThat(state.desired()).isEqualTo(4);
    assertThat(state.floor()).isEqualTo(4);
  }

  @Test
  void anUnknownServiceIsNotFound() {
    assertThatThrownBy(() -> adapter.describe(CLUSTER, "nope"))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CloudException.Kind.NOT_FOUND);
              assertThat(e.getMessage()).contains("nope");
            });
  }

  @Test
  void aNegativeTaskCountIsRejectedWithoutAnyChange() {
    assertThatThrownBy(() -> adapter.setTasks(CLUSTER, SERVICE, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(desiredCount()).isEqualTo(2);
  }

  private void registerScalableTarget(int min, int max) {
    autoScaling.registerScalableTarget(
        r ->
            r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(EcsCapacityAdapter.resourceId(CLUSTER, SERVICE))
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(min)
                .maxCapacity(max));
  }

  private ScalableTarget scalableTarget() {
    return autoScaling
        .describeScalableTargets(
            r ->
                r.serviceNamespace(ServiceNamespace.ECS)
                    .resourceIds(EcsCapacityAdapter.resourceId(CLUSTER, SERVICE)))
        .scalableTargets()
        .get(0);
  }

  private int desiredCount() {
    return ecs.describeServices(r -> r.cluster(CLUSTER).services(SERVICE))
        .services()
        .get(0)
        .desiredCount();
  }
}
