package io.capacityctl.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prunes one model's remembered ARNs (ARN to keep-until) looking at every ARN once a day, and in
 * between only at the few a look found expiring within the day. Exact: a keep-until only moves
 * later, so an ARN not among those was kept past the day's end when looked at and still is; one
 * remembered since is kept no earlier than the earliest keep-until given since, and while that has
 * passed every ARN is looked at again.
 */
final class ArnPrune {
  /** How far ahead a look at every ARN notes the ones expiring. */
  static final Duration AHEAD = Duration.ofDays(1);

  private Instant lookedUntil = Instant.MIN; // none yet: the first prune looks at every ARN
  private Instant earliestAdded = Instant.MAX; // of the ARNs remembered since the last look
  private final List<String> expiring = new ArrayList<>(); // kept until lookedUntil or before

  /** An ARN not remembered before is kept until {@code keepUntil}. */
  void added(Instant keepUntil) {
    if (keepUntil.isBefore(earliestAdded)) {
      earliestAdded = keepUntil;
    }
  }

  /** Removes the ARNs of {@code until} kept until {@code now} or before. */
  void prune(Map<String, Instant> until, Instant now) {
    if (now.isBefore(lookedUntil) && now.isBefore(earliestAdded)) {
      expiring.removeIf(
          arn -> {
            Instant t = until.get(arn);
            if (t != null && t.isAfter(now)) {
              return false;
            }
            until.remove(arn);
            return true;
          });
      return;
    }
    expiring.clear();
    Instant ahead = now.plus(AHEAD);
    for (Iterator<Map.Entry<String, Instant>> it = until.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> e = it.next();
      if (!e.getValue().isAfter(now)) {
        it.remove();
      } else if (!e.getValue().isAfter(ahead)) {
        expiring.add(e.getKey());
      }
    }
    lookedUntil = ahead;
    earliestAdded = Instant.MAX;
  }
}
