package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds the fields of one YAML map. Each key a binder asks for becomes known, so a key nobody asks
 * for is reported as unknown: adding an optional key is one {@link #optional} call.
 */
final class Fields {
  private final YamlNode map;
  private final Problems problems;
  private final int problemsBefore;
  private final Set<String> known = new LinkedHashSet<>();

  private Fields(YamlNode map, Problems problems) {
    this.map = map;
    this.problems = problems;
    this.problemsBefore = problems.count();
  }

  /** A reader for a map node bound by {@code binder}; unknown keys are reported. */
  static <T> Reader<T> map(Function<Fields, T> binder) {
    return (node, problems) -> {
      if (!node.isMap()) {
        problems.at(node, "expected a map, got " + Reader.shapeOf(node));
        YamlNode empty =
            new YamlNode(node.path(), node.line(), null, List.of(), Map.of(), YamlNode.Kind.MAP);
        return binder.apply(new Fields(empty, Problems.discarded()));
      }
      Fields fields = new Fields(node, problems);
      T value = binder.apply(fields);
      fields.reportUnknownKeys();
      return value;
    };
  }

  /** The value of a key that must be present; a missing key is reported. */
  <T> T required(String key, Reader<T> reader) {
    known.add(key);
    YamlNode node = map.get(key);
    if (node == null) {
      problems.add(map.line(), path(key), "missing required key '" + key + "'");
      return reader.read(placeholderNode(key), Problems.discarded());
    }
    return reader.read(node, problems);
  }

  /** The value of an optional key, or {@code fallback} when it is absent or has no value. */
  <T> T optional(String key, Reader<T> reader, T fallback) {
    known.add(key);
    YamlNode node = map.get(key);
    return node == null || (node.isScalar() && node.scalar() == null)
        ? fallback
        : reader.read(node, problems);
  }

  /** Whether the key is written (with a value). */
  boolean has(String key) {
    YamlNode node = map.get(key);
    return node != null && !(node.isScalar() && node.scalar() == null);
  }

  /**
   * A rule across fields of this map. It is checked only when the map's own fields are valid, so a
   * placeholder never produces a second, misleading error.
   *
   * @param key the key the message is about, or null for the map as a whole
   */
  void check(boolean ok, String key, String message) {
    if (!ok && clean()) {
      error(key, message);
    }
  }

  /** Reports a problem with {@code key} (null: the map as a whole). */
  void error(String key, String message) {
    YamlNode node = key == null ? map : map.get(key);
    if (node != null) {
      problems.at(node, message);
    } else {
      problems.add(map.line(), path(key), message);
    }
  }

  /** Reports problems found in another file this map names (e.g. an intents file). */
  void addErrors(List<ConfigError> errors) {
    errors.forEach(problems::add);
  }

  /** No problem was reported inside this map so far. */
  boolean clean() {
    return problems.count() == problemsBefore;
  }

  YamlNode node() {
    return map;
  }

  private String path(String key) {
    return map.path().isEmpty() ? key : map.path() + "." + key;
  }

  private YamlNode placeholderNode(String key) {
    return new YamlNode(path(key), map.line(), null, List.of(), Map.of(), YamlNode.Kind.SCALAR);
  }

  private void reportUnknownKeys() {
    Map<String, YamlNode> unknown = new LinkedHashMap<>(map.fields());
    unknown.keySet().removeAll(known);
    unknown.forEach(
        (key, node) -> {
          String hint = Suggestions.hint(key, known);
          problems.at(
              node,
              "unknown key '"
                  + key
                  + "'"
                  + (hint.isEmpty() ? "; known keys here: " + String.join(", ", known) : hint));
        });
  }
}
