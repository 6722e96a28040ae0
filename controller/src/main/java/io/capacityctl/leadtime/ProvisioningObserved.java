package io.capacityctl.leadtime;

import io.capacityctl.config.ModelConfig;
import io.capacityctl.state.Creation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's provisioning time as its own creations showed it (Creating to first listed
 * InService), beside the configured {@code provisioningTime}. Each figure is an upper bound, late
 * by at most one pass interval. A creation still in progress is never dropped from the figure:
 * {@link #longest()} counts how long it has been creating so far.
 *
 * @param configured the model's {@code provisioningTime}
 * @param creations how many done creations the figures come from (at most {@link
 *     Creation#KEPT_PER_MODEL}, the newest)
 * @param median their median, or null when there is none
 * @param max the longest of them, or null when there is none
 * @param stillCreating how long each creation still watched has been creating at {@code at},
 *     longest first
 */
public record ProvisioningObserved(
    String model,
    Duration configured,
    int creations,
    Duration median,
    Duration max,
    List<Duration> stillCreating) {

  /**
   * A creation still in progress this many times the configured time is named as stuck: the same
   * limit as the pass's warning and health ({@code ModelPool.stuck}).
   */
  public static final int STUCK_TIMES = 2;

  /** {@code model}'s figures from {@code all} (any model's creations), as of {@code at}. */
  public static ProvisioningObserved of(ModelConfig model, List<Creation> all, Instant at) {
    List<Duration> done = new ArrayList<>();
    List<Duration> creating = new ArrayList<>();
    for (Creation c : all) {
      if (!c.model().equals(model.key())) {
        continue;
      }
      if (c.done()) {
        done.add(c.provisioning());
      } else {
        creating.add(Duration.between(c.createdAt(), at));
      }
    }
    done.sort(null);
    creating.sort(java.util.Comparator.reverseOrder());
    Duration median = null;
    if (!done.isEmpty()) {
      int n = done.size();
      median =
          n % 2 == 1 ? done.get(n / 2) : done.get(n / 2 - 1).plus(done.get(n / 2)).dividedBy(2);
    }
    return new ProvisioningObserved(
        model.key(),
        model.provisioningTime(),
        done.size(),
        median,
        done.isEmpty() ? null : done.get(done.size() - 1),
        List.copyOf(creating));
  }

  /**
   * The longest provisioning seen: the longest done creation, or a creation still in progress when
   * it has already taken longer; null when nothing was seen.
   */
  public Duration longest() {
    Duration longest = max;
    if (!stillCreating.isEmpty()
        && (longest == null || stillCreating.get(0).compareTo(longest) > 0)) {
      longest = stillCreating.get(0);
    }
    return longest;
  }

  /** Creations in progress for more than {@link #STUCK_TIMES} x the configured time. */
  public long stuck() {
    Duration limit = configured.multipliedBy(STUCK_TIMES);
    return stillCreating.stream().filter(d -> d.compareTo(limit) > 0).count();
  }

  /**
   * E.g. {@code provisioning observed: median 14m, max 17m over 6 creations, each an upper bound
   * (configured 15m); 1 still creating after 47m (1 stuck: more than 2 x configured)}.
   */
  public String describe() {
    StringBuilder s = new StringBuilder("provisioning observed: ");
    if (creations == 0) {
      s.append("no creation seen yet");
    } else {
      s.append("median ")
          .append(human(median))
          .append(", max ")
          .append(human(max))
          .append(" over ")
          .append(creations)
          .append(creations == 1 ? " creation" : " creations")
          .append(", each an upper bound");
    }
    s.append(" (configured ").append(human(configured)).append(")");
    if (!stillCreating.isEmpty()) {
      s.append("; ")
          .append(stillCreating.size())
          .append(" still creating after ")
          .append(human(stillCreating.get(0)));
      long stuck = stuck();
      if (stuck > 0) {
        s.append(" (")
            .append(stuck)
            .append(" stuck: more than ")
            .append(STUCK_TIMES)
            .append(" x configured)");
      }
    }
    return s.toString();
  }

  /** {@code 14m}, {@code 14m30s}, {@code 4h}, {@code 1h5m}: minutes unless seconds matter. */
  public static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    long h = s / 3600;
    long m = s % 3600 / 60;
    long sec = s % 60;
    StringBuilder b = new StringBuilder();
    if (h > 0) {
      b.append(h).append('h');
    }
    if (m > 0 || (h == 0 && sec == 0)) {
      b.append(m).append('m');
    }
    if (sec > 0 && h == 0) {
      b.append(sec).append('s');
    }
    return b.toString();
  }
}
