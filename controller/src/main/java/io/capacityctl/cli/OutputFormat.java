package io.capacityctl.cli;

import java.util.ArrayList;
import java.util.List;

/** How a command prints its result. */
enum OutputFormat {
  TABLE,
  JSON;

  /** What shell completion offers: the names as typed. */
  static final class Names extends ArrayList<String> {
    Names() {
      super(List.of("table", "json"));
    }
  }
}
