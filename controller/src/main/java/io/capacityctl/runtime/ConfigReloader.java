package io.capacityctl.runtime;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.health.HealthFinding;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The configuration last read successfully from one location, read again once {@code every} has
 * passed since the last read. A replacement that does not parse or validate, or a source that
 * cannot be read (an SSM or S3 outage, AccessDenied, a deleted file), never replaces it: the
 * controller goes on with the last good configuration, the errors are logged at ERROR ({@code
 * location:line: field: message}), {@value #METRIC} is 1 (0 while the last read was good) and the
 * health check fails on a {@value #CHECK} finding until a good configuration is read.
 */
public final class ConfigReloader {
  private static final Logger LOG = LogManager.getLogger(ConfigReloader.class);

  /** How often the daemon and a warm Lambda container read the configuration again. */
  public static final Duration DEFAULT_EVERY = Duration.ofMinutes(5);

  /** Published on every refresh: 1 while the configuration read last was rejected, else 0. */
  public static final String METRIC = "ConfigInvalid";

  /** The health check's name for this finding. */
  public static final String CHECK = "config";

  private static final String TARGET = "controller";

  /** Reads one location, e.g. {@link ConfigSource#load}. */
  @FunctionalInterface
  public interface Loader {
    CapacityConfig load(String location) throws ConfigException;
  }

  private final String location;
  private final Loader loader;
  private final Duration every;
  private final Clock clock;
  private final TelemetrySink telemetry;
  private CapacityConfig current;
  private Instant takenAt;
  private Instant lastRead;
  private ConfigException problem;
  private Instant rejectedSince;

  /**
   * @param initial the configuration the process started with, read from {@code location} by the
   *     caller: at start there is no last good configuration to keep, so a bad one must fail the
   *     start, loudly, as it always has
   * @param location what {@code loader} reads; null for its default
   */
  public ConfigReloader(
      CapacityConfig initial,
      String location,
      Loader loader,
      Duration every,
      Clock clock,
      TelemetrySink telemetry) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("the reload period must be positive, got " + every);
    }
    this.current = initial;
    this.location = location;
    this.loader = loader;
    this.every = every;
    this.clock = clock;
    this.telemetry = telemetry;
    this.takenAt = clock.instant();
    this.lastRead = takenAt;
  }

  /** The configuration in force: the last one read successfully. */
  public synchronized CapacityConfig current() {
    return current;
  }

  /** Why the last read was rejected; empty while it was good. */
  public synchronized Optional<ConfigException> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * Reads the location again when {@code every} has passed since the last read, then publishes
   * {@value #METRIC}. Never throws: a bad read keeps the configuration in force.
   *
   * @return true when a different configuration was taken
   */
  public synchronized boolean refresh() {
    Instant now = clock.instant();
    boolean changed = false;
    if (!now.isBefore(lastRead.plus(every))) {
      lastRead = now;
      changed = read(now);
    }
    telemetry.put(METRIC, problem == null ? 0 : 1, "None", Map.of());
    telemetry.flush();
    return changed;
  }

  /**
   * The health check's finding: FAIL naming every error while the last read was rejected (the
   * controller runs on an older configuration than the one its team wrote), else OK.
   */
  public synchronized HealthFinding finding() {
    if (problem == null) {
      return new HealthFinding(
          CHECK,
          TARGET,
          HealthFinding.Status.OK,
          current.source() + " read at " + lastRead + ", in force since " + takenAt);
    }
    return new HealthFinding(
        CHECK,
        TARGET,
        HealthFinding.Status.FAIL,
        "rejected since "
            + rejectedSince
            + ", still running on the configuration taken at "
            + takenAt
            + ": "
            + String.join("; ", problem.getMessage().split("\n")));
  }

  private boolean read(Instant now) {
    CapacityConfig next;
    try {
      next = loader.load(location);
    } catch (ConfigException e) {
      reject(e, now);
      return false;
    } catch (RuntimeException e) {
      // E.g. no region or credentials for the SSM or S3 client: the source cannot be read.
      reject(
          new ConfigException(
              new ConfigError(
                  location == null ? current.source() : location,
                  0,
                  "(file)",
                  "cannot read: " + e)),
          now);
      return false;
    }
    if (problem != null) {
      LOG.info("configuration {} is valid again (rejected since {})", next.source(), rejectedSince);
    }
    problem = null;
    rejectedSince = null;
    if (next.equals(current)) {
      return false;
    }
    current = next;
    takenAt = now;
    LOG.info("configuration {} changed: now in force", next.source());
    return true;
  }

  private void reject(ConfigException e, Instant now) {
    if (problem == null) {
      rejectedSince = now;
    }
    problem = e;
    LOG.error(
        "configuration rejected, still running on the one taken at {} ({} to fix):\n{}",
        takenAt,
        e.errors().size() == 1 ? "1 error" : e.errors().size() + " errors",
        e.getMessage());
  }
}
