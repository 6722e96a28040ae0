package io.capacityctl.sim;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.files.CsvRows;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes traces as CSV: header {@code timestamp,model,tokens_per_second}, one row per
 * model per minute, UTC ISO-8601 timestamps ending in {@code Z}. Read with a real CSV parser (a
 * byte-order mark and quoted fields are fine). Every problem is reported with its line; a trace
 * with any problem is rejected whole. The file is bounded ({@link #MAX_BYTES}, {@link #MAX_DAYS})
 * so a huge or absurd file is refused in one line instead of exhausting memory.
 */
public final class TraceCsv {
  public static final String HEADER = "timestamp,model,tokens_per_second";

  /** 366 days of minutes for a dozen models fit; rows are held as primitives while reading. */
  public static final long MAX_BYTES = 256L << 20;

  /** The longest span a trace may cover (what {@code simulate --days} allows). */
  public static final int MAX_DAYS = 366;

  private static final int MAX_ERRORS = 20;

  private TraceCsv() {}

  /** Reads a trace whose models must all be among {@code models}, and cover every minute. */
  public static Trace read(Path file, Collection<String> models) throws ConfigException {
    return read(file, List.copyOf(models), false);
  }

  /** Reads a trace of whatever models it holds (in the order they first appear). */
  public static Trace read(Path file) throws ConfigException {
    return read(file, new ArrayList<>(), true);
  }

  private static Trace read(Path file, List<String> keys, boolean anyModel) throws ConfigException {
    String source = file.toString();
    List<ConfigError> errors = new ArrayList<>();
    Rows rows = new Rows();
    try (CsvRows csv = CsvRows.open(file, MAX_BYTES, "a trace")) {
      CsvRows.Row header = csv.next();
      String found = header == null ? "" : String.join(",", header.fields());
      if (!found.equals(HEADER)) {
        throw new ConfigException(
            new ConfigError(
                source, 1, "header", "expected '" + HEADER + "', found '" + found + "'"));
      }
      CsvRows.Row row;
      while (errors.size() < MAX_ERRORS && (row = csv.next()) != null) {
        int n = row.line();
        if (row.fields().size() != 3) {
          errors.add(
              new ConfigError(source, n, "row", "expected 3 fields, found " + row.fields().size()));
          continue;
        }
        Instant t = parseTime(row.field(0), source, n, errors);
        String model = row.field(1);
        double tps = parseTps(row.field(2), source, n, errors);
        int m = keys.indexOf(model);
        if (m < 0 && anyModel && !model.isEmpty()) {
          m = keys.size();
          keys.add(model);
        }
        if (m < 0) {
          errors.add(
              new ConfigError(
                  source,
                  n,
                  "model",
                  "unknown model '" + model + "' (config has " + String.join(", ", keys) + ")"));
          continue;
        }
        if (t != null && !Double.isNaN(tps)) {
          rows.add(t.getEpochSecond() / 60, m, tps, n);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return rows.toTrace(source, keys);
  }

  /** Every valid row, as primitives (a boxed map per row took ten times the memory). */
  private static final class Rows {
    long[] minute = new long[1024];
    int[] model = new int[1024];
    double[] tps = new double[1024];
    int[] line = new int[1024];
    int size;

    void add(long epochMinute, int m, double v, int n) {
      if (size == minute.length) {
        int grown = size * 2;
        minute = Arrays.copyOf(minute, grown);
        model = Arrays.copyOf(model, grown);
        tps = Arrays.copyOf(tps, grown);
        line = Arrays.copyOf(line, grown);
      }
      minute[size] = epochMinute;
      model[size] = m;
      tps[size] = v;
      line[size] = n;
      size++;
    }

    Trace toTrace(String source, List<String> keys) throws ConfigException {
      List<ConfigError> errors = new ArrayList<>();
      boolean[] seen = new boolean[keys.size()];
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (int i = 0; i < size; i++) {
        seen[model[i]] = true;
        first = Math.min(first, minute[i]);
        last = Math.max(last, minute[i]);
      }
      for (int m = 0; m < keys.size(); m++) {
        if (!seen[m]) {
          errors.add(
              new ConfigError(
                  source,
                  0,
                  "model",
                  "no rows for model '"
                      + keys.get(m)
                      + "': the configuration's models are "
                      + String.join(", ", keys)
                      + " and the trace needs minutes for each (give --config a configuration of"
                      + " the trace's models, or add this one's with trace import --add-to)"));
        }
      }
      if (!errors.isEmpty()) {
        throw new ConfigException(errors);
      }
      long span = last - first + 1;
      if (span > MAX_DAYS * 1440L) {
        throw new ConfigException(
            new ConfigError(
                source,
                0,
                "timestamp",
                "the trace spans "
                    + span / 1440
                    + " days ("
                    + Instant.ofEpochSecond(first * 60)
                    + " to "
                    + Instant.ofEpochSecond(last * 60)
                    + "); at most "
                    + MAX_DAYS));
      }
      int minutes = (int) span;
      Map<String, double[]> demand = new LinkedHashMap<>();
      List<int[]> lines = new ArrayList<>();
      for (String key : keys) {
        demand.put(key, new double[minutes]);
        lines.add(new int[minutes]);
      }
      for (int i = 0; i < size && errors.size() < MAX_ERRORS; i++) {
        int at = (int) (minute[i] - first);
        int[] l = lines.get(model[i]);
        if (l[at] != 0) {
          errors.add(
              new ConfigError(
                  source,
                  line[i],
                  "timestamp",
                  "duplicate row for "
                      + keys.get(model[i])
                      + " at "
                      + Instant.ofEpochSecond(minute[i] * 60)
                      + " (first on line "
                      + l[at]
                      + ")"));
          continue;
        }
        l[at] = line[i];
        demand.get(keys.get(model[i]))[at] = tps[i];
      }
      for (int m = 0; m < keys.size() && errors.size() < MAX_ERRORS; m++) {
        missingMinutes(source, keys.get(m), first, lines.get(m), errors);
      }
      if (!errors.isEmpty()) {
        throw new ConfigException(errors);
      }
      return new Trace(Instant.ofEpochSecond(first * 60), minutes, demand);
    }

    /** One error per run of missing minutes, on the line of the row after it (0 at the end). */
    private static void missingMinutes(
        String source, String model, long first, int[] lines, List<ConfigError> errors) {
      int i = 0;
      while (i < lines.length && errors.size() < MAX_ERRORS) {
        if (lines[i] != 0) {
          i++;
          continue;
        }
        int from = i;
        while (i < lines.length && lines[i] == 0) {
          i++;
        }
        errors.add(
            new ConfigError(
                source,
                i < lines.length ? lines[i] : 0,
                "timestamp",
                "missing minute(s) for "
                    + model
                    + ": "
                    + Instant.ofEpochSecond((first + from) * 60)
                    + " to "
                    + Instant.ofEpochSecond((first + i - 1) * 60)));
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

  /** Tokens/s, or NaN (with an error added) when the field is not a finite number >= 0. */
  private static double parseTps(String s, String source, int line, List<ConfigError> errors) {
    try {
      double v = Double.parseDouble(s);
      if (!(v >= 0) || Double.isInfinite(v)) {
        errors.add(
            new ConfigError(
                source, line, "tokens_per_second", "'" + s + "' must be a number >= 0"));
        return Double.NaN;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(new ConfigError(source, line, "tokens_per_second", "'" + s + "' is not a number"));
      return Double.NaN;
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
