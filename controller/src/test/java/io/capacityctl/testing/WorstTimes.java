package io.capacityctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The slowest measured times of a generative test and what produced them, for its figures. */
public final class WorstTimes {
  private final String what;
  private final ConcurrentSkipListMap<Long, String> worst = new ConcurrentSkipListMap<>();
  private int count;

  public WorstTimes(String what) {
    this.what = what;
  }

  public synchronized void record(long nanos, String input) {
    count++;
    String s = input.replaceAll("\\s+", " ");
    worst.put(
        nanos,
        (input.length() > 160 ? input.length() + " chars: " : "")
            + s.substring(0, Math.min(160, s.length())));
    while (worst.size() > 5) {
      worst.pollFirstEntry();
    }
  }

  /** "worst validate times of 400, slowest first:" and a line each. */
  public synchronized String report() {
    StringBuilder b = new StringBuilder();
    b.append("worst ").append(what).append(" times of ").append(count).append(", slowest first:\n");
    for (Map.Entry<Long, String> e : worst.descendingMap().entrySet()) {
      b.append(String.format(Locale.ROOT, "  %8.1f ms  %s%n", e.getKey() / 1e6, e.getValue()));
    }
    return b.toString();
  }

  /** Writes {@code text} to {@code target/<file>} and prints it. */
  public static void write(String file, String text) throws IOException {
    Path out = Path.of("target", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
    System.out.print(text);
  }
}
