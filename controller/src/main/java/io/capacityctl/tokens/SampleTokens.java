package io.capacityctl.tokens;

import io.capacityctl.tokens.intents.Sample;

/**
 * The tokens of one request: an intent's template filled with one sample.
 *
 * @param counted tiktoken count of the prompt
 * @param input the model's input tokens: {@code counted} calibrated
 * @param output expected output tokens
 */
public record SampleTokens(Sample sample, long counted, long input, long output) {
  public long total() {
    return input + output;
  }
}
