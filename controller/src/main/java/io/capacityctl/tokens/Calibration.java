package io.capacityctl.tokens;

/**
 * How to turn a tiktoken count into the tokens a model is billed and metered for.
 *
 * <p>Claude's tokenizer is not public, so capacityctl counts with a tiktoken encoding and scales by
 * a factor measured in production: over a sample window, {@code factor = sum of observed input
 * tokens / sum of counted tokens of the same prompts} (see {@link #factorFrom}). The observed side
 * is CloudWatch {@code AWS/Bedrock InputTokenCount} (Sum, dimension ModelId) for the window, or the
 * {@code usage.inputTokens} of each Converse/InvokeModel response; the counted side is the prompts
 * the application sent in that window (logged or re-rendered from the same inputs), counted with
 * this class's encoding. docs/tokens.md walks through it.
 *
 * @param encoding the tiktoken encoding used as the approximation
 * @param factor observed tokens per counted token; 1.0 until measured
 */
public record Calibration(TokenEncoding encoding, double factor) {
  public static final Calibration UNCALIBRATED = new Calibration(TokenEncoding.CL100K_BASE, 1.0);

  public Calibration {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("calibration factor must be > 0, was " + factor);
    }
  }

  /** The model's tokens for a text counted as {@code counted} tokens with {@link #encoding}. */
  public long apply(long counted) {
    // Rounded, not ceiled: 100 x 1.1 is 110.00000000000001 in binary floating point.
    return Math.round(counted * factor);
  }

  /**
   * The factor measured over a window: observed input tokens divided by the tokens counted for the
   * same requests.
   */
  public static double factorFrom(long observedInputTokens, long countedTokens) {
    if (countedTokens <= 0 || observedInputTokens <= 0) {
      throw new IllegalArgumentException(
          "need observed and counted tokens > 0, were "
              + observedInputTokens
              + " and "
              + countedTokens);
    }
    return (double) observedInputTokens / countedTokens;
  }
}
