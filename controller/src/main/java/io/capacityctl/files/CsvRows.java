package io.capacityctl.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file row by row with a real CSV parser (jackson-dataformat-csv): a UTF-8 byte-order
 * mark and quoted fields (commas and line breaks inside quotes) are accepted, spaces around fields
 * and blank lines ignored, and every row carries the line it starts on. The input is bounded: a
 * file larger than the limit is refused before anything is read, so a 2 GB file ends in one clear
 * line, not an OutOfMemoryError.
 */
public final class CsvRows implements Closeable {
  /** One row: the 1-based line it starts on and its fields, unquoted and trimmed. */
  public record Row(int line, List<String> fields) {
    public String field(int i) {
      return i < fields.size() ? fields.get(i) : "";
    }
  }

  private static final CsvFactory FACTORY =
      new CsvFactory()
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .enable(CsvParser.Feature.TRIM_SPACES);

  private final String source;
  private final CsvParser parser;

  private CsvRows(String source, CsvParser parser) {
    this.source = source;
    this.parser = parser;
  }

  /**
   * Opens {@code file}, refusing it when it holds more than {@code maxBytes}.
   *
   * @param what what the file is, for the messages ("a trace", "an imported series")
   */
  public static CsvRows open(Path file, long maxBytes, String what) throws ConfigException {
    String source = file.toString();
    try {
      if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
        throw new ConfigException(
            new ConfigError(
                source,
                0,
                "file",
                bytes(Files.size(file))
                    + " is more than "
                    + what
                    + " may hold ("
                    + bytes(maxBytes)
                    + "); split it or keep fewer days"));
      }
      return open(source, Files.newInputStream(file), maxBytes);
    } catch (NoSuchFileException e) {
      throw new ConfigException(new ConfigError(source, 0, "file", "no such file"));
    } catch (IOException e) {
      throw new ConfigException(new ConfigError(source, 0, "file", "cannot read: " + e));
    }
  }

  /**
   * Reads {@code in} (closed with the rows), refusing it past {@code maxBytes}.
   *
   * @param source names the input in every message
   */
  public static CsvRows open(String source, InputStream in, long maxBytes) throws IOException {
    return new CsvRows(source, FACTORY.createParser(new LimitedInputStream(in, maxBytes)));
  }

  /** The next row, or null at the end of the file. */
  public Row next() throws ConfigException {
    try {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return null;
      }
      // Without a schema every row is an array of strings.
      List<String> fields = new ArrayList<>(4);
      int line = 0;
      while ((t = parser.nextToken()) != null && t != JsonToken.END_ARRAY) {
        if (line == 0) {
          line = parser.currentTokenLocation().getLineNr();
        }
        fields.add(parser.getText());
      }
      return new Row(line == 0 ? parser.currentLocation().getLineNr() : line, fields);
    } catch (LimitedInputStream.TooLarge e) {
      throw new ConfigException(new ConfigError(source, 0, "file", e.getMessage()));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ConfigException(
          new ConfigError(
              source,
              at == null ? 0 : at.getLineNr(),
              "csv",
              "malformed CSV: " + e.getOriginalMessage().lines().findFirst().orElse("")));
    } catch (IOException e) {
      throw new ConfigException(new ConfigError(source, 0, "file", "cannot read: " + e));
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // Reading is over; a failure to close a read-only file changes nothing.
    }
  }

  /** A size as a person reads it: {@code 2.0 GB}, {@code 256 MB}. */
  static String bytes(long n) {
    if (n >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
    }
    if (n >= 1L << 20) {
      return (n >> 20) + " MB";
    }
    return n + " bytes";
  }
}
