package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** The errors found so far in one config file; the loader reports them all at once. */
final class Problems {
  private final String source;
  private final List<ConfigError> errors = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  /**
   * A sink whose errors nobody reads: readers use it to produce a placeholder for a value that is
   * missing, whose absence is already reported.
   */
  static Problems discarded() {
    return new Problems("(discarded)");
  }

  void at(YamlNode node, String message) {
    add(node.line(), node.path(), message);
  }

  void add(int line, String field, String message) {
    errors.add(new ConfigError(source, line, field.isEmpty() ? "(document)" : field, message));
  }

  /** An error located in another file, kept with its own source. */
  void add(ConfigError error) {
    errors.add(error);
  }

  int count() {
    return errors.size();
  }

  void throwIfAny() throws ConfigException {
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
  }
}
