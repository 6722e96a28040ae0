package io.capacityctl.reconcile;

import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.state.Creation;
import io.capacityctl.state.PurchaseIntent;
import io.capacityctl.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns how long our PTs take to provision, from the passes' own lists: a PT first listed in
 * Creating is watched; the first pass that lists it InService records it done (the upper bound
 * {@link Creation#inServiceBy}). A PT listed InService without having been watched counts only when
 * this pass holds its purchase record (bought and provisioned between two passes); any other —
 * adopted, or there before this controller — says nothing about the provisioning time. A watched PT
 * no longer listed, or Failed, is dropped: it was never provisioned.
 *
 * <p>Observation only, after the pass has acted: every write is fenced by the store like the pass's
 * others, and a failure is a warning of the pass, never a failed pass nor a money action.
 */
final class CreationWatch {
  private final StateStore state;
  // The records last read, indexed: a store that returns the same (unmodifiable) list while nothing
  // changed is not indexed again every pass. A new list (a creation recorded, done or dropped, by
  // this pass or another process) is a new index.
  private List<Creation> indexed;
  private Index index;

  /**
   * The records by ARN, and the ones still watched (not done) by model in the map's own order: most
   * passes watch nothing, and then a pool's in-service PTs need no look-up at all.
   */
  record Index(Map<String, Creation> byArn, Map<String, List<Creation>> watchedByModel) {
    static Index of(List<Creation> known) {
      Map<String, Creation> byArn = new HashMap<>();
      for (Creation c : known) {
        byArn.put(c.arn(), c);
      }
      Map<String, List<Creation>> watched = new HashMap<>();
      for (Creation c : byArn.values()) {
        if (!c.done()) {
          watched.computeIfAbsent(c.model(), k -> new ArrayList<>()).add(c);
        }
      }
      return new Index(byArn, watched);
    }

    /** {@code model}'s creations not done yet, in {@link #byArn}'s order. */
    List<Creation> watched(String model) {
      return watchedByModel.getOrDefault(model, List.of());
    }
  }

  CreationWatch(StateStore state) {
    this.state = state;
  }

  /** Records what {@code snapshot} shows (taken at {@code at}); returns what could not be. */
  List<String> record(Snapshot snapshot, Instant at, long token) {
    if (snapshot.pools().isEmpty()) {
      return List.of(); // PT list failed: nothing is known to have changed
    }
    try {
      // The records the pass read when it observed (only this watch writes them, under the
      // lease); read again only when that read failed.
      List<Creation> known =
          snapshot.creations() != null ? snapshot.creations() : state.creations();
      Index recorded = index(known);
      for (ModelPool pool : snapshot.pools().values()) {
        record(pool, recorded, at, token);
      }
      return List.of();
    } catch (RuntimeException e) {
      // Named in the pass's warnings (health and the daemon log show them); never fatal.
      return List.of("provisioning time not learned this pass (" + e.getMessage() + ")");
    }
  }

  private synchronized Index index(List<Creation> known) {
    if (known != indexed) {
      index = Index.of(known);
      indexed = known;
    }
    return index;
  }

  private void record(ModelPool pool, Index recorded, Instant at, long token) {
    String model = pool.model();
    for (ProvisionedThroughput pt : pool.creating()) {
      if (!recorded.byArn().containsKey(pt.arn()) && pt.createdAt() != null) {
        state.recordCreation(
            Creation.watched(model, pt.arn(), pt.modelUnits(), pt.createdAt()), token);
      }
    }
    // Not Set.of(): an untagged PT has no purchase token, and contains(null) must answer false.
    Set<String> boughtNow = Collections.emptySet();
    if (!pool.listedPurchases().isEmpty()) {
      boughtNow = new HashSet<>();
      for (PurchaseIntent p : pool.listedPurchases()) {
        boughtNow.add(p.clientRequestToken());
      }
    }
    // An in-service PT teaches something only when a record of it is watched (of any model: the
    // record is found by ARN) or this pass holds its purchase record.
    if (!recorded.watchedByModel().isEmpty() || !boughtNow.isEmpty()) {
      inService(pool.serving(), model, recorded, boughtNow, at, token);
      inService(pool.draining(), model, recorded, boughtNow, at, token);
    }
    List<Creation> watched = recorded.watched(model);
    if (watched.isEmpty()) {
      return;
    }
    Set<String> listed = new HashSet<>();
    for (List<ProvisionedThroughput> group :
        List.of(pool.creating(), pool.serving(), pool.draining())) {
      for (ProvisionedThroughput pt : group) {
        listed.add(pt.arn());
      }
    }
    for (Creation c : watched) {
      if (!listed.contains(c.arn())) {
        state.dropCreation(model, c.arn(), token);
      }
    }
  }

  private void inService(
      List<ProvisionedThroughput> pts,
      String model,
      Index recorded,
      Set<String> boughtNow,
      Instant at,
      long token) {
    for (ProvisionedThroughput pt : pts) {
      if (pt.status() != PtStatus.IN_SERVICE && pt.status() != PtStatus.UPDATING) {
        continue;
      }
      Creation was = recorded.byArn().get(pt.arn());
      if (was != null && !was.done()) {
        state.recordCreation(was.inServiceBy(at), token);
      } else if (was == null && pt.createdAt() != null && boughtNow.contains(pt.purchaseToken())) {
        state.recordCreation(
            Creation.watched(model, pt.arn(), pt.modelUnits(), pt.createdAt()).inServiceBy(at),
            token);
      }
    }
  }
}
