package io.capacityctl.config;

import java.time.Duration;

/** The ECS service that calls Bedrock; scaled from the same expected throughput as the models. */
public record EcsConfig(
    String cluster,
    String service,
    double tokensPerSecondPerTask,
    int minTasks,
    int maxTasks,
    double taskHourlyUsd,
    Duration startupTime) {

  public long startupMinutes() {
    return Math.max(1, (startupTime.toSeconds() + 59) / 60);
  }
}
