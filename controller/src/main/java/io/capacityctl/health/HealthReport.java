package io.capacityctl.health;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Everything one health check found; unhealthy when any finding failed. */
public record HealthReport(Instant at, List<HealthFinding> findings) {

  public HealthReport {
    findings = List.copyOf(findings);
  }

  public boolean healthy() {
    return failures().isEmpty();
  }

  public List<HealthFinding> failures() {
    return findings.stream().filter(f -> f.status() == HealthFinding.Status.FAIL).toList();
  }

  /** Targets whose capacity is short of the plan with no controller closing the gap. */
  public int capacityMismatches() {
    return (int)
        failures().stream()
            .filter(
                f -> f.check().equals(HealthCheck.CAPACITY) || f.check().equals(HealthCheck.ECS))
            .count();
  }

  /** One line: HEALTHY, or UNHEALTHY with every failure. */
  public String summary() {
    return healthy()
        ? "HEALTHY (" + findings.size() + " checks)"
        : "UNHEALTHY: "
            + failures().stream()
                .map(f -> f.check() + " " + f.target() + ": " + f.detail())
                .collect(Collectors.joining("; "));
  }
}
