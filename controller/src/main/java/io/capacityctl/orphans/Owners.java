package io.capacityctl.orphans;

import io.capacityctl.config.CapacityConfig;
import java.util.ArrayList;
import java.util.List;

/** The configuration names whose PTs are a configuration's own: its name and those it adopts. */
public final class Owners {
  private Owners() {}

  public static List<String> of(CapacityConfig config) {
    List<String> owners = new ArrayList<>(1 + config.aws().adoptFrom().size());
    owners.add(config.name());
    owners.addAll(config.aws().adoptFrom());
    return owners;
  }
}
