package io.capacityctl.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** JSON-ready: healthy, at, and every finding. */
  public Map<String, Object> asMap() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("healthy", healthy());
    v.put("at", String.valueOf(at));
    v.put(
        "findings",
        findings.stream()
            .map(
                f -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("status", f.status().name());
                  m.put("check", f.check());
                  m.put("target", f.target());
                  m.put("detail", f.detail());
                  return m;
                })
            .toList());
    return v;
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
