package io.capacityctl.history;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.state.StateStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The PT ARNs whose traffic a {@code pt-arns} backtest reads, per model: every PT of the model the
 * account lists now (any name or owner: before capacityctl runs, the team's own PTs carry the
 * traffic), and the ARNs capacityctl's state table still remembers (PTs it deleted lately; the
 * controller keeps them for {@code Observer#arnMemory}, eight days and its recent window).
 *
 * <p>A PT deleted before that, or deleted before capacityctl ever listed it, is known to neither:
 * CloudWatch still holds its datapoints, but nothing says which model they belong to, so its tokens
 * are not counted and the minutes it served read low. {@link #describe} says so; the {@code
 * model-id} source (one id for on-demand and PT traffic alike, where Bedrock reports it so) or a
 * {@code custom} metric has no such hole.
 */
public final class PtArnSources implements Function<String, Set<String>> {
  private final CapacityConfig config;
  private final ProvisionedThroughputApi pts;
  private final StateStore state;
  private final Instant now;
  private final Map<String, Found> found = new LinkedHashMap<>();

  /** What was found for one model. */
  private record Found(int listed, int remembered, String stateProblem) {}

  /**
   * @param state the state table, or null when there is none to read
   */
  public PtArnSources(
      CapacityConfig config, ProvisionedThroughputApi pts, StateStore state, Instant now) {
    this.config = config;
    this.pts = pts;
    this.state = state;
    this.now = now;
  }

  /** The model's PT ARNs: listed now, then remembered. */
  @Override
  public synchronized Set<String> apply(String model) {
    Set<String> arns = new LinkedHashSet<>();
    for (ProvisionedThroughput pt : pts.list(config.model(model).modelId())) {
      arns.add(pt.arn());
    }
    int listed = arns.size();
    String problem = null;
    if (state == null) {
      problem = "no state table read";
    } else {
      try {
        arns.addAll(state.knownArns(model, now));
      } catch (CloudException e) {
        // Nothing deployed yet (no table), or credentials that were not given the table: nothing
        // remembered, said in the output; the PTs listed now are all there is.
        problem =
            switch (e.kind()) {
              case NOT_FOUND -> "state table " + config.aws().stateTable() + " not found";
              case ACCESS_DENIED ->
                  "state table "
                      + config.aws().stateTable()
                      + " not readable: "
                      + e.action()
                      + " denied";
              default -> throw e;
            };
      }
    }
    found.put(model, new Found(listed, arns.size() - listed, problem));
    return arns;
  }

  /** For the output: which ARNs were read for {@code model}, and what cannot be. */
  public synchronized String describe(String model) {
    Found f = found.get(model);
    if (f == null) {
      return "no PT ARN looked up";
    }
    return f.listed
        + " PT ARN(s) listed now, "
        + (f.stateProblem == null
            ? f.remembered + " more remembered by the state table"
            : "none remembered (" + f.stateProblem + ")")
        + "; a PT deleted before that is not counted";
  }
}
