package io.capacityctl.leadtime;

import io.capacityctl.config.ModelConfig;
import io.capacityctl.state.Creation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ProvisioningObserved#longest} of each model, kept by the reconciler between passes: the
 * creation records change a few times a day and a pass reads them every minute. What the records
 * say is kept per list read — a store answers the same (unmodifiable) list while nothing changed,
 * and a new list after any change (a creation recorded, done or dropped, by any process), which is
 * summarised again — and only the creations still in progress are measured against the pass's time.
 */
public final class LongestProvisioning {
  /** One model's records: the longest done, and the earliest start of one still in progress. */
  private record Summary(Duration longestDone, Instant firstStillCreating) {}

  private List<Creation> summarised;
  private Map<String, Summary> byModel = Map.of();

  /** The same as {@code ProvisioningObserved.of(model, all, at).longest()}. */
  public synchronized Duration longest(ModelConfig model, List<Creation> all, Instant at) {
    if (all != summarised) {
      byModel = summarise(all);
      summarised = all;
    }
    Summary s = byModel.get(model.key());
    if (s == null) {
      return null; // no creation of this model
    }
    if (s.firstStillCreating() == null) {
      return s.longestDone();
    }
    // The earliest start is the longest in progress; on a tie the value is the same either way.
    Duration creating = Duration.between(s.firstStillCreating(), at);
    return s.longestDone() == null || creating.compareTo(s.longestDone()) > 0
        ? creating
        : s.longestDone();
  }

  private static Map<String, Summary> summarise(List<Creation> all) {
    Map<String, Summary> out = new HashMap<>();
    for (Creation c : all) {
      Summary s = out.getOrDefault(c.model(), new Summary(null, null));
      if (c.done()) {
        Duration d = c.provisioning();
        if (s.longestDone() == null || d.compareTo(s.longestDone()) > 0) {
          s = new Summary(d, s.firstStillCreating());
        }
      } else if (s.firstStillCreating() == null || c.createdAt().isBefore(s.firstStillCreating())) {
        s = new Summary(s.longestDone(), c.createdAt());
      }
      out.put(c.model(), s);
    }
    return out;
  }
}
