package io.capacityctl.infra.iamsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One authorisation request as IAM sees it: the action, the resource ARN and the request context
 * (condition keys, each single- or multi-valued). Keys are compared case-insensitively, as IAM
 * does; values are compared as given.
 */
public record Request(String action, String resource, Map<String, List<String>> context) {

  public Request {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    context.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
    context = java.util.Collections.unmodifiableMap(lower);
  }

  public static Request of(String action, String resource) {
    return new Request(action, resource, Map.of());
  }

  /** This request with {@code key} set to {@code values} (replacing any earlier value). */
  public Request with(String key, String... values) {
    Map<String, List<String>> next = new LinkedHashMap<>(context);
    next.put(key.toLowerCase(java.util.Locale.ROOT), List.of(values));
    return new Request(action, resource, next);
  }

  /**
   * The tag context of a request that sets {@code tags}: {@code aws:RequestTag/<key>} for each and
   * {@code aws:TagKeys} listing the keys.
   */
  public Request withRequestTags(Map<String, String> tags) {
    Request r = this;
    for (Map.Entry<String, String> t : tags.entrySet()) {
      r = r.with("aws:RequestTag/" + t.getKey(), t.getValue());
    }
    return r.with("aws:TagKeys", tags.keySet().toArray(String[]::new));
  }

  /** The tags the resource already carries: {@code aws:ResourceTag/<key>} for each. */
  public Request withResourceTags(Map<String, String> tags) {
    Request r = this;
    for (Map.Entry<String, String> t : tags.entrySet()) {
      r = r.with("aws:ResourceTag/" + t.getKey(), t.getValue());
    }
    return r;
  }

  List<String> values(String key) {
    return context.get(key.toLowerCase(java.util.Locale.ROOT));
  }
}
