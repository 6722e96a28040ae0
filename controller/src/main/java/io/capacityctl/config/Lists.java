package io.capacityctl.config;

import java.util.ArrayList;
import java.util.List;

/** Readers for YAML lists. */
final class Lists {
  private Lists() {}

  /** A list whose items are read by {@code item}; {@code []} is accepted. */
  static <T> Reader<List<T>> of(Reader<T> item) {
    return (node, problems) -> {
      if (!node.isList()) {
        problems.at(node, "expected a list, got " + Reader.shapeOf(node));
        return List.of();
      }
      List<T> values = new ArrayList<>();
      node.items().forEach(i -> values.add(item.read(i, problems)));
      return values;
    };
  }

  /** A list that must name something: an empty one would silently mean "nothing". */
  static <T> Reader<List<T>> nonEmpty(Reader<T> item) {
    Reader<List<T>> list = of(item);
    return (node, problems) -> {
      List<T> values = list.read(node, problems);
      if (node.isList() && values.isEmpty()) {
        problems.at(node, "must not be empty; omit the key instead");
      }
      return values;
    };
  }
}
