package io.capacityctl.tokens.intents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated intents file: only {@link IntentsLoader} makes one, so every template placeholder has
 * a value in every sample.
 *
 * @param source the file as named on the command line, for messages
 * @param intents intent name to intent, in file order
 * @param traffic the daily traffic shape, empty when the file gives none (peak all day)
 */
public record IntentsFile(String source, Map<String, Intent> intents, List<TrafficWindow> traffic) {
  public IntentsFile {
    intents = Collections.unmodifiableMap(new LinkedHashMap<>(intents));
    traffic = List.copyOf(traffic);
  }

  /** Each intent's budget in tokens per request, the input of {@code TokenDrift}. */
  public Map<String, Integer> budgets() {
    Map<String, Integer> budgets = new LinkedHashMap<>();
    intents.forEach((name, intent) -> budgets.put(name, intent.budgetTokensPerRequest()));
    return budgets;
  }
}
