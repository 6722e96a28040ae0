package io.capacityctl.infra.iamsim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small evaluator of identity-based IAM policy statements, for tests: is a {@link Request}
 * allowed by a list of statements (as a synthesised template holds them, intrinsic functions
 * already resolved by {@link TemplateValues})?
 *
 * <p>The rules it implements, from the IAM User Guide's policy evaluation logic and condition
 * operator reference: an explicit {@code Deny} that matches wins; otherwise a matching {@code
 * Allow} allows; otherwise the request is implicitly denied. A statement matches when its {@code
 * Action} and {@code Resource} match (wildcards {@code *} and {@code ?}; a resource ARN is matched
 * per colon-separated component, the sixth component keeping any further colons, as {@code ArnLike}
 * does) and every condition holds: operators are ANDed, keys within an operator are ANDed, the
 * values listed for one key are ORed. Operators: {@code StringEquals}, {@code StringNotEquals},
 * {@code StringLike}, {@code ArnEquals}, {@code ArnLike}, {@code Bool}, {@code Null}, each with an
 * optional {@code IfExists} suffix, and the {@code ForAllValues:} / {@code ForAnyValue:} set
 * prefixes of the string operators. A single-valued operator on an absent key is false ({@code
 * IfExists}: true); {@code ForAllValues} on an absent key is true, {@code ForAnyValue} false.
 *
 * <p>Anything else ({@code NotAction}, {@code NotResource}, {@code NotPrincipal}, an unknown
 * operator, a multi-valued key under a single-valued operator) throws: a template that starts using
 * it fails the tests instead of being evaluated wrongly.
 */
public final class PolicyEvaluator {
  /** The outcome: allowed, or denied explicitly or implicitly. */
  public enum Decision {
    ALLOWED,
    EXPLICIT_DENY,
    IMPLICIT_DENY;

    public boolean allowed() {
      return this == ALLOWED;
    }
  }

  private final List<Map<String, Object>> statements;

  public PolicyEvaluator(List<Map<String, Object>> statements) {
    this.statements = List.copyOf(statements);
    this.statements.forEach(PolicyEvaluator::checkSupported);
  }

  public Decision evaluate(Request request) {
    boolean allowed = false;
    for (Map<String, Object> s : statements) {
      if (!matches(s, request)) {
        continue;
      }
      if ("Deny".equals(s.get("Effect"))) {
        return Decision.EXPLICIT_DENY;
      }
      allowed = true;
    }
    return allowed ? Decision.ALLOWED : Decision.IMPLICIT_DENY;
  }

  public boolean allows(Request request) {
    return evaluate(request).allowed();
  }

  private static void checkSupported(Map<String, Object> s) {
    for (String unsupported : List.of("NotAction", "NotResource", "NotPrincipal")) {
      if (s.containsKey(unsupported)) {
        throw new UnsupportedOperationException(unsupported + " is not evaluated: " + s);
      }
    }
    Object effect = s.get("Effect");
    if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
      throw new IllegalArgumentException("statement without Effect Allow or Deny: " + s);
    }
  }

  private static boolean matches(Map<String, Object> s, Request r) {
    boolean action =
        strings(s.get("Action")).stream()
            .anyMatch(a -> glob(a.toLowerCase(Locale.ROOT), r.action().toLowerCase(Locale.ROOT)));
    return action
        && strings(s.get("Resource")).stream().anyMatch(p -> arnLike(p, r.resource()))
        && conditions(s.get("Condition"), r);
  }

  @SuppressWarnings("unchecked")
  private static boolean conditions(Object block, Request r) {
    if (block == null) {
      return true;
    }
    for (Map.Entry<String, Object> op : ((Map<String, Object>) block).entrySet()) {
      for (Map.Entry<String, Object> key : ((Map<String, Object>) op.getValue()).entrySet()) {
        if (!condition(op.getKey(), key.getKey(), strings(key.getValue()), r)) {
          return false;
        }
      }
    }
    return true;
  }

  /** One operator on one key: true when the request's values satisfy any of {@code policy}. */
  static boolean condition(String operator, String key, List<String> policy, Request r) {
    List<String> values = r.values(key);
    boolean absent = values == null || values.isEmpty();
    String op = operator;
    if (op.startsWith("ForAllValues:")) {
      String inner = op.substring("ForAllValues:".length());
      return absent || values.stream().allMatch(v -> anyMatch(inner, policy, v));
    }
    if (op.startsWith("ForAnyValue:")) {
      String inner = op.substring("ForAnyValue:".length());
      return !absent && values.stream().anyMatch(v -> anyMatch(inner, policy, v));
    }
    if (op.equals("Null")) {
      // "true": the key must be absent; "false": present.
      return policy.stream().anyMatch(p -> Boolean.parseBoolean(p) == absent);
    }
    boolean ifExists = op.endsWith("IfExists");
    if (ifExists) {
      op = op.substring(0, op.length() - "IfExists".length());
    }
    if (absent) {
      return ifExists;
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException(
          operator + " on multi-valued key " + key + " (use ForAllValues/ForAnyValue)");
    }
    String v = values.get(0);
    if (op.equals("StringNotEquals")) {
      return policy.stream().noneMatch(p -> p.equals(v));
    }
    return anyMatch(op, policy, v);
  }

  private static boolean anyMatch(String operator, List<String> policy, String value) {
    return switch (operator) {
      case "StringEquals", "ArnEquals" -> policy.contains(value);
      case "StringLike" -> policy.stream().anyMatch(p -> glob(p, value));
      case "ArnLike" -> policy.stream().anyMatch(p -> arnLike(p, value));
      case "Bool" -> policy.stream().anyMatch(p -> p.equalsIgnoreCase(value));
      default -> throw new UnsupportedOperationException("condition operator " + operator);
    };
  }

  /**
   * An ARN pattern against an ARN, component by component (partition, service, region, account,
   * resource); {@code *} alone matches anything.
   */
  static boolean arnLike(String pattern, String arn) {
    if (pattern.equals("*")) {
      return true;
    }
    String[] p = pattern.split(":", 6);
    String[] a = arn.split(":", 6);
    if (p.length != 6 || a.length != 6) {
      return glob(pattern, arn);
    }
    for (int i = 0; i < 6; i++) {
      if (!glob(p[i], a[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code *}: any run of characters, {@code ?}: one character; everything else literal. */
  static boolean glob(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PolicyEvaluator::string).toList();
    }
    return List.of(string(value));
  }

  private static String string(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean || value instanceof Number) {
      return String.valueOf(value);
    }
    throw new IllegalArgumentException("unresolved template value: " + value);
  }
}
