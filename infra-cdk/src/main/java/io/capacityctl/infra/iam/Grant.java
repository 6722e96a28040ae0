package io.capacityctl.infra.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one AWS action may act: the resource ARNs and, where IAM supports one, a condition.
 *
 * @param conditions IAM condition operator to (key to value), e.g. {@code StringEquals ->
 *     {aws:ResourceTag/managed-by -> capacityctl}}
 */
public record Grant(List<String> resources, Map<String, Map<String, Object>> conditions) {

  /** For actions IAM authorises on no resource type: {@code *} is the only resource they take. */
  public static final Grant ANY_RESOURCE = on(List.of("*"));

  public Grant {
    resources = List.copyOf(resources);
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    // Insertion order, so the synthesised policy is the same on every run.
    conditions.forEach(
        (op, keys) ->
            copy.put(op, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys))));
    conditions = java.util.Collections.unmodifiableMap(copy);
  }

  public static Grant on(List<String> resources) {
    return new Grant(resources, Map.of());
  }

  public static Grant on(String resource) {
    return on(List.of(resource));
  }

  /** This grant, allowed only when {@code key} matches {@code value} under {@code operator}. */
  public Grant when(String operator, String key, Object value) {
    Map<String, Map<String, Object>> next = new LinkedHashMap<>(conditions);
    Map<String, Object> keys = new LinkedHashMap<>(next.getOrDefault(operator, Map.of()));
    keys.put(key, value);
    next.put(operator, keys);
    return new Grant(resources, next);
  }
}
