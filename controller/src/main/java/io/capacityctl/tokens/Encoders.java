package io.capacityctl.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;

/**
 * One jtokkit encoder per encoding for the whole JVM. Loading an encoding parses a vocabulary of
 * 100k-200k byte pairs (tens of milliseconds), so it is done once, lazily, and the stateless,
 * thread-safe encoder is shared by every {@link TokenCounter}.
 */
final class Encoders {
  // The lazy registry loads only the encodings asked for; the default one loads all of them.
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private Encoders() {}

  static Encoding get(TokenEncoding encoding) {
    return REGISTRY.getEncoding(encoding.type());
  }
}
