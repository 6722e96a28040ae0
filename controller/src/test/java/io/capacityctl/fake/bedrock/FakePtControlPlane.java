package io.capacityctl.fake.bedrock;

import static io.capacityctl.fake.bedrock.BedrockErrorCode.ACCESS_DENIED;
import static io.capacityctl.fake.bedrock.BedrockErrorCode.CONFLICT;
import static io.capacityctl.fake.bedrock.BedrockErrorCode.RESOURCE_NOT_FOUND;
import static io.capacityctl.fake.bedrock.BedrockErrorCode.SERVICE_QUOTA_EXCEEDED;
import static io.capacityctl.fake.bedrock.BedrockErrorCode.VALIDATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The behaviour of the Bedrock PT control plane, without HTTP: Creating becomes InService after
 * {@code provisioningTime} on an injected clock, units are fixed at purchase, committed PTs cannot
 * be deleted before their term, a repeated clientRequestToken returns the first purchase, and a
 * no-commitment model-unit quota refuses what would exceed it. Bodies are the REST-JSON shapes of
 * the bedrock 2023-04-20 service model.
 */
public final class FakePtControlPlane {
  public static final String ACCOUNT = "123456789012";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern NAME = Pattern.compile("([0-9a-zA-Z][_-]?)+");
  private static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9])*");
  private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9-]+\\.[a-zA-Z0-9.:-]+");
  private static final Set<String> COMMITMENTS = Set.of("OneMonth", "SixMonths");
  private static final Set<String> STATUSES = Set.of("Creating", "InService", "Updating", "Failed");

  private final Clock clock;
  private final String region;
  private final Map<String, FakePt> byArn = new LinkedHashMap<>();
  private final Map<String, String> arnByToken = new HashMap<>();
  private Duration provisioningTime = Duration.ofMinutes(15);
  private int noCommitmentUnitQuota = Integer.MAX_VALUE;
  private int maxPageSize = 1000;
  private final List<String> commitmentPurchases = new ArrayList<>();
  private boolean commitmentsDenied;
  private int purchases;
  private int nextId;

  public FakePtControlPlane(Clock clock, String region) {
    this.clock = clock;
    this.region = region;
  }

  /** How long a new PT stays Creating (undocumented by AWS; measured per account). */
  public synchronized void provisioningTime(Duration d) {
    this.provisioningTime = d;
  }

  /** Model units all no-commitment PTs together may hold; a create beyond it is refused. */
  public synchronized void noCommitmentUnitQuota(int units) {
    this.noCommitmentUnitQuota = units;
  }

  /** The most summaries one list page returns, whatever maxResults asks (services may cap it). */
  public synchronized void maxPageSize(int n) {
    this.maxPageSize = n;
  }

  /** PTs bought through CreateProvisionedModelThroughput (a repeated token does not count). */
  public synchronized int purchases() {
    return purchases;
  }

  /**
   * ARNs of the PTs bought with a {@code commitmentDuration}: undeletable until their term ends.
   * The real API accepts such a purchase like any other, so the fake flags it here; a test of
   * capacityctl asserts this stays empty.
   */
  public synchronized List<String> commitmentPurchases() {
    return List.copyOf(commitmentPurchases);
  }

  /**
   * From now on a purchase with a {@code commitmentDuration} is refused with AccessDenied. Nothing
   * on AWS does this: IAM has no condition key for the field, so neither the role's policy, a
   * permissions boundary nor a service control policy can refuse a commitment purchase
   * (docs/deploy.md, "No commitment purchases"; the SCP given there requires a managed-by tag and
   * nothing else). It lets a test show that capacityctl never sends one: with it on, a commitment
   * purchase fails loudly instead of being only flagged ({@link #commitmentPurchases}).
   */
  public synchronized void denyCommitmentPurchases() {
    this.commitmentsDenied = true;
  }

  /** ARNs of every PT that exists now. */
  public synchronized List<String> arns() {
    return List.copyOf(byArn.keySet());
  }

  /** A PT that already exists and is InService (bought earlier, by anyone); not a purchase. */
  public synchronized String seed(
      String name, String modelId, int units, String commitment, Map<String, String> tags) {
    FakePt pt = newPt(name, modelId, units, commitment, clock.instant().minus(provisioningTime));
    pt.tags.putAll(tags);
    return pt.arn;
  }

  /** Makes a PT's provisioning fail, as Bedrock reports it (status Failed, failureMessage). */
  public synchronized void failProvisioning(String arn, String message) {
    pt(arn).failureMessage = message;
  }

  synchronized ObjectNode create(JsonNode body) {
    String modelId = required(body, "modelId");
    String name = required(body, "provisionedModelName");
    JsonNode unitsNode = body.path("modelUnits");
    if (!unitsNode.canConvertToInt() || unitsNode.asInt() < 1) {
      throw fault(VALIDATION, "modelUnits must be an integer >= 1");
    }
    int units = unitsNode.asInt();
    String commitment = optional(body, "commitmentDuration");
    String token = optional(body, "clientRequestToken");
    if (commitment != null && !COMMITMENTS.contains(commitment)) {
      throw fault(VALIDATION, "commitmentDuration must be one of " + COMMITMENTS);
    }
    if (token != null && (token.length() > 256 || !TOKEN.matcher(token).matches())) {
      throw fault(VALIDATION, "clientRequestToken does not match " + TOKEN);
    }
    if (commitment != null && commitmentsDenied) {
      throw fault(
          ACCESS_DENIED,
          "User is not authorized to perform: bedrock:CreateProvisionedModelThroughput with an"
              + " explicit deny (the test fake's commitment guard: no AWS policy can express it)");
    }
    if (token != null && arnByToken.containsKey(token)) {
      // Bedrock: "If this token matches a previous request, Amazon Bedrock ignores the request,
      // but does not return an error."
      return JSON.objectNode().put("provisionedModelArn", arnByToken.get(token));
    }
    checkName(name);
    if (!MODEL_ID.matcher(modelId).matches() && !modelId.startsWith("arn:")) {
      throw fault(VALIDATION, "modelId '" + modelId + "' is not a model identifier");
    }
    Map<String, String> tags = tags(body.path("tags"));
    int held =
        byArn.values().stream()
            .filter(p -> p.commitmentDuration == null)
            .mapToInt(p -> p.units)
            .sum();
    if (commitment == null && held + units > noCommitmentUnitQuota) {
      throw fault(
          SERVICE_QUOTA_EXCEEDED,
          "model units quota exceeded: holding "
              + held
              + ", asked "
              + units
              + ", quota "
              + noCommitmentUnitQuota);
    }
    FakePt pt = newPt(name, modelId, units, commitment, clock.instant());
    pt.tags.putAll(tags);
    purchases++;
    if (commitment != null) {
      commitmentPurchases.add(pt.arn);
    }
    if (token != null) {
      arnByToken.put(token, pt.arn);
    }
    return JSON.objectNode().put("provisionedModelArn", pt.arn);
  }

  synchronized ObjectNode get(String id) {
    FakePt pt = find(id);
    ObjectNode out = summary(pt);
    if (pt.failureMessage != null) {
      out.put("failureMessage", pt.failureMessage);
    }
    return out;
  }

  synchronized ObjectNode list(Map<String, String> q) {
    int maxResults = q.containsKey("maxResults") ? parseInt(q.get("maxResults")) : 1000;
    if (maxResults < 1 || maxResults > 1000) {
      throw fault(VALIDATION, "maxResults must be between 1 and 1000");
    }
    String status = q.get("statusEquals");
    if (status != null && !STATUSES.contains(status)) {
      throw fault(VALIDATION, "statusEquals must be one of " + STATUSES);
    }
    Instant after = instant(q.get("creationTimeAfter"));
    Instant before = instant(q.get("creationTimeBefore"));
    Instant now = clock.instant();
    Comparator<FakePt> order = Comparator.comparing((FakePt p) -> p.createdAt);
    if (!"Ascending".equals(q.get("sortOrder"))) {
      order = order.reversed();
    }
    List<FakePt> matching =
        byArn.values().stream()
            .filter(p -> q.get("nameContains") == null || p.name.contains(q.get("nameContains")))
            .filter(p -> status == null || status.equals(p.status(now, provisioningTime)))
            .filter(
                p ->
                    q.get("modelArnEquals") == null
                        || q.get("modelArnEquals").equals(p.foundationModelArn))
            .filter(p -> after == null || p.createdAt.isAfter(after))
            .filter(p -> before == null || p.createdAt.isBefore(before))
            .sorted(order)
            .toList();
    int from = offset(q.get("nextToken"));
    int to = Math.min(matching.size(), from + Math.min(maxResults, maxPageSize));
    ArrayNode page = JSON.arrayNode();
    matching.subList(Math.min(from, to), to).forEach(p -> page.add(summary(p)));
    ObjectNode out = JSON.objectNode();
    out.set("provisionedModelSummaries", page);
    if (to < matching.size()) {
      out.put("nextToken", token(to));
    }
    return out;
  }

  synchronized ObjectNode update(String id, JsonNode body) {
    FakePt pt = find(id);
    if (body.hasNonNull("desiredModelId")) {
      throw fault(VALIDATION, "desiredModelId applies to custom models only");
    }
    String newName = optional(body, "desiredProvisionedModelName");
    if (newName != null && !newName.equals(pt.name)) {
      checkName(newName);
      pt.name = newName;
      pt.lastModified = clock.instant();
    }
    return JSON.objectNode();
  }

  synchronized ObjectNode delete(String id) {
    FakePt pt = find(id);
    Instant expiry = pt.commitmentExpiration();
    if (expiry != null && clock.instant().isBefore(expiry)) {
      throw fault(
          CONFLICT,
          "Provisioned Throughput "
              + pt.arn
              + " has a "
              + pt.commitmentDuration
              + " commitment until "
              + expiry
              + " and cannot be deleted");
    }
    byArn.remove(pt.arn);
    return JSON.objectNode();
  }

  synchronized ObjectNode listTags(JsonNode body) {
    FakePt pt = byResourceArn(required(body, "resourceARN"));
    ArrayNode tags = JSON.arrayNode();
    pt.tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
    ObjectNode out = JSON.objectNode();
    out.set("tags", tags);
    return out;
  }

  synchronized ObjectNode tagResource(JsonNode body) {
    FakePt pt = byResourceArn(required(body, "resourceARN"));
    if (!body.path("tags").isArray()) {
      throw fault(VALIDATION, "tags is required");
    }
    pt.tags.putAll(tags(body.path("tags")));
    return JSON.objectNode();
  }

  private FakePt newPt(
      String name, String modelId, int units, String commitment, Instant createdAt) {
    String id = String.format("%012d", ++nextId);
    String arn = "arn:aws:bedrock:" + region + ":" + ACCOUNT + ":provisioned-model/" + id;
    String modelArn =
        modelId.startsWith("arn:")
            ? modelId
            : "arn:aws:bedrock:" + region + "::foundation-model/" + modelId;
    FakePt pt = new FakePt(arn, name, modelArn, units, commitment, createdAt);
    byArn.put(arn, pt);
    return pt;
  }

  private ObjectNode summary(FakePt p) {
    ObjectNode s =
        JSON.objectNode()
            .put("provisionedModelName", p.name)
            .put("provisionedModelArn", p.arn)
            .put("modelArn", p.foundationModelArn)
            .put("desiredModelArn", p.foundationModelArn)
            .put("foundationModelArn", p.foundationModelArn)
            .put("modelUnits", p.units)
            .put("desiredModelUnits", p.units)
            .put("status", p.status(clock.instant(), provisioningTime))
            .put("creationTime", p.createdAt.toString())
            .put("lastModifiedTime", p.lastModified.toString());
    if (p.commitmentDuration != null) {
      s.put("commitmentDuration", p.commitmentDuration);
      s.put("commitmentExpirationTime", p.commitmentExpiration().toString());
    }
    return s;
  }

  private void checkName(String name) {
    if (name.length() > 63 || !NAME.matcher(name).matches()) {
      throw fault(VALIDATION, "provisionedModelName '" + name + "' does not match " + NAME);
    }
    if (byArn.values().stream().anyMatch(p -> p.name.equals(name))) {
      throw fault(VALIDATION, "a Provisioned Throughput named '" + name + "' already exists");
    }
  }

  /** The path id is the PT's ARN or its name. */
  private FakePt find(String id) {
    FakePt pt = byArn.get(id);
    if (pt != null) {
      return pt;
    }
    return byArn.values().stream()
        .filter(p -> p.name.equals(id))
        .findFirst()
        .orElseThrow(
            () -> fault(RESOURCE_NOT_FOUND, "Provisioned Throughput " + id + " not found"));
  }

  private FakePt byResourceArn(String arn) {
    FakePt pt = byArn.get(arn);
    if (pt == null) {
      throw fault(RESOURCE_NOT_FOUND, "resource " + arn + " not found");
    }
    return pt;
  }

  private FakePt pt(String arn) {
    FakePt pt = byArn.get(arn);
    if (pt == null) {
      throw new IllegalArgumentException("no PT " + arn);
    }
    return pt;
  }

  private static Map<String, String> tags(JsonNode list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray() || list.size() > 200) {
      throw fault(VALIDATION, "tags must be a list of at most 200 {key, value}");
    }
    for (JsonNode t : list) {
      out.put(required(t, "key"), required(t, "value"));
    }
    return out;
  }

  private static String required(JsonNode body, String field) {
    String v = optional(body, field);
    if (v == null || v.isEmpty()) {
      throw fault(VALIDATION, field + " is required");
    }
    return v;
  }

  private static String optional(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw fault(VALIDATION, "'" + s + "' is not an integer");
    }
  }

  private static Instant instant(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw fault(VALIDATION, "'" + s + "' is not an ISO-8601 timestamp");
    }
  }

  private static String token(int offset) {
    return Base64.getUrlEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    if (token == null) {
      return 0;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return Integer.parseInt(s.substring("offset:".length()));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw fault(VALIDATION, "invalid nextToken");
    }
  }

  private static BedrockFault fault(BedrockErrorCode code, String message) {
    return new BedrockFault(code, message);
  }
}
