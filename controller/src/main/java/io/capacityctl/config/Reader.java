package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import java.util.function.Predicate;

/**
 * Reads one YAML node into a value, reporting what is wrong with it. It always returns a value (a
 * placeholder when the node is invalid) so that binding goes on and every error is found in one
 * pass; the loader never returns a config whose binding reported a problem.
 */
@FunctionalInterface
interface Reader<T> {
  T read(YamlNode node, Problems problems);

  /** This reader, plus a rule the value must obey, e.g. {@code where(v -> v > 0, "> 0")}. */
  default Reader<T> where(Predicate<T> rule, String mustBe) {
    return (node, problems) -> {
      int before = problems.count();
      T value = read(node, problems);
      if (problems.count() == before && !rule.test(value)) {
        problems.at(node, "must be " + mustBe + ", got " + node.scalar());
      }
      return value;
    };
  }

  /** Describes a node's shape for "expected X, got Y" messages. */
  static String shapeOf(YamlNode node) {
    return switch (node.kind()) {
      case MAP -> "a map";
      case LIST -> "a list";
      case SCALAR -> node.scalar() == null ? "no value" : "'" + node.scalar() + "'";
    };
  }
}
