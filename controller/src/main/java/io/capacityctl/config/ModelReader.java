package io.capacityctl.config;

import io.capacityctl.config.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code models} map and the {@code ecs} section: what capacityctl scales. */
final class ModelReader {
  private ModelReader() {}

  /** Model key to settings, in file order; at least one model. */
  static Reader<Map<String, ModelConfig>> models() {
    return (node, problems) -> {
      Map<String, ModelConfig> models = new LinkedHashMap<>();
      if (!node.isMap()) {
        problems.at(node, "expected a map of model key to settings, got " + Reader.shapeOf(node));
        return models;
      }
      if (node.fields().isEmpty()) {
        problems.at(node, "must name at least one model");
      }
      node.fields()
          .forEach(
              (key, settings) -> {
                Scalars.identifier().read(keyNode(settings, key), problems);
                models.put(key, model(key).read(settings, problems));
              });
      return models;
    };
  }

  private static Reader<ModelConfig> model(String key) {
    return Fields.map(
        f -> {
          ModelConfig m =
              new ModelConfig(
                  key,
                  f.required("modelId", Scalars.text()),
                  f.required("tokensPerSecondPerUnit", Scalars.positive()),
                  f.required("unitHourlyUsd", Scalars.nonNegative()),
                  f.required("onDemandUsdPer1kTokens", Scalars.nonNegative()),
                  f.required("onDemandTps", Scalars.nonNegative()),
                  f.optional("minUnits", Scalars.count(0), 0),
                  f.required("maxUnits", Scalars.count(0)),
                  f.required("provisioningTime", Scalars.positiveDuration()));
          f.check(
              m.minUnits() <= m.maxUnits(),
              "minUnits",
              "minUnits " + m.minUnits() + " is above maxUnits " + m.maxUnits());
          return m;
        });
  }

  static Reader<EcsConfig> ecs() {
    return Fields.map(
        f -> {
          EcsConfig e =
              new EcsConfig(
                  f.required("cluster", Scalars.text()),
                  f.required("service", Scalars.text()),
                  f.required("tokensPerSecondPerTask", Scalars.positive()),
                  f.required("minTasks", Scalars.count(0)),
                  f.required("maxTasks", Scalars.count(1)),
                  f.required("taskHourlyUsd", Scalars.nonNegative()),
                  f.required("startupTime", Scalars.positiveDuration()));
          f.check(
              e.minTasks() <= e.maxTasks(),
              "minTasks",
              "minTasks " + e.minTasks() + " is above maxTasks " + e.maxTasks());
          return e;
        });
  }

  /** The key of a map entry as a node of its own, for validating the key text. */
  private static YamlNode keyNode(YamlNode value, String key) {
    return new YamlNode(value.path(), value.line(), key, List.of(), Map.of(), YamlNode.Kind.SCALAR);
  }
}
