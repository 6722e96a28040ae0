package io.capacityctl.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenCounterTest {
  // A separate registry: the counter must agree with plain jtokkit, not with itself.
  private static final EncodingRegistry JTOKKIT = Encodings.newDefaultEncodingRegistry();
  private static final List<String> FIXED =
      List.of(
          "hello world",
          "tiktoken is great!",
          "",
          "Reading history (title | genres | progress | rating | last read):",
          "- \"Crimson Blade of Edo\" by Aoi Takahashi | seinen, historical | read 34/120",
          "ミオが見つけた地図には何が描かれていましたか？",
          "emoji 🐉🔥 and tabs\tand\nnewlines   and    spaces",
          "a user may type <|endoftext|> as text");

  @ParameterizedTest
  @EnumSource(TokenEncoding.class)
  void countsEqualJtokkitForFixedStrings(TokenEncoding encoding) {
    TokenCounter counter = new TokenCounter(encoding);
    var reference = JTOKKIT.getEncoding(EncodingType.fromName(encoding.fileName()).orElseThrow());

    for (String text : FIXED) {
      assertThat(counter.count(text))
          .as("%s: %s", encoding, text)
          .isEqualTo(reference.encodeOrdinary(text).size());
    }
  }

  @Test
  void knownCountsPinTheEncodings() {
    // Values from OpenAI's tiktoken: guards against both sides silently using another encoding.
    assertThat(new TokenCounter(TokenEncoding.CL100K_BASE).count("tiktoken is great!"))
        .isEqualTo(6);
    assertThat(new TokenCounter(TokenEncoding.CL100K_BASE).count("hello world")).isEqualTo(2);
    assertThat(new TokenCounter(TokenEncoding.O200K_BASE).count("hello world")).isEqualTo(2);
  }

  @Test
  void repeatedTextsAreCacheHits() {
    TokenCounter counter = new TokenCounter(TokenEncoding.CL100K_BASE);

    int first = counter.count("What happens in chapter 42?");
    int second = counter.count("What happens in chapter 42?");
    counter.count("Who turned the fox statue?");

    assertThat(second).isEqualTo(first);
    CacheStats stats = counter.stats();
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(2);
    assertThat(stats.entries()).isEqualTo(2);
    assertThat(stats.hitRatio()).isCloseTo(1 / 3.0, offset(1e-9));
  }

  @Test
  void cacheEvictsTheLeastRecentlyUsedTextWhenFull() {
    TokenCounter counter = new TokenCounter(TokenEncoding.CL100K_BASE, 10);
    counter.count("aaaa"); // 4 chars
    counter.count("bbbb"); // 8 chars
    counter.count("aaaa"); // hit: "aaaa" is now the most recent
    counter.count("cccc"); // 12 chars > 10: evicts "bbbb", the least recently used

    assertThat(counter.stats().chars()).isEqualTo(8);
    counter.count("aaaa");
    assertThat(counter.stats().hits()).isEqualTo(2);
    counter.count("bbbb");
    assertThat(counter.stats().misses()).isEqualTo(4);
  }

  @Test
  void textLongerThanTheCacheIsCountedButNotCached() {
    TokenCounter counter = new TokenCounter(TokenEncoding.CL100K_BASE, 5);

    int first = counter.count("longer than five");

    assertThat(counter.count("longer than five")).isEqualTo(first).isPositive();

    assertThat(counter.stats().entries()).isZero();
    assertThat(counter.stats().hits()).isZero();
    assertThat(counter.stats().misses()).isEqualTo(2);
  }

  @Test
  void batchCountsEachTextInOrder() {
    TokenCounter counter = new TokenCounter(TokenEncoding.O200K_BASE);
    List<String> texts = List.of("hello world", "tiktoken is great!", "hello world");

    int[] counts = counter.countAll(texts);

    assertThat(counts)
        .containsExactly(
            counter.count("hello world"),
            counter.count("tiktoken is great!"),
            counter.count("hello world"));
    assertThat(counter.total(texts)).isEqualTo(counts[0] + counts[1] + counts[2]);
  }

  @Test
  void negativeCacheBoundIsRejected() {
    assertThatThrownBy(() -> new TokenCounter(TokenEncoding.CL100K_BASE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void cachedCountsEqualUncachedCounts(@ForAll String text) {
    TokenCounter cached = new TokenCounter(TokenEncoding.CL100K_BASE, 64);
    TokenCounter uncached = new TokenCounter(TokenEncoding.CL100K_BASE, 0);

    int once = cached.count(text);

    assertThat(cached.count(text)).isEqualTo(once).isEqualTo(uncached.count(text));
  }
}
