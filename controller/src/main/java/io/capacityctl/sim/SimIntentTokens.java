package io.capacityctl.sim;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.IntentTokensApi;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In-memory tokens per request per intent for the simulator and tests: whatever was last set, for
 * any window. An intent never set has no datapoint; reads fail as injected through {@link #faults}.
 */
public final class SimIntentTokens implements IntentTokensApi {
  private final Map<String, Double> observed = new LinkedHashMap<>();
  private final Faults faults = new Faults();

  public Faults faults() {
    return faults;
  }

  /** Tokens per request per intent, as a sandbox keeps them between processes. */
  public synchronized Map<String, Double> save() {
    return new LinkedHashMap<>(observed);
  }

  /** Replaces what is observed with {@code saved}, in place. */
  public synchronized void restore(Map<String, Double> saved) {
    observed.clear();
    observed.putAll(saved);
  }

  /** From now on, {@code intent} is observed at {@code tokensPerRequest}. */
  public synchronized void set(String intent, double tokensPerRequest) {
    observed.put(intent, tokensPerRequest);
  }

  @Override
  public synchronized Map<String, Double> tokensPerRequest(
      Collection<String> intents, Instant from, Instant to) {
    faults.check(AwsAction.CLOUDWATCH_GET_METRIC_DATA.iamAction());
    Map<String, Double> out = new LinkedHashMap<>();
    intents.stream().filter(observed::containsKey).forEach(i -> out.put(i, observed.get(i)));
    return out;
  }
}
