package io.capacityctl.tokens.intents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes synthetic reading histories, the input of MangaAssist's taste profile: one line per manga
 * title with author, genres, progress, themes, rating, last-read date and the reader's note. The
 * number of titles per history is drawn uniformly from a range, because history length, not the
 * template, drives the token count (the 10-title load test that planned 800 tokens for 3,200-token
 * requests). Deterministic: the same seed gives the same samples on every machine.
 */
public final class HistoryGenerator {
  /** The placeholder a generated history fills. */
  public static final String PLACEHOLDER = "history";

  private static final String[] ADJECTIVES = {
    "Crimson", "Silent", "Eternal", "Broken", "Hidden", "Golden", "Midnight", "Wandering", "Last",
    "Frozen", "Burning", "Paper", "Iron", "Lonely", "Scarlet", "Azure", "Forgotten", "Rising"
  };
  private static final String[] NOUNS = {
    "Blade", "Moon", "Shrine", "Samurai", "Alchemist", "Garden", "Dragon", "Detective", "Witch",
    "Kitchen", "Orchestra", "Ronin", "Lantern", "Pilot", "Fox", "Library", "Tide", "Summoner"
  };
  private static final String[] PLACES = {
    "Edo", "the Eastern Sea", "Shinjuku", "the Floating Castle", "Kyoto", "the Northern Pass",
    "Akihabara", "the Ninth Academy", "Hokkaido", "the Last Train", "Osaka", "the Abyss"
  };
  private static final String[] FAMILY_NAMES = {
    "Takahashi",
    "Sato",
    "Suzuki",
    "Tanaka",
    "Watanabe",
    "Ito",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Kato",
    "Yoshida",
    "Yamada",
    "Sasaki",
    "Inoue",
    "Kimura",
    "Hayashi"
  };
  private static final String[] GIVEN_NAMES = {
    "Aoi", "Haruto", "Yui", "Ren", "Sakura", "Sota", "Hina", "Yuto", "Mio", "Kaito", "Rin", "Daiki"
  };
  private static final String[] GENRES = {
    "shonen",
    "seinen",
    "shojo",
    "josei",
    "isekai",
    "mecha",
    "slice of life",
    "horror",
    "romance",
    "sports",
    "mystery",
    "historical",
    "fantasy",
    "comedy",
    "sci-fi",
    "psychological"
  };
  private static final String[] THEMES = {
    "revenge", "found family", "time skip", "tournament arc", "slow burn", "unreliable narrator",
    "coming of age", "political intrigue", "cooking", "survival", "rivalry", "redemption",
    "heist", "school life", "war", "mentor and student"
  };
  private static final String[] NOTES = {
    "loved the art",
    "dropped after the time skip",
    "reread it twice",
    "waiting for the anime",
    "middle arc dragged",
    "the villain carried it",
    "ending felt rushed",
    "a friend recommended it",
    "cried at chapter 40",
    "too much fan service",
    "binge-read in one weekend",
    "confusing magic system",
    "best fight choreography",
    "gave up on the romance subplot"
  };
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

  private HistoryGenerator() {}

  /**
   * {@code count} samples whose history holds between {@code minTitles} and {@code maxTitles}
   * titles (inclusive), each labelled with its number and title count.
   */
  public static List<Sample> generate(
      int count, long seed, int minTitles, int maxTitles, int line) {
    if (count < 1 || minTitles < 1 || maxTitles < minTitles) {
      throw new IllegalArgumentException(
          "need count >= 1 and 1 <= minTitles <= maxTitles, were "
              + count
              + ", "
              + minTitles
              + ", "
              + maxTitles);
    }
    // java.util.Random's algorithm is specified, so a seed gives the same histories on any JDK.
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      int titles = between(random, minTitles, maxTitles);
      samples.add(
          new Sample(
              "generated #" + i + " (" + titles + " titles)",
              Map.of(PLACEHOLDER, history(random, titles)),
              line));
    }
    return samples;
  }

  private static String history(Random random, int titles) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < titles; i++) {
      int total = between(random, 8, 240);
      int read = between(random, 1, total);
      String genre = pick(random, GENRES);
      String otherGenre = pick(random, GENRES);
      out.append("- \"")
          .append(title(random))
          .append("\" by ")
          .append(pick(random, GIVEN_NAMES))
          .append(' ')
          .append(pick(random, FAMILY_NAMES))
          .append(" | ")
          .append(genre.equals(otherGenre) ? genre : genre + ", " + otherGenre)
          .append(" | read ")
          .append(read)
          .append('/')
          .append(total)
          .append(" chapters | tags: ")
          .append(pick(random, THEMES))
          .append(", ")
          .append(pick(random, THEMES))
          .append(", ")
          .append(pick(random, THEMES))
          .append(" | rated ")
          .append(between(random, 1, 5))
          .append("/5 | last read ")
          .append(FIRST_DAY.plusDays(between(random, 0, 900)))
          .append(" | note: ")
          .append(pick(random, NOTES))
          .append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String title(Random random) {
    String base = pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
    return random.nextBoolean() ? base + " of " + pick(random, PLACES) : base;
  }

  /** Uniform in [lo, hi]; {@code Random.nextInt(bound)} is the call whose output is specified. */
  private static int between(Random random, int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }
}
