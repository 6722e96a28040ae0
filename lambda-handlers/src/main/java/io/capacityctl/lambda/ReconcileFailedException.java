package io.capacityctl.lambda;

/**
 * A reconcile pass failed (AccessDenied, quota, throttling...). Thrown after its summary is logged
 * so the function's Errors metric and alarm see it: MangaAssist incident 4 was an AccessDenied
 * logged by a Lambda that then exited quietly.
 */
public class ReconcileFailedException extends RuntimeException {
  public ReconcileFailedException(String message) {
    super(message);
  }
}
