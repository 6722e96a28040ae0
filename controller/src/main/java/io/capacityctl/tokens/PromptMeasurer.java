package io.capacityctl.tokens;

import io.capacityctl.tokens.intents.Intent;
import io.capacityctl.tokens.intents.Sample;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the tokens of every request an intent's samples make, one counter per encoding. Not
 * thread-safe: one per command run or per thread.
 */
public final class PromptMeasurer {
  private final Map<TokenEncoding, TokenCounter> counters = new EnumMap<>(TokenEncoding.class);

  /** Input and expected output tokens per sample, in sample order. */
  public List<SampleTokens> measure(Intent intent) {
    Calibration calibration = intent.calibration();
    TokenCounter counter = counter(calibration.encoding());
    List<SampleTokens> out = new ArrayList<>(intent.samples().size());
    for (Sample sample : intent.samples()) {
      long counted = counter.count(intent.template().render(sample.values()));
      out.add(
          new SampleTokens(
              sample, counted, calibration.apply(counted), intent.expectedOutputTokens()));
    }
    return out;
  }

  /** The counter for {@code encoding}, shared by every intent counting with it. */
  public TokenCounter counter(TokenEncoding encoding) {
    return counters.computeIfAbsent(encoding, TokenCounter::new);
  }
}
