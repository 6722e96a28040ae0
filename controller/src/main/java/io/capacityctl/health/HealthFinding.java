package io.capacityctl.health;

/**
 * One result of the health check.
 *
 * @param check what was checked: {@code observe}, {@code capacity}, {@code ecs}, {@code pt}, {@code
 *     provisioning} (the provisioning time learned), {@code metrics}, {@code actions}, {@code
 *     lease}, {@code config} (the configuration's reload), {@code orphans} (units billing with no
 *     owner)
 * @param target a model key, {@code ecs}, {@code controller}, or (orphans) another configuration
 */
public record HealthFinding(String check, String target, Status status, String detail) {

  /** How bad it is: only FAIL makes the controller unhealthy. */
  public enum Status {
    OK,
    WARN,
    FAIL
  }

  static HealthFinding ok(String check, String target, String detail) {
    return new HealthFinding(check, target, Status.OK, detail);
  }

  static HealthFinding warn(String check, String target, String detail) {
    return new HealthFinding(check, target, Status.WARN, detail);
  }

  static HealthFinding fail(String check, String target, String detail) {
    return new HealthFinding(check, target, Status.FAIL, detail);
  }

  @Override
  public String toString() {
    return status + " " + check + " " + target + ": " + detail;
  }
}
