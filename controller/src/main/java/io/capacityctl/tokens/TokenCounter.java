package io.capacityctl.tokens;

import com.knuddels.jtokkit.api.Encoding;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts tokens with one tiktoken encoding and remembers the counts of recent texts.
 *
 * <p>Load tests, CI checks and drift checks count the same system prompts, titles and questions
 * over and over, so a least-recently-used cache answers repeats without encoding. The cache is
 * bounded by the characters it holds (memory follows text length, not the number of texts); a text
 * longer than the whole bound is counted but never cached. Thread-safe: the cache is guarded by a
 * lock, encoding runs outside it.
 *
 * <p>Counts are tiktoken's, not Claude's (its tokenizer is not public): apply a {@link Calibration}
 * to turn them into the tokens Bedrock bills and meters.
 */
public final class TokenCounter {
  /** Default cache bound: about 8 MB of text. */
  public static final long DEFAULT_CACHE_CHARS = 4_000_000;

  private final TokenEncoding encoding;
  private final Encoding encoder;
  private final long maxCachedChars;
  private final LinkedHashMap<String, Integer> cache = new LinkedHashMap<>(256, 0.75f, true);
  private long cachedChars;
  private long hits;
  private long misses;

  public TokenCounter(TokenEncoding encoding) {
    this(encoding, DEFAULT_CACHE_CHARS);
  }

  /** A counter whose cache holds at most {@code maxCachedChars} characters (0 disables it). */
  public TokenCounter(TokenEncoding encoding, long maxCachedChars) {
    if (maxCachedChars < 0) {
      throw new IllegalArgumentException("maxCachedChars must be >= 0, was " + maxCachedChars);
    }
    this.encoding = encoding;
    this.encoder = Encoders.get(encoding);
    this.maxCachedChars = maxCachedChars;
  }

  public TokenEncoding encoding() {
    return encoding;
  }

  /**
   * Tokens in {@code text}. Special-token markers such as {@code <|endoftext|>} count as ordinary
   * text: a user can type them, and a model API receives them as text.
   */
  public int count(String text) {
    synchronized (cache) {
      Integer cached = cache.get(text);
      if (cached != null) {
        hits++;
        return cached;
      }
      misses++;
    }
    int tokens = encoder.countTokensOrdinary(text);
    remember(text, tokens);
    return tokens;
  }

  /** Tokens of each text, in order. */
  public int[] countAll(List<String> texts) {
    int[] counts = new int[texts.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = count(texts.get(i));
    }
    return counts;
  }

  /** Tokens of all texts together, as if each were sent separately. */
  public long total(List<String> texts) {
    long sum = 0;
    for (String text : texts) {
      sum += count(text);
    }
    return sum;
  }

  public CacheStats stats() {
    synchronized (cache) {
      return new CacheStats(hits, misses, cache.size(), cachedChars);
    }
  }

  private void remember(String text, int tokens) {
    if (text.length() > maxCachedChars) {
      return;
    }
    synchronized (cache) {
      if (cache.put(text, tokens) == null) {
        cachedChars += text.length();
      }
      Iterator<Map.Entry<String, Integer>> eldest = cache.entrySet().iterator();
      while (cachedChars > maxCachedChars) {
        cachedChars -= eldest.next().getKey().length();
        eldest.remove();
      }
    }
  }
}
