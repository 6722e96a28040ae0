package io.capacityctl.sim;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes traces as CSV: header {@code timestamp,model,tokens_per_second}, one row per
 * model per minute, UTC ISO-8601 timestamps ending in {@code Z}. Every problem is reported with its
 * line; a trace with any problem is rejected whole.
 */
public final class TraceCsv {
  public static final String HEADER = "timestamp,model,tokens_per_second";
  private static final int MAX_ERRORS = 20;

  private TraceCsv() {}

  /** Reads a trace whose models must all be among {@code models}, and cover every minute. */
  public static Trace read(Path file, Collection<String> models) throws ConfigException {
    String source = file.toString();
    List<ConfigError> errors = new ArrayList<>();
    Map<String, TreeMap<Instant, Double>> rows = new LinkedHashMap<>();
    Map<String, Map<Instant, Integer>> lines = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.strip().equals(HEADER)) {
        throw new ConfigException(
            new ConfigError(
                source,
                1,
                "header",
                "expected '"
                    + HEADER
                    + "', found '"
                    + (header == null ? "" : header.strip())
                    + "'"));
      }
      String line;
      int n = 1;
      while ((line = r.readLine()) != null && errors.size() < MAX_ERRORS) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 3) {
          errors.add(new ConfigError(source, n, "row", "expected 3 fields, found " + f.length));
          continue;
        }
        Instant t = parseTime(f[0].strip(), source, n, errors);
        String model = f[1].strip();
        Double tps = parseTps(f[2].strip(), source, n, errors);
        if (!models.contains(model)) {
          errors.add(
              new ConfigError(
                  source,
                  n,
                  "model",
                  "unknown model '" + model + "' (config has " + String.join(", ", models) + ")"));
          continue;
        }
        if (t == null || tps == null) {
          continue;
        }
        Double before = rows.computeIfAbsent(model, k -> new TreeMap<>()).put(t, tps);
        if (before != null) {
          errors.add(
              new ConfigError(
                  source,
                  n,
                  "timestamp",
                  "duplicate row for "
                      + model
                      + " at "
                      + t
                      + " (first on line "
                      + lines.get(model).get(t)
                      + ")"));
        }
        lines.computeIfAbsent(model, k -> new HashMap<>()).putIfAbsent(t, n);
      }
    } catch (IOException e) {
      throw new ConfigException(
          new ConfigError(source, 0, "file", "cannot read: " + e.getMessage()));
    }
    if (errors.isEmpty()) {
      checkCoverage(source, models, rows, lines, errors);
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    Instant start =
        rows.values().stream().map(TreeMap::firstKey).min(Instant::compareTo).orElseThrow();
    Instant end =
        rows.values().stream().map(TreeMap::lastKey).max(Instant::compareTo).orElseThrow();
    int minutes = (int) Duration.between(start, end).toMinutes() + 1;
    Map<String, double[]> demand = new LinkedHashMap<>();
    for (String model : models) {
      double[] d = new double[minutes];
      rows.get(model).forEach((t, v) -> d[(int) Duration.between(start, t).toMinutes()] = v);
      demand.put(model, d);
    }
    return new Trace(start, minutes, demand);
  }

  private static void checkCoverage(
      String source,
      Collection<String> models,
      Map<String, TreeMap<Instant, Double>> rows,
      Map<String, Map<Instant, Integer>> lines,
      List<ConfigError> errors) {
    for (String model : models) {
      if (!rows.containsKey(model)) {
        errors.add(new ConfigError(source, 0, "model", "no rows for model '" + model + "'"));
      }
    }
    if (!errors.isEmpty()) {
      return;
    }
    Instant start =
        rows.values().stream().map(TreeMap::firstKey).min(Instant::compareTo).orElseThrow();
    Instant end =
        rows.values().stream().map(TreeMap::lastKey).max(Instant::compareTo).orElseThrow();
    for (String model : models) {
      Instant expected = start;
      for (Instant t : rows.get(model).keySet()) {
        if (!t.equals(expected)) {
          errors.add(
              new ConfigError(
                  source,
                  lines.get(model).get(t),
                  "timestamp",
                  "missing minute(s) for "
                      + model
                      + ": "
                      + expected
                      + " to "
                      + t.minusSeconds(60)));
        }
        expected = t.plusSeconds(60);
        if (errors.size() >= MAX_ERRORS) {
          return;
        }
      }
      if (!rows.get(model).lastKey().equals(end)) {
        errors.add(
            new ConfigError(
                source,
                0,
                "timestamp",
                "missing minute(s) for " + model + ": " + expected + " to " + end));
      }
    }
  }

  private static Instant parseTime(String s, String source, int line, List<ConfigError> errors) {
    if (!s.endsWith("Z")) {
      errors.add(
          new ConfigError(
              source,
              line,
              "timestamp",
              "'" + s + "' must be UTC ISO-8601 ending in Z, e.g. 2026-12-01T00:00:00Z"));
      return null;
    }
    try {
      Instant t = Instant.parse(s);
      if (t.getEpochSecond() % 60 != 0 || t.getNano() != 0) {
        errors.add(new ConfigError(source, line, "timestamp", "'" + s + "' is not a whole minute"));
        return null;
      }
      return t;
    } catch (DateTimeParseException e) {
      errors.add(
          new ConfigError(source, line, "timestamp", "'" + s + "' is not an ISO-8601 instant"));
      return null;
    }
  }

  private static Double parseTps(String s, String source, int line, List<ConfigError> errors) {
    try {
      double v = Double.parseDouble(s);
      if (!(v >= 0) || Double.isInfinite(v)) {
        errors.add(
            new ConfigError(
                source, line, "tokens_per_second", "'" + s + "' must be a number >= 0"));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(new ConfigError(source, line, "tokens_per_second", "'" + s + "' is not a number"));
      return null;
    }
  }

  /** Writes a trace in the same format it is read. */
  public static void write(Trace trace, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    StringBuilder sb = new StringBuilder(64);
    for (int i = 0; i < trace.minutes(); i++) {
      String ts = trace.minute(i).toString();
      for (String model : trace.models()) {
        sb.setLength(0);
        sb.append(ts).append(',').append(model).append(',');
        sb.append(String.format(java.util.Locale.ROOT, "%.1f", trace.at(model, i))).append('\n');
        out.write(sb.toString());
      }
    }
  }
}
