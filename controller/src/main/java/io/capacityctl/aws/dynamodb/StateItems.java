package io.capacityctl.aws.dynamodb;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.CircuitState;
import io.capacityctl.state.Creation;
import io.capacityctl.state.PurchaseIntent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps overrides, events, audit entries and purchases to and from state-table attributes (keys
 * excluded). Instants, offsets and durations are ISO-8601 strings, so items read well in the
 * console.
 */
final class StateItems {
  private StateItems() {}

  static Map<String, AttributeValue> override(CapacityOverride o) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("target", s(o.target()));
    item.put("amount", n(o.amount()));
    item.put("pause", AttributeValue.fromBool(o.pause()));
    item.put("createdAt", s(o.createdAt().toString()));
    item.put("until", s(o.expiresAt().toString()));
    item.put(StateTable.TTL, ttl(o.expiresAt()));
    putIfPresent(item, "reason", o.reason());
    putIfPresent(item, "who", o.who());
    return item;
  }

  static CapacityOverride override(Map<String, AttributeValue> item) {
    return new CapacityOverride(
        item.get("target").s(),
        Integer.parseInt(item.get("amount").n()),
        item.get("pause").bool(),
        Instant.parse(item.get("createdAt").s()),
        Instant.parse(item.get("until").s()),
        string(item, "reason"),
        string(item, "who"));
  }

  static Map<String, AttributeValue> event(EventSpec e) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("name", s(e.name()));
    putIfPresent(item, "cron", e.cron());
    putIfPresent(item, "start", e.start() == null ? null : e.start().toString());
    putIfPresent(item, "duration", e.duration() == null ? null : e.duration().toString());
    item.put("multiplier", AttributeValue.fromN(Double.toString(e.multiplier())));
    putIfPresent(item, "leadTime", e.leadTime() == null ? null : e.leadTime().toString());
    item.put(
        "models", AttributeValue.fromL(e.models().stream().sorted().map(StateItems::s).toList()));
    return item;
  }

  static EventSpec event(Map<String, AttributeValue> item) {
    String start = string(item, "start");
    String duration = string(item, "duration");
    String leadTime = string(item, "leadTime");
    Set<String> models = new LinkedHashSet<>();
    item.get("models").l().forEach(m -> models.add(m.s()));
    return new EventSpec(
        item.get("name").s(),
        string(item, "cron"),
        start == null ? null : OffsetDateTime.parse(start),
        duration == null ? null : Duration.parse(duration),
        Double.parseDouble(item.get("multiplier").n()),
        leadTime == null ? null : Duration.parse(leadTime),
        models);
  }

  static Map<String, AttributeValue> audit(AuditEntry a) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("at", s(a.at().toString()));
    putIfPresent(item, "actor", a.actor());
    putIfPresent(item, "kind", a.kind());
    putIfPresent(item, "target", a.target());
    putIfPresent(item, "detail", a.detail());
    item.put("fencingToken", n(a.fencingToken()));
    return item;
  }

  static AuditEntry audit(Map<String, AttributeValue> item) {
    return new AuditEntry(
        Instant.parse(item.get("at").s()),
        string(item, "actor"),
        string(item, "kind"),
        string(item, "target"),
        string(item, "detail"),
        Long.parseLong(item.get("fencingToken").n()));
  }

  static Map<String, AttributeValue> purchase(PurchaseIntent p) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("model", s(p.model()));
    item.put("name", s(p.name()));
    item.put("units", n(p.units()));
    item.put("clientRequestToken", s(p.clientRequestToken()));
    item.put("recordedAt", s(p.recordedAt().toString()));
    item.put("until", s(p.until().toString()));
    item.put(StateTable.TTL, ttl(p.until()));
    return item;
  }

  static PurchaseIntent purchase(Map<String, AttributeValue> item) {
    return new PurchaseIntent(
        item.get("model").s(),
        item.get("name").s(),
        Integer.parseInt(item.get("units").n()),
        item.get("clientRequestToken").s(),
        Instant.parse(item.get("recordedAt").s()),
        Instant.parse(item.get("until").s()));
  }

  static Map<String, AttributeValue> creation(Creation c) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("model", s(c.model()));
    item.put("arn", s(c.arn()));
    item.put("units", n(c.units()));
    item.put("createdAt", s(c.createdAt().toString()));
    putIfPresent(item, "inServiceBy", c.inServiceBy() == null ? null : c.inServiceBy().toString());
    return item;
  }

  static Creation creation(Map<String, AttributeValue> item) {
    String inService = string(item, "inServiceBy");
    return new Creation(
        item.get("model").s(),
        item.get("arn").s(),
        Integer.parseInt(item.get("units").n()),
        Instant.parse(item.get("createdAt").s()),
        inService == null ? null : Instant.parse(inService));
  }

  static Map<String, AttributeValue> circuit(CircuitState c) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("failedPasses", n(c.failedPasses()));
    putIfPresent(item, "openedAt", c.openedAt() == null ? null : c.openedAt().toString());
    return item;
  }

  static CircuitState circuit(Map<String, AttributeValue> item) {
    String opened = string(item, "openedAt");
    return new CircuitState(
        Integer.parseInt(item.get("failedPasses").n()),
        opened == null ? null : Instant.parse(opened));
  }

  /**
   * A known-ARNs item's ARNs with the instant each stays known until. ARNs are the attribute names
   * (they all start with {@code arn:}); the keys and the TTL are not.
   */
  static Map<String, Instant> arnsUntil(Map<String, AttributeValue> item) {
    Map<String, Instant> out = new LinkedHashMap<>();
    item.forEach(
        (name, value) -> {
          if (name.startsWith("arn:")) {
            out.put(name, Instant.ofEpochMilli(Long.parseLong(value.n())));
          }
        });
    return out;
  }

  static AttributeValue epochMillis(Instant t) {
    return n(t.toEpochMilli());
  }

  /** TTL is in whole seconds; rounded up so DynamoDB never deletes an item still needed. */
  static AttributeValue ttl(Instant until) {
    return n(until.getEpochSecond() + (until.getNano() > 0 ? 1 : 0));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /** DynamoDB has no null strings: an absent attribute stands for null. */
  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  private static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }
}
