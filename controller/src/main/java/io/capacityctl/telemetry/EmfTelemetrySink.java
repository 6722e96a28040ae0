package io.capacityctl.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.cloudwatchlogs.emf.config.Configuration;
import software.amazon.cloudwatchlogs.emf.environment.DefaultEnvironment;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Publishes metrics as CloudWatch Embedded Metric Format log lines on stdout, through the
 * aws-embedded-metrics library: the Lambda runtime and the ECS awslogs driver both ship stdout to
 * CloudWatch Logs, which extracts the metrics. No agent, no PutMetricData permission.
 *
 * <p>An EMF document has one dimension set list for all of its metrics, so each distinct dimension
 * map gets its own logger (and line) per flush. Timestamps come from the injected clock.
 */
public final class EmfTelemetrySink implements TelemetrySink {
  public static final String DEFAULT_NAMESPACE = "capacityctl";

  private final String namespace;
  private final Clock clock;
  private final Environment environment;
  private final Map<Map<String, String>, MetricsLogger> loggers = new LinkedHashMap<>();

  /**
   * @param namespace the CloudWatch namespace, or null for {@value #DEFAULT_NAMESPACE}
   */
  public EmfTelemetrySink(String namespace, Clock clock) {
    this.namespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
    this.clock = clock;
    this.environment = stdoutEnvironment();
  }

  @Override
  public synchronized void put(
      String metric, double value, String unit, Map<String, String> dimensions) {
    Map<String, String> key = Map.copyOf(dimensions);
    MetricsLogger logger = loggers.computeIfAbsent(key, this::newLogger);
    logger.putMetric(metric, value, unit(unit));
  }

  @Override
  public synchronized void flush() {
    Instant at = clock.instant(); // one pass, one timestamp for all of its documents
    for (MetricsLogger logger : loggers.values()) {
      logger.setTimestamp(at);
      logger.flush();
    }
    loggers.clear();
  }

  private MetricsLogger newLogger(Map<String, String> dimensions) {
    MetricsLogger logger = new MetricsLogger(environment);
    logger.setNamespace(namespace);
    DimensionSet set = new DimensionSet();
    dimensions.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> set.addDimension(e.getKey(), e.getValue()));
    // setDimensions replaces the library's default dimensions (ServiceName, ServiceType,
    // LogGroup): the controller's metrics are keyed only by what the caller names.
    logger.setDimensions(set);
    return logger;
  }

  private static Unit unit(String unit) {
    Unit u = unit == null ? Unit.NONE : Unit.fromValue(unit);
    if (u == Unit.UNKNOWN_TO_SDK_VERSION) {
      throw new IllegalArgumentException("not a CloudWatch unit: " + unit);
    }
    return u;
  }

  /**
   * In Lambda the library's Lambda environment (stdout, with the function's properties); elsewhere
   * its default environment told to write to stdout instead of a CloudWatch agent socket.
   */
  private static Environment stdoutEnvironment() {
    if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
      return new LambdaEnvironment();
    }
    Configuration config = new Configuration();
    config.setServiceName("capacityctl");
    config.setShouldWriteToStdout(true);
    return new DefaultEnvironment(config);
  }
}
