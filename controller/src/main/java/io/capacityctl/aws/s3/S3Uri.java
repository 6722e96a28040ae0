package io.capacityctl.aws.s3;

import java.util.Optional;

/**
 * An S3 object's location as written in {@code CAPACITYCTL_CONFIG} or a deploy option: {@code
 * s3://bucket/key}.
 */
public record S3Uri(String bucket, String key) {
  public static final String SCHEME = "s3://";

  /**
   * Parses {@code s3://bucket/key}; empty when {@code text} does not start with {@code s3://}.
   *
   * @throws IllegalArgumentException when it does but names no bucket or no key
   */
  public static Optional<S3Uri> parse(String text) {
    if (text == null || !text.startsWith(SCHEME)) {
      return Optional.empty();
    }
    String rest = text.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an S3 object: expected s3://bucket/key");
    }
    return Optional.of(new S3Uri(rest.substring(0, slash), rest.substring(slash + 1)));
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }
}
