package io.capacityctl.runtime;

import java.time.Duration;

/**
 * Who holds the lease and for how long, per mode. A holder names one live process (a Lambda request
 * id; a host and process id): the lease a process finds held under its own holder is its own. The
 * daemon keeps it between passes, renewing it every pass; a Lambda invocation and the CLI's {@code
 * apply} take it for one pass and give it back, so whichever controller ticks next can act at once.
 */
public final class LeaseTerms {
  /**
   * Longer than a pass can take (the reconcile Lambda times out after 50 s; a holder acts only for
   * this less {@code LeaseManager.ACT_MARGIN}, 2 minutes, after its acquire): a controller that
   * dies mid-pass blocks the others for this long from their first look at its lease.
   */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(3);

  /** The host name a holder names (an ECS task's own hostname), or localhost. */
  public static String host() {
    return System.getenv().getOrDefault("HOSTNAME", "localhost");
  }

  private LeaseTerms() {}

  /** A daemon passing every {@code interval}: three intervals, at least the default. */
  public static Duration forInterval(Duration interval) {
    Duration three = interval.multipliedBy(3);
    return three.compareTo(DEFAULT_TTL) > 0 ? three : DEFAULT_TTL;
  }

  /**
   * One Lambda invocation: its own holder (the request id, which Lambda supplies; nothing random
   * that SnapStart would freeze), so two overlapping invocations of the function exclude each other
   * like any two controllers.
   */
  public static String lambdaHolder(String functionName, String requestId) {
    return "lambda:" + functionName + ":" + requestId;
  }

  /** The daemon's holder: its host (an ECS task's own hostname) and process. */
  public static String daemonHolder(String host, long pid) {
    return "daemon:" + host + ":" + pid;
  }

  /**
   * An operator's {@code apply}: who ran it, and the process, so that two applies by the same role
   * at once are two holders (a lease held under a process's own holder is that process's to renew).
   */
  public static String cliHolder(String callerArn, String host, long pid) {
    return "cli:" + callerArn + "@" + host + ":" + pid;
  }
}
