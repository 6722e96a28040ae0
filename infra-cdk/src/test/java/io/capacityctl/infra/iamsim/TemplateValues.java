package io.capacityctl.infra.iamsim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the intrinsic functions a synthesised template writes into policy statements ({@code
 * Ref} of the pseudo parameters and of resources, {@code Fn::GetAtt ... Arn}, {@code Fn::Join}) to
 * the strings IAM would see once deployed in {@link #ACCOUNT}, so {@link PolicyEvaluator} can match
 * them. A resource's {@code Arn} is built from its type and properties (a table from its
 * TableName); a function it does not know throws.
 */
public final class TemplateValues {
  public static final String ACCOUNT = "111122223333";
  public static final String PARTITION = "aws";

  private final Map<String, Map<String, Object>> resources;
  private final String region;

  /**
   * @param resources the template's Resources section
   * @param region the stack's region (the tests' stacks all name one)
   */
  public TemplateValues(Map<String, Map<String, Object>> resources, String region) {
    this.resources = resources;
    this.region = region;
  }

  /** Every statement with its values resolved. */
  public List<Map<String, Object>> resolveAll(List<Map<String, Object>> statements) {
    List<Map<String, Object>> out = new ArrayList<>();
    statements.forEach(s -> out.add(resolveMap(s)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> resolveMap(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) ->
            out.put(
                k,
                v instanceof Map<?, ?> m && !intrinsic(m)
                    ? resolveMap((Map<String, Object>) m)
                    : resolve(v)));
    return out;
  }

  private static boolean intrinsic(Map<?, ?> m) {
    return m.size() == 1
        && m.keySet().iterator().next() instanceof String k
        && (k.equals("Ref") || k.startsWith("Fn::"));
  }

  @SuppressWarnings("unchecked")
  Object resolve(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(this::resolve).toList();
    }
    if (!(value instanceof Map<?, ?> map)) {
      return value;
    }
    if (!intrinsic(map)) {
      return resolveMap((Map<String, Object>) map);
    }
    Map.Entry<?, ?> f = map.entrySet().iterator().next();
    return switch ((String) f.getKey()) {
      case "Ref" -> ref((String) f.getValue());
      case "Fn::GetAtt" -> getAtt((List<Object>) f.getValue());
      case "Fn::Join" -> join((List<Object>) f.getValue());
      default -> throw new UnsupportedOperationException("intrinsic " + f.getKey());
    };
  }

  private String join(List<Object> args) {
    StringBuilder out = new StringBuilder();
    List<?> parts = (List<?>) args.get(1);
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.append((String) args.get(0));
      }
      out.append((String) resolve(parts.get(i)));
    }
    return out.toString();
  }

  private String ref(String name) {
    return switch (name) {
      case "AWS::Partition" -> PARTITION;
      case "AWS::AccountId" -> ACCOUNT;
      case "AWS::Region" -> region;
      case "AWS::URLSuffix" -> "amazonaws.com";
      default -> name; // a resource's Ref: its logical id stands for its name
    };
  }

  @SuppressWarnings("unchecked")
  private String getAtt(List<Object> args) {
    String id = (String) args.get(0);
    if (!"Arn".equals(args.get(1))) {
      throw new UnsupportedOperationException("Fn::GetAtt " + args);
    }
    Map<String, Object> r = resources.get(id);
    if (r == null) {
      throw new IllegalArgumentException("no resource " + id);
    }
    Map<String, Object> props = (Map<String, Object>) r.getOrDefault("Properties", Map.of());
    String prefix = "arn:" + PARTITION + ":";
    return switch ((String) r.get("Type")) {
      case "AWS::DynamoDB::Table" ->
          prefix + "dynamodb:" + region + ":" + ACCOUNT + ":table/" + props.get("TableName");
      case "AWS::Logs::LogGroup" ->
          prefix + "logs:" + region + ":" + ACCOUNT + ":log-group:" + id + ":*";
      case "AWS::SQS::Queue" -> prefix + "sqs:" + region + ":" + ACCOUNT + ":" + id;
      case "AWS::KMS::Key" -> prefix + "kms:" + region + ":" + ACCOUNT + ":key/" + id;
      case "AWS::Lambda::Function" ->
          prefix + "lambda:" + region + ":" + ACCOUNT + ":function:" + id;
      case "AWS::IAM::Role" -> prefix + "iam::" + ACCOUNT + ":role/" + id;
      default -> prefix + "cloudformation:" + region + ":" + ACCOUNT + ":resource/" + id;
    };
  }
}
