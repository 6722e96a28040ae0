package io.capacityctl.config.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so validation errors can name the line. A node
 * is a scalar (text, with {@code null} for YAML null), a list or a map.
 *
 * @param path dotted path from the document root, e.g. {@code models.sonnet.maxUnits}
 */
public record YamlNode(
    String path,
    int line,
    String scalar,
    List<YamlNode> items,
    Map<String, YamlNode> fields,
    Kind kind) {

  /** The node's shape. */
  public enum Kind {
    SCALAR,
    LIST,
    MAP
  }

  public static YamlNode scalar(String path, int line, String text) {
    return new YamlNode(path, line, text, List.of(), Map.of(), Kind.SCALAR);
  }

  public static YamlNode list(String path, int line, List<YamlNode> items) {
    return new YamlNode(path, line, null, List.copyOf(items), Map.of(), Kind.LIST);
  }

  public static YamlNode map(String path, int line, LinkedHashMap<String, YamlNode> fields) {
    return new YamlNode(path, line, null, List.of(), Collections.unmodifiableMap(fields), Kind.MAP);
  }

  public boolean isMap() {
    return kind == Kind.MAP;
  }

  public boolean isList() {
    return kind == Kind.LIST;
  }

  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  /** A field of a map node, or null. */
  public YamlNode get(String key) {
    return fields.get(key);
  }
}
