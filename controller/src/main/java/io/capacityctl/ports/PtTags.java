package io.capacityctl.ports;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A PT's tags, immutable as {@link Map#copyOf} makes them, with the ones capacityctl reads of every
 * PT every pass (who bought it, for which configuration and model, with which purchase) read once
 * when the PT is listed rather than looked up at each use.
 */
final class PtTags extends AbstractMap<String, String> {
  private final Map<String, String> all;
  final boolean managed;
  final String config;
  final String model;
  final String purchase;

  private PtTags(Map<String, String> all) {
    this.all = all;
    this.managed =
        ProvisionedThroughput.MANAGED_BY_VALUE.equals(
            all.get(ProvisionedThroughput.TAG_MANAGED_BY));
    this.config = all.get(ProvisionedThroughput.TAG_CONFIG);
    this.model = all.get(ProvisionedThroughput.TAG_MODEL);
    this.purchase = all.get(ProvisionedThroughput.TAG_PURCHASE);
  }

  /** {@code tags} as an immutable copy (the same when it is one already). */
  static PtTags of(Map<String, String> tags) {
    return tags instanceof PtTags t ? t : new PtTags(Map.copyOf(tags));
  }

  @Override
  public String get(Object key) {
    return all.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return all.containsKey(key);
  }

  @Override
  public int size() {
    return all.size();
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return all.entrySet(); // immutable: so is this map
  }
}
