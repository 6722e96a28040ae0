package io.capacityctl.config;

/**
 * One problem in a configuration file, located so a person can fix it without guessing.
 *
 * @param source file path or resource name
 * @param line 1-based line, or 0 when the problem has no single line (e.g. an uncovered minute)
 * @param field dotted path of the key, e.g. {@code models.sonnet.maxUnits}
 */
public record ConfigError(String source, int line, String field, String message) {
  @Override
  public String toString() {
    return source + (line > 0 ? ":" + line : "") + ": " + field + ": " + message;
  }
}
