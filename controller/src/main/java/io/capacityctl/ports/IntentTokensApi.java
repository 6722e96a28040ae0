package io.capacityctl.ports;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Reads the tokens per request an application observes per intent (its own custom metric). */
public interface IntentTokensApi {

  /**
   * Average tokens per request of each intent over [from, to). An intent with no datapoint in the
   * window is absent from the map, never zero.
   *
   * @throws CloudException when the metric cannot be read
   */
  Map<String, Double> tokensPerRequest(Collection<String> intents, Instant from, Instant to);
}
