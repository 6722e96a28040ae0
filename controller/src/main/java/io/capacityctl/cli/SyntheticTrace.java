package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.sim.Trace;

/** Whether the synthetic MangaAssist trace fits a config. */
final class SyntheticTrace {
  private SyntheticTrace() {}

  /** Why {@code trace} cannot drive {@code config}, or null when it can. */
  static String mismatch(CapacityConfig config, Trace trace) {
    if (config.models().keySet().containsAll(trace.models())) {
      return null;
    }
    return "the synthetic trace has models "
        + trace.models()
        + " but "
        + config.source()
        + " has "
        + config.modelKeys();
  }
}
