package io.capacityctl.tokens.intents;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The MangaAssist intents file shipped in the schedules module (embedded under schedules/). */
public final class ShippedIntents {
  private ShippedIntents() {}

  public static Path path() {
    try {
      return Path.of(
          ShippedIntents.class.getResource("/schedules/intents/mangaassist.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
