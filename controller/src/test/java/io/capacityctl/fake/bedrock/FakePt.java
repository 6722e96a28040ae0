package io.capacityctl.fake.bedrock;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** One provisioned throughput held by the fake control plane. Units never change after purchase. */
final class FakePt {
  final String arn;
  final String foundationModelArn;
  final int units;
  final String commitmentDuration;
  final Instant createdAt;
  final Map<String, String> tags = new LinkedHashMap<>();
  String name;
  Instant lastModified;
  String failureMessage;

  FakePt(
      String arn,
      String name,
      String foundationModelArn,
      int units,
      String commitmentDuration,
      Instant createdAt) {
    this.arn = arn;
    this.name = name;
    this.foundationModelArn = foundationModelArn;
    this.units = units;
    this.commitmentDuration = commitmentDuration;
    this.createdAt = createdAt;
    this.lastModified = createdAt;
  }

  /** Creating until {@code provisioningTime} has passed on the fake's clock, then InService. */
  String status(Instant now, Duration provisioningTime) {
    if (failureMessage != null) {
      return "Failed";
    }
    return now.isBefore(createdAt.plus(provisioningTime)) ? "Creating" : "InService";
  }

  /** The end of the commitment term, or null for a no-commitment PT. */
  Instant commitmentExpiration() {
    if (commitmentDuration == null) {
      return null;
    }
    Period term = "SixMonths".equals(commitmentDuration) ? Period.ofMonths(6) : Period.ofMonths(1);
    return createdAt.atOffset(ZoneOffset.UTC).plus(term).toInstant();
  }
}
