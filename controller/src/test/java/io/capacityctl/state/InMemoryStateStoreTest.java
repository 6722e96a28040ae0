package io.capacityctl.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The state contract against the in-memory doubles used by tests and the simulator. */
class InMemoryStateStoreTest extends StateStoreContract {
  private final InMemoryLeaseTable leases = new InMemoryLeaseTable();
  private final InMemoryStateStore store = new InMemoryStateStore(leases);

  @Override
  protected StateStore store() {
    return store;
  }

  @Override
  protected LeaseTable leaseTable() {
    return leases;
  }

  /**
   * The ARNs kept, in order, are what a prune of every ARN every hour keeps, though most hourly
   * prunes are skipped (nothing can have expired): PTs come and go, keeps differ, the table is
   * restored from an older save now and then (what it knew of the earliest expiry is wrong then).
   */
  @Test
  void theArnsKeptAreWhatAnHourlyPruneOfEveryArnKeeps() {
    // Keeps of minutes to hours (ARNs expire before the day a prune looks ahead is over), and of
    // days as the observer keeps them (most prunes look only at the ARNs expiring that day).
    arnsKeptAsAnHourlyPruneOfEveryArnKeeps(new Random(11), 30, 630);
    arnsKeptAsAnHourlyPruneOfEveryArnKeeps(new Random(12), 60 * 24, 60 * 24 * 9);
  }

  private void arnsKeptAsAnHourlyPruneOfEveryArnKeeps(
      Random random, int shortestKeepMinutes, int longestKeepMinutes) {
    InMemoryStateStore store = new InMemoryStateStore(new InMemoryLeaseTable());
    Instant t0 = Instant.parse("2027-01-06T00:00:00Z");
    Map<String, Map<String, Instant>> expected = new LinkedHashMap<>();
    Map<String, Instant> lastPrune = new HashMap<>();
    InMemoryStateStore.Saved saved = null;
    Map<String, Map<String, Instant>> savedExpected = null;
    Map<String, Instant> savedLastPrune = null;
    List<String> listed = new ArrayList<>();
    int next = 0;
    Instant now = t0;
    for (int pass = 0; pass < 30_000; pass++) {
      now = now.plus(Duration.ofMinutes(1 + random.nextInt(random.nextInt(50) == 0 ? 600 : 3)));
      if (random.nextInt(4) == 0 && !listed.isEmpty()) {
        listed.remove(random.nextInt(listed.size())); // deleted
      }
      if (random.nextInt(3) == 0) {
        listed.add("arn:pt/" + next++); // bought
      }
      String model = random.nextBoolean() ? "sonnet" : "haiku";
      Duration keep =
          Duration.ofMinutes(
              shortestKeepMinutes
                  + random.nextInt(
                      random.nextBoolean() ? 60 : longestKeepMinutes - shortestKeepMinutes));
      List<String> arns = List.copyOf(listed.subList(0, random.nextInt(listed.size() + 1)));

      store.rememberArns(model, arns, now, keep);
      hourlyFullPrune(expected, lastPrune, model, arns, now, keep);
      if (random.nextInt(300) == 0) {
        saved = store.save();
        savedExpected = copy(expected);
        savedLastPrune = new HashMap<>(lastPrune);
      } else if (saved != null && random.nextInt(300) == 0) {
        // An older table comes back: ARNs expiring before anything the store last knew of.
        store.restore(saved);
        expected = copy(savedExpected);
        lastPrune = new HashMap<>(savedLastPrune);
      }

      assertThat(store.save().arnsUntil().getOrDefault(model, Map.of()))
          .as("pass %d, %s at %s", pass, model, now)
          .containsExactlyEntriesOf(expected.getOrDefault(model, Map.of()));
    }
  }

  private static Map<String, Map<String, Instant>> copy(Map<String, Map<String, Instant>> arns) {
    Map<String, Map<String, Instant>> copy = new LinkedHashMap<>();
    arns.forEach((model, until) -> copy.put(model, new LinkedHashMap<>(until)));
    return copy;
  }

  /** The store's rememberArns before it knew the earliest expiry: every ARN looked at hourly. */
  private static void hourlyFullPrune(
      Map<String, Map<String, Instant>> arnsUntil,
      Map<String, Instant> lastPrune,
      String model,
      List<String> arns,
      Instant now,
      Duration keep) {
    Map<String, Instant> until = arnsUntil.computeIfAbsent(model, k -> new LinkedHashMap<>());
    Instant keepUntil = now.plus(keep);
    for (String arn : arns) {
      Instant was = until.get(arn);
      if (was == null || keepUntil.isAfter(was)) {
        until.put(arn, keepUntil);
      }
    }
    Instant last = lastPrune.get(model);
    if (last == null || !now.isBefore(last.plus(Duration.ofHours(1)))) {
      until.values().removeIf(t -> !t.isAfter(now));
      lastPrune.put(model, now);
    }
  }
}
