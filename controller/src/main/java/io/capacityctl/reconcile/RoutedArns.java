package io.capacityctl.reconcile;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per model, the PT ARNs callers are routed to now ({@link ModelPool#routedArns}), each set made
 * when the metrics adapter first asks for it: the CloudWatch adapter asks for every model, the
 * simulator's only while its PT series lag — otherwise, every pass, a set per model no one reads.
 * Read-only, and built from the pools of the pass that reads with it (never changed after).
 */
final class RoutedArns extends AbstractMap<String, Set<String>> {
  private final Map<String, ModelPool> pools;
  private final Map<String, Set<String>> made = new HashMap<>();

  RoutedArns(Map<String, ModelPool> pools) {
    this.pools = pools;
  }

  @Override
  public synchronized Set<String> get(Object model) {
    ModelPool pool = pools.get(model);
    return pool == null ? null : made.computeIfAbsent(pool.model(), k -> pool.routedArns());
  }

  @Override
  public boolean containsKey(Object model) {
    return pools.containsKey(model);
  }

  @Override
  public Set<Entry<String, Set<String>>> entrySet() {
    Set<Entry<String, Set<String>>> entries = new LinkedHashSet<>();
    for (String model : pools.keySet()) {
      entries.add(new SimpleImmutableEntry<>(model, get(model)));
    }
    return entries;
  }
}
