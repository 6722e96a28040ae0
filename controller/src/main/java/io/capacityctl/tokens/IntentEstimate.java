package io.capacityctl.tokens;

import io.capacityctl.tokens.intents.Intent;
import java.util.Arrays;
import java.util.List;

/**
 * Tokens per request of one intent over its samples, and its load at peak.
 *
 * @param p50 median tokens per request (input + expected output)
 * @param p95 95th percentile, nearest rank
 * @param mean what sizes throughput: many requests per second add up to their mean
 * @param peakTokensPerSecond {@code peakRequestsPerSecond x mean}
 */
public record IntentEstimate(
    String intent,
    String model,
    String encoding,
    double calibration,
    int samples,
    long p50,
    long p95,
    double mean,
    long max,
    long expectedOutputTokens,
    int budgetTokensPerRequest,
    double peakRequestsPerSecond,
    double peakTokensPerSecond) {

  /** The estimate for {@code intent} from its measured samples (at least one). */
  public static IntentEstimate of(Intent intent, List<SampleTokens> measured) {
    long[] totals = measured.stream().mapToLong(SampleTokens::total).sorted().toArray();
    if (totals.length == 0) {
      throw new IllegalArgumentException("intent " + intent.name() + " has no samples");
    }
    double mean = Arrays.stream(totals).average().orElseThrow();
    return new IntentEstimate(
        intent.name(),
        intent.model(),
        intent.calibration().encoding().fileName(),
        intent.calibration().factor(),
        totals.length,
        percentile(totals, 50),
        percentile(totals, 95),
        mean,
        totals[totals.length - 1],
        intent.expectedOutputTokens(),
        intent.budgetTokensPerRequest(),
        intent.peakRequestsPerSecond(),
        intent.peakRequestsPerSecond() * mean);
  }

  /** Nearest-rank percentile of sorted values: an observed value, never an interpolation. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
