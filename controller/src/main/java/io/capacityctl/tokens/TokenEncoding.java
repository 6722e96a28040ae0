package io.capacityctl.tokens;

import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The tiktoken encodings capacityctl counts with, by the names used in intents files. */
public enum TokenEncoding {
  CL100K_BASE(EncodingType.CL100K_BASE),
  O200K_BASE(EncodingType.O200K_BASE);

  private final EncodingType type;

  TokenEncoding(EncodingType type) {
    this.type = type;
  }

  /** The name written in files, e.g. {@code cl100k_base}. */
  public String fileName() {
    return type.getName();
  }

  EncodingType type() {
    return type;
  }

  /** The encoding written as {@code name}, or empty when capacityctl does not support it. */
  public static Optional<TokenEncoding> fromFileName(String name) {
    return Arrays.stream(values()).filter(e -> e.fileName().equals(name)).findFirst();
  }

  /** The accepted names, for error messages. */
  public static String fileNames() {
    return Arrays.stream(values()).map(TokenEncoding::fileName).collect(Collectors.joining(", "));
  }
}
