package io.capacityctl.runtime;

import java.time.Duration;

/**
 * Who holds the lease and for how long, per mode. The lease doubles as the controller's heartbeat:
 * the Lambda and the daemon keep it between passes and renew it every pass, so a lease nobody holds
 * means no pass within its time to live (the health check fails on it). The CLI's {@code apply}
 * gives it back at once so a scheduled controller resumes on its next tick.
 */
public final class LeaseTerms {
  /** Survives two missed one-minute ticks before another controller may take over. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(3);

  private LeaseTerms() {}

  /** A daemon passing every {@code interval}: three intervals, at least the default. */
  public static Duration forInterval(Duration interval) {
    Duration three = interval.multipliedBy(3);
    return three.compareTo(DEFAULT_TTL) > 0 ? three : DEFAULT_TTL;
  }

  /**
   * The Lambda's holder: stable per function so that each minute's invocation renews the lease the
   * previous one took (the function runs with reserved concurrency 1, so invocations never
   * overlap). Per function, not per container: nothing random is needed, which SnapStart would
   * freeze into every restored instance.
   */
  public static String lambdaHolder(String functionName) {
    return "lambda:" + functionName;
  }

  /** The daemon's holder: its host (an ECS task's own hostname) and process. */
  public static String daemonHolder(String host, long pid) {
    return "daemon:" + host + ":" + pid;
  }

  /** An operator's {@code apply}: who ran it. */
  public static String cliHolder(String callerArn) {
    return "cli:" + callerArn;
  }
}
