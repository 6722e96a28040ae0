package io.capacityctl.traceimport;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.files.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@code timestamp,value} CSV (a CloudWatch or Datadog export, a public data set) into a
 * {@link Series}. The header is optional: a first row whose value is not a number is taken as one;
 * {@code columns} names the two columns of a wider export, and then a header is required. Every
 * problem is reported with its line, and a series with any problem is refused whole.
 */
final class SeriesReader {
  /** A year of 1-minute datapoints is about 16 MB; this leaves room for wide exports. */
  static final long MAX_BYTES = 256L << 20;

  private static final int MAX_ERRORS = 20;
  static final String CLASSPATH = "classpath:";

  private SeriesReader() {}

  /**
   * A series read, and what was merged into it ({@link Duplicates}).
   *
   * @param mergedRows rows that repeated the timestamp of the row before them, merged into it
   * @param mergedTimestamps the timestamps they repeated
   * @param firstMergedLine the line of the first merged row, or 0
   */
  record Read(Series series, int mergedRows, int mergedTimestamps, int firstMergedLine) {}

  /**
   * @param columns the timestamp and value column names, or null for the first two columns
   * @param zone where naive timestamps are local, or null to refuse them
   * @param duplicates what to do with a row whose timestamp repeats the one before it
   */
  static Read read(String file, List<String> columns, ZoneId zone, Duplicates duplicates)
      throws ConfigException {
    String source = file;
    List<ConfigError> errors = new ArrayList<>();
    Timestamps timestamps = new Timestamps(zone);
    int mergedRows = 0;
    int mergedTimestamps = 0;
    int firstMergedLine = 0;
    long[] millis = new long[1024];
    double[] values = new double[1024];
    int[] lines = new int[1024];
    int n = 0;
    try (CsvRows csv = open(file)) {
      CsvRows.Row row = csv.next();
      int timeColumn = 0;
      int valueColumn = 1;
      if (columns != null) {
        if (row == null) {
          throw new ConfigException(new ConfigError(source, 0, "file", "the file is empty"));
        }
        timeColumn = column(row, columns.get(0), source);
        valueColumn = column(row, columns.get(1), source);
        row = csv.next();
      } else if (row != null && row.fields().size() >= 2 && !isNumber(row.field(1))) {
        row = csv.next(); // a header
      }
      Instant last = null;
      int lastLine = 0;
      int repeats = 0; // rows merged into the last timestamp so far
      int width = Math.max(timeColumn, valueColumn) + 1;
      for (; row != null && errors.size() < MAX_ERRORS; row = csv.next()) {
        int line = row.line();
        if (row.fields().size() < width) {
          errors.add(
              new ConfigError(
                  source,
                  line,
                  "row",
                  "expected at least " + width + " fields, found " + row.fields().size()));
          continue;
        }
        Instant t;
        try {
          t = timestamps.parse(row.field(timeColumn));
        } catch (Timestamps.NoZone e) {
          errors.add(new ConfigError(source, line, "timestamp", e.getMessage()));
          break;
        } catch (IllegalArgumentException e) {
          errors.add(new ConfigError(source, line, "timestamp", e.getMessage()));
          continue;
        }
        boolean repeat = t.equals(last);
        if (last != null && !t.isAfter(last) && !(repeat && duplicates != Duplicates.REFUSE)) {
          errors.add(
              new ConfigError(
                  source,
                  line,
                  "timestamp",
                  (repeat ? "duplicate timestamp " + t : t + " is not after " + last)
                      + " (line "
                      + lastLine
                      + "): rows must be in increasing time order, one per timestamp"
                      + (repeat ? " (--duplicates max, mean, first or last merges them)" : "")));
          continue;
        }
        String v = row.field(valueColumn);
        double value = value(v);
        if (!(value >= 0) || Double.isInfinite(value)) {
          errors.add(
              new ConfigError(
                  source,
                  line,
                  "value",
                  "'"
                      + v
                      + "' "
                      + (Double.isNaN(value) && !isNumber(v)
                          ? "is not a number"
                          : "must be a finite number >= 0")));
          continue;
        }
        if (repeat) {
          // Merged into the row before (which is kept: a repeat follows a valid row).
          values[n - 1] = duplicates.merge(values[n - 1], repeats + 1, value);
          mergedTimestamps += repeats == 0 ? 1 : 0;
          firstMergedLine = mergedRows == 0 ? line : firstMergedLine;
          mergedRows++;
          repeats++;
          continue;
        }
        repeats = 0;
        if (n == millis.length) {
          millis = Arrays.copyOf(millis, n * 2);
          values = Arrays.copyOf(values, n * 2);
          lines = Arrays.copyOf(lines, n * 2);
        }
        millis[n] = t.toEpochMilli();
        values[n] = value;
        lines[n] = line;
        n++;
        last = t;
        lastLine = line;
      }
    }
    if (errors.isEmpty() && n < 2) {
      errors.add(
          new ConfigError(
              source,
              0,
              "file",
              n == 0 ? "no data rows" : "one data row: a series needs at least two timestamps"));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new Read(
        new Series(
            source, Arrays.copyOf(millis, n), Arrays.copyOf(values, n), Arrays.copyOf(lines, n)),
        mergedRows,
        mergedTimestamps,
        firstMergedLine);
  }

  /** A file, or a bundled series named {@code classpath:PATH}. */
  private static CsvRows open(String file) throws ConfigException {
    if (!file.startsWith(CLASSPATH)) {
      return CsvRows.open(Path.of(file), MAX_BYTES, "an imported series");
    }
    String resource = file.substring(CLASSPATH.length());
    InputStream in = SeriesReader.class.getClassLoader().getResourceAsStream(resource);
    try {
      if (in == null) {
        throw new IOException("no such resource");
      }
      return CsvRows.open(file, in, MAX_BYTES);
    } catch (IOException e) {
      throw new ConfigException(new ConfigError(file, 0, "file", "cannot read: " + e.getMessage()));
    }
  }

  private static int column(CsvRows.Row header, String name, String source) throws ConfigException {
    int i = header.fields().indexOf(name);
    if (i < 0) {
      throw new ConfigException(
          new ConfigError(
              source,
              header.line(),
              "header",
              "no column '" + name + "' (the header has " + header.fields() + ")"));
    }
    return i;
  }

  private static boolean isNumber(String s) {
    return !Double.isNaN(value(s)) || s.strip().equalsIgnoreCase("nan");
  }

  /** The number, or NaN when it is none ("NaN" itself also reads as NaN). */
  private static double value(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
