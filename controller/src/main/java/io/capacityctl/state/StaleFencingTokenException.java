package io.capacityctl.state;

/**
 * A write carried a fencing token that is no longer the lease's current one: its writer lost the
 * lease (it expired and another controller took it) and must stop acting.
 */
public class StaleFencingTokenException extends RuntimeException {
  private final long fencingToken;

  public StaleFencingTokenException(long fencingToken, String detail) {
    super("fencing token " + fencingToken + " is stale: " + detail);
    this.fencingToken = fencingToken;
  }

  public long fencingToken() {
    return fencingToken;
  }
}
