package io.capacityctl.tokens.intents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One input of an intent: the values of its template's placeholders.
 *
 * @param label how reports name it, e.g. {@code samples[2]} or {@code generated #17 (48 titles)}
 * @param line where it is written in the intents file (the generator's line for generated ones)
 */
public record Sample(String label, Map<String, String> values, int line) {
  public Sample {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
