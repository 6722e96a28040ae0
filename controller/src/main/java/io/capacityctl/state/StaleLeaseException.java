package io.capacityctl.state;

/**
 * A write carried a fencing token older than the lease's current one: its writer lost the lease
 * (expired and taken over) and must stop acting at once.
 */
public class StaleLeaseException extends RuntimeException {
  public StaleLeaseException(String message) {
    super(message);
  }
}
