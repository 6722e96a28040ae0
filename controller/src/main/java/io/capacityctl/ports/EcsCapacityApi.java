package io.capacityctl.ports;

/**
 * Sets and reads the ECS service's task capacity. With an Application Auto Scaling scalable target
 * the adapter raises MinCapacity (target tracking still adds above it); without one it sets the
 * desired count.
 */
public interface EcsCapacityApi {

  EcsState describe(String cluster, String service);

  /** Sets the capacity floor (min-capacity mode) or the desired count to {@code tasks}. */
  void setTasks(String cluster, String service, int tasks);
}
