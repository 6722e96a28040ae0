package io.capacityctl.tokens;

/**
 * A {@link TokenCounter}'s cache counters.
 *
 * @param hits counts answered from the cache
 * @param misses counts that ran the encoder
 * @param entries texts held now
 * @param chars characters held now (the cache is bounded by characters, not entries)
 */
public record CacheStats(long hits, long misses, int entries, long chars) {
  public double hitRatio() {
    long total = hits + misses;
    return total == 0 ? 0 : (double) hits / total;
  }
}
