package io.capacityctl.tokens.intents;

import io.capacityctl.tokens.Calibration;
import java.util.List;

/**
 * One kind of request an application sends to a model (a feature's prompt), with what capacity
 * planning needs to turn it into tokens.
 *
 * @param name the intent's key, also its {@code Intent} dimension value in production metrics
 * @param model key of the model in the capacity config
 * @param peakRequestsPerSecond requests per second at the daily peak
 * @param templateSource the template file as written in the intents file, for reports
 * @param samples inputs to fill the template with (written, or made by a generator)
 * @param maxOutputTokens the request's {@code maxTokens}
 * @param outputRatio expected share of {@code maxOutputTokens} actually generated
 * @param budgetTokensPerRequest the most input + expected output tokens one request may use
 * @param calibration how counted tokens become the model's tokens
 * @param line where the intent starts in the intents file
 */
public record Intent(
    String name,
    String model,
    double peakRequestsPerSecond,
    String templateSource,
    PromptTemplate template,
    List<Sample> samples,
    int maxOutputTokens,
    double outputRatio,
    int budgetTokensPerRequest,
    Calibration calibration,
    int line) {

  public Intent {
    samples = List.copyOf(samples);
  }

  /** Output tokens a request is expected to generate. */
  public long expectedOutputTokens() {
    return Math.round(maxOutputTokens * outputRatio);
  }

  /** The same intent measured over other inputs (e.g. a different history length). */
  public Intent withSamples(List<Sample> other) {
    return new Intent(
        name,
        model,
        peakRequestsPerSecond,
        templateSource,
        template,
        other,
        maxOutputTokens,
        outputRatio,
        budgetTokensPerRequest,
        calibration,
        line);
  }
}
