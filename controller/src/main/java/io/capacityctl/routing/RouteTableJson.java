package io.capacityctl.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published JSON shape of a {@link RouteTable}, shared by the controller and the readers
 * applications embed. The shape is a contract with callers; change it only by adding fields:
 *
 * <pre>{@code
 * {
 *   "config": "mangaassist",
 *   "publishedAt": "2025-03-03T06:00:00Z",
 *   "models": {
 *     "sonnet": {
 *       "onDemandModelId": "anthropic.claude-3-5-sonnet-20240620-v1:0",
 *       "routes": [
 *         {"arn": "arn:aws:bedrock:...:provisioned-model/abc", "units": 2},
 *         {"arn": "arn:aws:bedrock:...:provisioned-model/def", "units": 1,
 *          "drainingSince": "2025-03-03T05:55:00Z"}
 *       ]
 *     }
 *   }
 * }
 * }</pre>
 *
 * Timestamps are ISO-8601 UTC; {@code drainingSince} is absent while a route serves; models are
 * written in key order so an unchanged table is written byte-identical. Unknown fields are ignored
 * on read, so older readers accept newer tables.
 */
public final class RouteTableJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RouteTableJson() {}

  public static String write(RouteTable table) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("config", table.config());
    root.put("publishedAt", table.publishedAt().toString());
    ObjectNode models = root.putObject("models");
    new TreeMap<>(table.models())
        .forEach(
            (key, model) -> {
              ObjectNode m = models.putObject(key);
              m.put("onDemandModelId", model.onDemandModelId());
              ArrayNode routes = m.putArray("routes");
              for (Route r : model.routes()) {
                ObjectNode route = routes.addObject().put("arn", r.arn()).put("units", r.units());
                if (r.drainingSince() != null) {
                  route.put("drainingSince", r.drainingSince().toString());
                }
              }
            });
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a tree of strings and numbers", e);
    }
  }

  /**
   * Parses a published table.
   *
   * @throws IllegalArgumentException naming the field path when the JSON is not a routing table
   */
  public static RouteTable read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("routing table: not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw invalid("(root)", "expected an object");
    }
    JsonNode modelsNode = root.get("models");
    if (modelsNode == null || !modelsNode.isObject()) {
      throw invalid("models", "expected an object");
    }
    Map<String, ModelRoutes> models = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : modelsNode.properties()) {
      models.put(e.getKey(), model("models." + e.getKey(), e.getValue()));
    }
    return new RouteTable(
        text(root, "config", "config"), time(root, "publishedAt", "publishedAt"), models);
  }

  private static ModelRoutes model(String path, JsonNode node) {
    if (!node.isObject()) {
      throw invalid(path, "expected an object");
    }
    JsonNode routesNode = node.get("routes");
    if (routesNode == null || !routesNode.isArray()) {
      throw invalid(path + ".routes", "expected an array");
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < routesNode.size(); i++) {
      String at = path + ".routes[" + i + "]";
      JsonNode r = routesNode.get(i);
      JsonNode units = r.get("units");
      if (units == null
          || !units.canConvertToInt()
          || !units.isIntegralNumber()
          || units.asInt() < 1) {
        throw invalid(at + ".units", "expected an integer >= 1");
      }
      Instant draining = r.hasNonNull("drainingSince") ? time(r, "drainingSince", at) : null;
      routes.add(new Route(text(r, "arn", at + ".arn"), units.asInt(), draining));
    }
    return new ModelRoutes(text(node, "onDemandModelId", path + ".onDemandModelId"), routes);
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw invalid(path, "expected a non-empty string");
    }
    return v.asText();
  }

  private static Instant time(JsonNode node, String field, String path) {
    String at = path.equals(field) ? path : path + "." + field;
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw invalid(at, "expected an ISO-8601 timestamp");
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw invalid(at, "expected an ISO-8601 timestamp, got '" + v.asText() + "'");
    }
  }

  private static IllegalArgumentException invalid(String path, String what) {
    return new IllegalArgumentException("routing table: " + path + ": " + what);
  }
}
