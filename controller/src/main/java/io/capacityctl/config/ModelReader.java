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
      if (node.fields().size() > Limits.MAX_MODELS) {
        problems.at(
            node, node.fields().size() + " models; at most " + Limits.MAX_MODELS + " per config");
        return models;
      }
      node.fields()
          .forEach(
              (key, settings) -> {
                Scalars.name("a model key", AwsNames::modelKey)
                    .read(keyNode(settings, key), problems);
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
                  f.required("modelId", Scalars.name("a Bedrock model id", AwsNames::modelId)),
                  f.required(
                      "tokensPerSecondPerUnit", Scalars.number(Limits.TOKENS_PER_SECOND_PER_UNIT)),
                  f.required("unitHourlyUsd", Scalars.number(Limits.UNIT_HOURLY_USD)),
                  f.required("onDemandUsdPer1kTokens", Scalars.number(Limits.ON_DEMAND_USD_PER_1K)),
                  f.required("onDemandTps", Scalars.number(Limits.TPS)),
                  f.optional("minUnits", Scalars.whole(Limits.UNITS), 0),
                  f.required("maxUnits", Scalars.whole(Limits.UNITS)),
                  f.required("provisioningTime", Scalars.duration(Limits.STARTUP_TIME)));
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
                  f.required("cluster", Scalars.name("an ECS cluster name", AwsNames::ecsName)),
                  f.required("service", Scalars.name("an ECS service name", AwsNames::ecsName)),
                  f.required(
                      "tokensPerSecondPerTask", Scalars.number(Limits.TOKENS_PER_SECOND_PER_TASK)),
                  f.required("minTasks", Scalars.whole(Limits.MIN_TASKS)),
                  f.required("maxTasks", Scalars.whole(Limits.MAX_TASKS)),
                  f.required("taskHourlyUsd", Scalars.number(Limits.TASK_HOURLY_USD)),
                  f.required("startupTime", Scalars.duration(Limits.STARTUP_TIME)));
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
