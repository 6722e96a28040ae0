package io.capacityctl.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.capacityctl.tokens.TokenCounter;
import io.capacityctl.tokens.TokenEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Counting 100,000 short texts (questions of 40-70 characters): plain jtokkit, a {@link
 * TokenCounter} with an empty cache (every text new), and one whose cache already holds them. Run
 * as docs/tokens.md says; one operation is the whole batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenCountBenchmark {
  static final int TEXTS = 100_000;

  @Param({"CL100K_BASE", "O200K_BASE"})
  TokenEncoding encoding;

  List<String> texts;
  Encoding jtokkit;
  TokenCounter warm;

  @Setup
  public void setUp() {
    texts = shortTexts(TEXTS, 42);
    jtokkit =
        Encodings.newLazyEncodingRegistry()
            .getEncoding(EncodingType.fromName(encoding.fileName()).orElseThrow());
    // Large enough for all texts: a sequential scan over more text than the LRU holds misses
    // every time (the default 4M-character cache holds about 65,000 of these texts).
    warm = new TokenCounter(encoding, 16_000_000);
    warm.countAll(texts);
    if (warm.stats().entries() != TEXTS) {
      throw new IllegalStateException("warm cache does not hold every text: " + warm.stats());
    }
  }

  @Benchmark
  public long jtokkitDirect() {
    long sum = 0;
    for (String t : texts) {
      sum += jtokkit.countTokensOrdinary(t);
    }
    return sum;
  }

  @Benchmark
  public long counterAllMisses() {
    return new TokenCounter(encoding).total(texts);
  }

  @Benchmark
  public long counterAllHits() {
    return warm.total(texts);
  }

  /** Distinct, deterministic chat-sized texts. */
  static List<String> shortTexts(int n, long seed) {
    String[] subjects = {"Kenji", "Hina", "the fox statue", "the teacher", "Mio", "the captain"};
    String[] verbs = {"burn the letter", "leave the shrine", "lie", "return", "fight", "hide"};
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          "Why does "
              + subjects[random.nextInt(subjects.length)]
              + " "
              + verbs[random.nextInt(verbs.length)]
              + " in chapter "
              + (i % 400 + 1)
              + " of volume "
              + i / 400
              + "?");
    }
    return out;
  }
}
