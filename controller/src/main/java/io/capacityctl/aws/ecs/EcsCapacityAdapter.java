package io.capacityctl.aws.ecs;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.ports.EcsCapacityApi;
import io.capacityctl.ports.EcsState;
import java.util.Optional;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Reads and sets the ECS service's task capacity, coexisting with Application Auto Scaling.
 *
 * <p>When the service has a scalable target, capacityctl only moves MinCapacity: a target-tracking
 * policy owns desiredCount and would move an UpdateService value back on its next evaluation, while
 * a raised MinCapacity lifts desiredCount to the floor at once and still lets the policy add tasks
 * above it. Without a scalable target nothing else owns desiredCount, so it is set directly.
 */
public final class EcsCapacityAdapter implements EcsCapacityApi {
  private final EcsClient ecs;
  private final ApplicationAutoScalingClient autoScaling;

  public EcsCapacityAdapter(EcsClient ecs, ApplicationAutoScalingClient autoScaling) {
    this.ecs = ecs;
    this.autoScaling = autoScaling;
  }

  @Override
  public EcsState describe(String cluster, String service) {
    Service s = service(cluster, service);
    Optional<ScalableTarget> target = scalableTarget(cluster, service);
    int floor = target.map(ScalableTarget::minCapacity).orElse(s.desiredCount());
    return new EcsState(s.desiredCount(), s.runningCount(), floor, target.isPresent());
  }

  @Override
  public void setTasks(String cluster, String service, int tasks) {
    if (tasks < 0) {
      throw new IllegalArgumentException("task count must be >= 0, was " + tasks);
    }
    Optional<ScalableTarget> target = scalableTarget(cluster, service);
    if (target.isPresent()) {
      // Never lower MaxCapacity: it is the operators' ceiling for target tracking.
      int max = Math.max(target.get().maxCapacity(), tasks);
      AwsErrors.call(
          AwsAction.AAS_REGISTER_SCALABLE_TARGET,
          () ->
              autoScaling.registerScalableTarget(
                  r ->
                      r.serviceNamespace(ServiceNamespace.ECS)
                          .resourceId(resourceId(cluster, service))
                          .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                          .minCapacity(tasks)
                          .maxCapacity(max)));
    } else {
      AwsErrors.call(
          AwsAction.ECS_UPDATE_SERVICE,
          () -> ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(tasks)));
    }
  }

  private Service service(String cluster, String service) {
    DescribeServicesResponse response =
        AwsErrors.call(
            AwsAction.ECS_DESCRIBE_SERVICES,
            () -> ecs.describeServices(r -> r.cluster(cluster).services(service)));
    return response.services().stream()
        .filter(s -> !"INACTIVE".equals(s.status()))
        .findFirst()
        .orElseThrow(
            () ->
                new CloudException(
                    Kind.NOT_FOUND,
                    AwsAction.ECS_DESCRIBE_SERVICES.iamAction(),
                    "no active service "
                        + service
                        + " in cluster "
                        + cluster
                        + (response.hasFailures() ? ": " + response.failures() : "")));
  }

  private Optional<ScalableTarget> scalableTarget(String cluster, String service) {
    return AwsErrors.call(
            AwsAction.AAS_DESCRIBE_SCALABLE_TARGETS,
            () ->
                autoScaling.describeScalableTargets(
                    r ->
                        r.serviceNamespace(ServiceNamespace.ECS)
                            .resourceIds(resourceId(cluster, service))
                            .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)))
        .scalableTargets()
        .stream()
        .findFirst();
  }

  /** Application Auto Scaling's resource id for an ECS service. */
  static String resourceId(String cluster, String service) {
    return "service/" + cluster + "/" + service;
  }
}
