package io.capacityctl.orphans;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.ports.ProvisionedThroughput;

/**
 * What a PT bills per hour, from this configuration's prices: the unit price of a configured model
 * it serves, else the highest unit price configured (an estimate for a model this configuration
 * does not price; Bedrock's prices per unit differ by model, not by who bought the PT).
 */
final class UnitPrices {
  private UnitPrices() {}

  static double hourlyUsd(CapacityConfig config, ProvisionedThroughput pt) {
    double highest = 0;
    for (ModelConfig m : config.models().values()) {
      if (pt.serves(m.modelId())) {
        return pt.modelUnits() * m.unitHourlyUsd();
      }
      highest = Math.max(highest, m.unitHourlyUsd());
    }
    return pt.modelUnits() * highest;
  }
}
