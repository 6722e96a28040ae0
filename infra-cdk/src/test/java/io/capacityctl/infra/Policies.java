package io.capacityctl.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnElement;

/** Reads IAM policy statements out of a synthesised template. */
final class Policies {
  private Policies() {}

  /**
   * Every policy statement anywhere in the template: trust policies, role and inline policies,
   * queue and topic policies, custom resources.
   */
  static List<Map<String, Object>> allStatements(Object node) {
    List<Map<String, Object>> found = new ArrayList<>();
    collect(node, found);
    return found;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, List<Map<String, Object>> found) {
    if (node instanceof Map<?, ?> map) {
      Object statements = map.get("Statement");
      if (statements instanceof List<?> list) {
        list.forEach(s -> found.add((Map<String, Object>) s));
      }
      map.values().forEach(v -> collect(v, found));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, found));
    }
  }

  /** The statements of the AWS::IAM::Policy resources attached to the stack's controller role. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> ofControllerRole(Synthesized.Synth synth) {
    String role =
        synth
            .stack()
            .getLogicalId((CfnElement) synth.stack().controllerRole().getNode().getDefaultChild());
    List<Map<String, Object>> statements = new ArrayList<>();
    synth
        .resources()
        .values()
        .forEach(
            r -> {
              Map<String, Object> props = (Map<String, Object>) r.get("Properties");
              if ("AWS::IAM::Policy".equals(r.get("Type"))
                  && ((List<Object>) props.get("Roles")).contains(Map.of("Ref", role))) {
                statements.addAll(allStatements(props.get("PolicyDocument")));
              }
            });
    return statements;
  }

  /** A statement's actions, whether IAM wrote one string or a list. */
  static List<String> actions(Map<String, Object> statement) {
    return strings(statement.get("Action"));
  }

  /** A statement's resources as template values (strings or intrinsic functions). */
  static List<Object> resources(Map<String, Object> statement) {
    Object r = statement.get("Resource");
    return r instanceof List<?> list ? List.copyOf(list) : List.of(r);
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  /** The one statement of {@code statements} that grants {@code action}. */
  static Map<String, Object> granting(List<Map<String, Object>> statements, String action) {
    List<Map<String, Object>> matches =
        statements.stream().filter(s -> actions(s).contains(action)).toList();
    if (matches.size() != 1) {
      throw new AssertionError(
          matches.size() + " statements grant " + action + ": " + Synthesized.pretty(statements));
    }
    return matches.get(0);
  }
}
