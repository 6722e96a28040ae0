package io.capacityctl.reconcile;

import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.state.Creation;
import io.capacityctl.state.PurchaseIntent;
import io.capacityctl.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
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
  // The records last read, by ARN: a store that returns the same (unmodifiable) list while nothing
  // changed is not indexed again every pass.
  private List<Creation> indexed;
  private Map<String, Creation> byArn;

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
      Map<String, Creation> recorded = byArn(known);
      for (ModelPool pool : snapshot.pools().values()) {
        record(pool, recorded, at, token);
      }
      return List.of();
    } catch (RuntimeException e) {
      // Named in the pass's warnings (health and the daemon log show them); never fatal.
      return List.of("provisioning time not learned this pass (" + e.getMessage() + ")");
    }
  }

  private synchronized Map<String, Creation> byArn(List<Creation> known) {
    if (known != indexed) {
      Map<String, Creation> m = new HashMap<>();
      for (Creation c : known) {
        m.put(c.arn(), c);
      }
      byArn = m;
      indexed = known;
    }
    return byArn;
  }

  private void record(ModelPool pool, Map<String, Creation> recorded, Instant at, long token) {
    String model = pool.model();
    Set<String> listed = new HashSet<>();
    for (ProvisionedThroughput pt : pool.creating()) {
      listed.add(pt.arn());
      if (!recorded.containsKey(pt.arn()) && pt.createdAt() != null) {
        state.recordCreation(
            Creation.watched(model, pt.arn(), pt.modelUnits(), pt.createdAt()), token);
      }
    }
    Set<String> boughtNow = new HashSet<>();
    for (PurchaseIntent p : pool.listedPurchases()) {
      boughtNow.add(p.clientRequestToken());
    }
    List<ProvisionedThroughput> inService = new ArrayList<>(pool.serving());
    inService.addAll(pool.draining());
    for (ProvisionedThroughput pt : inService) {
      listed.add(pt.arn());
      if (pt.status() != PtStatus.IN_SERVICE && pt.status() != PtStatus.UPDATING) {
        continue;
      }
      Creation was = recorded.get(pt.arn());
      if (was != null && !was.done()) {
        state.recordCreation(was.inServiceBy(at), token);
      } else if (was == null && pt.createdAt() != null && boughtNow.contains(pt.purchaseToken())) {
        state.recordCreation(
            Creation.watched(model, pt.arn(), pt.modelUnits(), pt.createdAt()).inServiceBy(at),
            token);
      }
    }
    for (Creation c : recorded.values()) {
      if (c.model().equals(model) && !c.done() && !listed.contains(c.arn())) {
        state.dropCreation(model, c.arn(), token);
      }
    }
  }
}
