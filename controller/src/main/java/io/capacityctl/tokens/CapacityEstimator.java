package io.capacityctl.tokens;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ModelConfig;
import io.capacityctl.tokens.intents.Intent;
import io.capacityctl.tokens.intents.IntentsFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns intents into capacity: tokens per request, tokens/s at peak, model units and their monthly
 * cost under a capacity config's per-unit throughput, price and target utilisation.
 */
public final class CapacityEstimator {
  /** Hours in an average month (8,760 / 12), as AWS prices monthly. */
  public static final double HOURS_PER_MONTH = 730;

  private final PromptMeasurer measurer;

  public CapacityEstimator(PromptMeasurer measurer) {
    this.measurer = measurer;
  }

  /** The estimate; an intent naming a model the config does not have is an error at its line. */
  public EstimateReport estimate(IntentsFile file, CapacityConfig config) throws ConfigException {
    List<ConfigError> errors = new ArrayList<>();
    for (Intent intent : file.intents().values()) {
      if (!config.models().containsKey(intent.model())) {
        errors.add(
            new ConfigError(
                file.source(),
                intent.line(),
                "intents." + intent.name() + ".model",
                "model '"
                    + intent.model()
                    + "' is not in config "
                    + config.name()
                    + " ("
                    + config.source()
                    + "); its models are "
                    + config.modelKeys()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    List<IntentEstimate> intents = new ArrayList<>();
    Map<String, Double> peakByModel = new LinkedHashMap<>();
    for (Intent intent : file.intents().values()) {
      IntentEstimate e = IntentEstimate.of(intent, measurer.measure(intent));
      intents.add(e);
      peakByModel.merge(e.model(), e.peakTokensPerSecond(), Double::sum);
    }
    double targetUtilization = config.policy().targetUtilization();
    List<ModelEstimate> models = new ArrayList<>();
    peakByModel.forEach(
        (model, tps) -> models.add(modelEstimate(config.model(model), tps, targetUtilization)));
    double total = models.stream().mapToDouble(ModelEstimate::monthlyUsd).sum();
    return new EstimateReport(
        file.source(),
        config.name(),
        intents,
        models,
        ExpectedTpsWindow.fromTraffic(peakByModel, file.traffic()),
        total);
  }

  static ModelEstimate modelEstimate(ModelConfig m, double peakTps, double targetUtilization) {
    double perUnit = m.tokensPerSecondPerUnit() * targetUtilization;
    // The epsilon keeps an exact fit (8000 / 800) from rounding up through floating-point noise.
    int units = (int) Math.ceil(peakTps / perUnit - 1e-9);
    return new ModelEstimate(
        m.key(),
        peakTps,
        m.tokensPerSecondPerUnit(),
        targetUtilization,
        units,
        m.maxUnits(),
        units > m.maxUnits(),
        m.unitHourlyUsd(),
        units * m.unitHourlyUsd() * HOURS_PER_MONTH);
  }
}
