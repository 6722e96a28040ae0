package io.capacityctl.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Values for the generative tests: ones a user would write and, when {@code hostile}, one time in
 * nine the absurd, the malformed or the hostile (numbers beyond a double, crons firing every
 * second, names AWS refuses, control characters, strings of hundreds of kilobytes). A configuration
 * holds a couple of dozen values, so the tests draw hostile and friendly configurations half and
 * half: the friendly ones are what must plan.
 */
public final class AdversarialValues {
  private AdversarialValues() {}

  /** {@code a} with weight {@code w}, for {@link Arbitraries#frequencyOf}. */
  public static <T> Tuple2<Integer, Arbitrary<? extends T>> weight(int w, Arbitrary<T> a) {
    return Tuple.of(w, a);
  }

  /** One of {@code good}; when {@code hostile}, one time in nine one of {@code bad} instead. */
  private static Arbitrary<String> mostly(boolean hostile, String[] good, String... bad) {
    return hostile
        ? Arbitraries.frequencyOf(weight(8, Arbitraries.of(good)), weight(1, Arbitraries.of(bad)))
        : Arbitraries.of(good);
  }

  private static String[] of(String... values) {
    return values;
  }

  public static Arbitrary<String> number(boolean hostile, String... good) {
    return mostly(
        hostile,
        good,
        "1e309",
        "-1e309",
        "1e308",
        "-1",
        "NaN",
        "Infinity",
        "0x10",
        "1_000",
        "\"\"",
        "99999999999999999999",
        "4.9e-324",
        "1000000000");
  }

  public static Arbitrary<String> whole(boolean hostile, String... good) {
    return mostly(
        hostile,
        good,
        "1000000000",
        "-1",
        "6.5",
        "99999999999999999999999",
        "1e3",
        "10001",
        "\"\"");
  }

  public static Arbitrary<String> duration(boolean hostile, String... good) {
    return mostly(
        hostile,
        good,
        "0",
        "-PT1M",
        "100000d",
        "P1D",
        "soon",
        "PT0S",
        "99999999999999999999d",
        "2 minutes",
        "");
  }

  public static Arbitrary<String> eventDuration(boolean hostile) {
    return duration(hostile, "PT6H", "2h", "30m", "1d", "PT8H", "10m", "31d");
  }

  public static Arbitrary<String> leadTime(boolean hostile) {
    return mostly(hostile, of("PT4H", "45m", "0", "1h", "7d"), "8d", "-PT1H", "100000d");
  }

  public static Arbitrary<String> multiplier(boolean hostile) {
    return mostly(
        hostile,
        of("3.0", "1.5", "0.5", "2", "10", "0.01"),
        "30",
        "1e308",
        "0",
        "-1",
        "Infinity",
        "NaN",
        "10.0001",
        "1e-300");
  }

  public static Arbitrary<String> cron(boolean hostile) {
    return mostly(
        hostile,
        of(
            "0 0 0 ? * MON",
            "0 0 9 * * ?",
            "0 30 17 ? * MON-FRI",
            "0 0 12 L * ?",
            "0 0/30 9-17 ? * MON-FRI",
            "0 0 0 1 * ?",
            "0 0 * ? * *",
            "0 0/15 * ? * *"),
        "* * * ? * *",
        "0 * * ? * *",
        "0/30 * * ? * *",
        "0 0/5 * ? * *",
        "bad cron",
        "0 0 0 30 2 ?",
        "0 0 25 ? * MON");
  }

  /** An instant {@code hours} from {@code t0} as an offset date-time in Tokyo. */
  public static String at(Instant t0, int hours) {
    return t0.plus(Duration.ofHours(hours)).atOffset(ZoneOffset.ofHours(9)).toString();
  }

  public static Arbitrary<String> configName(boolean hostile) {
    return mostly(
        hostile,
        of("shop", "manga-assist", "a1", "x".repeat(12), "n".repeat(23)),
        "shop-",
        "shop_",
        "_x",
        "a--b",
        "x".repeat(28),
        "x".repeat(40),
        "my shop",
        "ショップ",
        "",
        "esc\u001b");
  }

  public static Arbitrary<String> modelKey(boolean hostile) {
    return mostly(
        hostile,
        of("sonnet", "haiku", "chat", "m1", "claude_3"),
        "haiku_",
        "-x",
        "a.b",
        "k".repeat(33),
        "");
  }

  public static Arbitrary<String> modelId(boolean hostile) {
    return hostile
        ? Arbitraries.frequencyOf(
            weight(8, Arbitraries.just("anthropic.claude-3-haiku-20240307-v1:0")),
            weight(1, Arbitraries.of(3_000, 200_000).map("m"::repeat)),
            weight(1, Arbitraries.of("with space", "\u001b[31m", "クロード")))
        : Arbitraries.of(
            "anthropic.claude-3-haiku-20240307-v1:0",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2");
  }

  /** Mostly the placeholder {@code @N@}, for a unique name the caller gives. */
  public static Arbitrary<String> eventName(boolean hostile) {
    return mostly(hostile, of("@N@"), "n".repeat(65), "esc\u001b[2J", "", "dup", "right\u202eleft");
  }

  public static Arbitrary<String> timezone(boolean hostile) {
    return mostly(
        hostile,
        of("Asia/Tokyo", "UTC", "America/New_York", "Europe/London"),
        "+09:00",
        "Mars/Base",
        "");
  }

  public static Arbitrary<String> reason(boolean hostile) {
    Arbitrary<String> plain =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars(' ')
            .ofMinLength(1)
            .ofMaxLength(80)
            .filter(s -> !s.isBlank());
    return hostile
        ? Arbitraries.frequencyOf(
            weight(6, plain),
            weight(
                1,
                Arbitraries.of(
                    "x".repeat(501),
                    "x".repeat(100 * 1024),
                    "rehearsal \u001b[2J",
                    "right\u202eleft",
                    "line\nbreak",
                    " ",
                    "")))
        : plain;
  }

  /** A YAML double-quoted scalar holding {@code s} exactly. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append('"').toString();
  }
}
