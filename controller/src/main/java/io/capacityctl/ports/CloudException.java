package io.capacityctl.ports;

/**
 * A classified cloud error. Adapters map every SDK exception to one of these kinds in one place so
 * the reconcile path decides what to do from the kind, never from a message string.
 */
public class CloudException extends RuntimeException {

  /** What kind of fault; decides retry, terminal or rediscovery. */
  public enum Kind {
    /** Missing permission: terminal, never retried in the pass, names the action. */
    ACCESS_DENIED,
    /** Rate limited after the SDK's adaptive retries: try next pass. */
    THROTTLING,
    /** Quota (model units) exhausted: cap the pool at what was granted. */
    QUOTA_EXCEEDED,
    /** The resource vanished: rediscover. */
    NOT_FOUND,
    /** The request is wrong: terminal. */
    VALIDATION,
    /** The resource is in a state that forbids the call (e.g. committed PT deletion). */
    CONFLICT,
    /** AWS-side fault or network: try next pass. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String action;

  public CloudException(Kind kind, String action, String message, Throwable cause) {
    super(action + ": " + kind + ": " + message, cause);
    this.kind = kind;
    this.action = action;
  }

  public CloudException(Kind kind, String action, String message) {
    this(kind, action, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The IAM-style action that failed, e.g. {@code bedrock:CreateProvisionedModelThroughput}. */
  public String action() {
    return action;
  }

  public boolean terminal() {
    return kind == Kind.ACCESS_DENIED || kind == Kind.VALIDATION;
  }
}
