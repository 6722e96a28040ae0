package io.capacityctl.ports;

import java.time.Instant;

/**
 * Per-minute Bedrock metrics for one model over a time range; {@code NaN} marks a missing minute
 * (never read a missing datapoint as zero traffic).
 *
 * @param start the first minute
 * @param tokens input+output tokens served in each minute
 * @param invocations successful invocations in each minute
 * @param throttles throttled invocations in each minute (they count in neither of the others)
 */
public record MinuteSeries(
    Instant start, double[] tokens, double[] invocations, double[] throttles) {

  public int size() {
    return tokens.length;
  }

  public boolean missing(int i) {
    return Double.isNaN(tokens[i]);
  }

  /**
   * Estimated demand in tokens/s: what was served plus what throttled requests would have used, at
   * the minute's average tokens per invocation.
   */
  public double demandTps(int i) {
    double t = tokens[i];
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    double thr = throttles[i];
    if (Double.isNaN(thr) || thr == 0) {
      return t / 60.0; // the common minute, nothing throttled: no division per request
    }
    double inv = invocations[i];
    double perRequest = inv > 0 ? t / inv : 0;
    return (t + thr * perRequest) / 60.0;
  }

  public double throttledTps(int i) {
    double inv = invocations[i];
    double thr = Double.isNaN(throttles[i]) ? 0 : throttles[i];
    return inv > 0 && !Double.isNaN(tokens[i]) ? thr * (tokens[i] / inv) / 60.0 : 0;
  }
}
