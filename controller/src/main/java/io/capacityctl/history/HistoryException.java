package io.capacityctl.history;

/**
 * The account's history cannot make a trace: no datapoint at all, or a gap the options do not allow
 * filling. The message is one line saying what and what to do; the command exits 1.
 */
public final class HistoryException extends RuntimeException {
  public HistoryException(String message) {
    super(message);
  }
}
