package io.capacityctl.tokens.intents;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.yaml.YamlNode;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of {@link YamlNode}s and collects every problem as a {@link ConfigError}
 * naming the file, line and field, so one run reports all mistakes. Readers return null (or NaN)
 * for a value in error; callers build nothing from a part that had errors.
 */
final class NodeReader {
  private final String source;
  private final List<ConfigError> errors = new ArrayList<>();

  NodeReader(String source) {
    this.source = source;
  }

  List<ConfigError> errors() {
    return errors;
  }

  int errorCount() {
    return errors.size();
  }

  void error(YamlNode at, String message) {
    errors.add(new ConfigError(source, at.line(), at.path(), message));
  }

  /** True when {@code node} is a map; otherwise records an error. */
  boolean isMap(YamlNode node) {
    if (!node.isMap()) {
      error(node, "must be a map of keys to values");
      return false;
    }
    return true;
  }

  /** Records an error for every key of {@code map} outside {@code allowed}. */
  void onlyKeys(YamlNode map, Set<String> allowed) {
    for (YamlNode field : map.fields().values()) {
      String key = field.path().substring(field.path().lastIndexOf('.') + 1);
      if (!allowed.contains(key)) {
        error(field, "unknown key; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  /** The field, or null after recording that it is missing (at the map's line). */
  YamlNode required(YamlNode map, String key) {
    YamlNode field = map.get(key);
    if (field == null) {
      String path = map.path().isEmpty() ? key : map.path() + "." + key;
      errors.add(new ConfigError(source, map.line(), path, "missing required key"));
    }
    return field;
  }

  /** A non-blank scalar, or null. */
  String text(YamlNode node) {
    if (!node.isScalar() || node.scalar() == null || node.scalar().isBlank()) {
      error(node, "must be a non-empty value");
      return null;
    }
    return node.scalar();
  }

  /** A number in [min, max], or NaN. */
  double number(YamlNode node, double min, double max) {
    String text = text(node);
    if (text == null) {
      return Double.NaN;
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      error(node, "must be a number, was '" + text + "'");
      return Double.NaN;
    }
    if (!(value >= min && value <= max)) {
      error(node, "must be between " + plain(min) + " and " + plain(max) + ", was " + text);
      return Double.NaN;
    }
    return value;
  }

  /** A whole number in [min, max], or null. */
  Long whole(YamlNode node, long min, long max) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      error(node, "must be a whole number, was '" + text + "'");
      return null;
    }
    if (value < min || value > max) {
      error(node, "must be between " + min + " and " + max + ", was " + text);
      return null;
    }
    return value;
  }

  /** A local time written {@code HH:mm}, or null. */
  LocalTime time(YamlNode node) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      error(node, "must be a time HH:mm, e.g. \"17:00\", was '" + text + "'");
      return null;
    }
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
