package io.capacityctl.testing;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.runtime.ConfigReloader;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;

/** Config reloaders for tests whose configuration never changes. */
public final class Reloaders {
  private Reloaders() {}

  /** A reloader that reads {@code config} again every time: nobody changes it. */
  public static ConfigReloader unchanging(
      CapacityConfig config, Clock clock, TelemetrySink telemetry) {
    return new ConfigReloader(
        config, null, location -> config, ConfigReloader.DEFAULT_EVERY, clock, telemetry);
  }
}
