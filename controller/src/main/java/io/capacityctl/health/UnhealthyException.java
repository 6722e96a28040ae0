package io.capacityctl.health;

/**
 * The health check failed. Thrown out of the Lambda handler so the function's Errors metric (and
 * its alarm) sees it: an unhealthy controller is never just a log line.
 */
public class UnhealthyException extends RuntimeException {
  private final HealthReport report;

  public UnhealthyException(HealthReport report) {
    super(report.summary());
    this.report = report;
  }

  public HealthReport report() {
    return report;
  }
}
