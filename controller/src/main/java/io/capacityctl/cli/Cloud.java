package io.capacityctl.cli;

import java.util.ArrayList;
import java.util.List;

/** Which cloud a command works on. */
public enum Cloud {
  /** The AWS account of the SDK's default chains (the config's region). */
  AWS,
  /** The sandbox: a simulated account kept on disk, fed the synthetic MangaAssist trace. */
  SIM;

  /** What shell completion offers: the names as typed. */
  static final class Names extends ArrayList<String> {
    Names() {
      super(List.of("aws", "sim"));
    }
  }
}
