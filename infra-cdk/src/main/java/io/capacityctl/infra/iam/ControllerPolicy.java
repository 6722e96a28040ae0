package io.capacityctl.infra.iam;

import io.capacityctl.aws.AwsAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The controller's IAM statements: every action of the {@link AwsAction} registry, each named in
 * full (no action wildcard), grouped into one statement per distinct scope.
 */
public final class ControllerPolicy {
  private ControllerPolicy() {}

  /** Adds the statements to {@code role}'s default policy (functions and tasks depend on it). */
  public static void grantTo(IRole role, ScopeTargets targets) {
    statements(targets).forEach(role::addToPrincipalPolicy);
  }

  /** One statement per scope, in registry order so the synthesised policy is stable. */
  public static List<PolicyStatement> statements(ScopeTargets targets) {
    Map<Grant, List<String>> actionsByGrant = new LinkedHashMap<>();
    for (AwsAction action : AwsAction.values()) {
      ActionScopes.of(action, targets)
          .forEach(
              g ->
                  actionsByGrant
                      .computeIfAbsent(g, k -> new ArrayList<>())
                      .add(action.iamAction()));
    }
    List<PolicyStatement> statements = new ArrayList<>();
    actionsByGrant.forEach(
        (grant, actions) -> {
          PolicyStatement.Builder s =
              PolicyStatement.Builder.create()
                  .effect(Effect.ALLOW)
                  .actions(actions)
                  .resources(grant.resources());
          if (!grant.conditions().isEmpty()) {
            s.conditions(grant.conditions());
          }
          statements.add(s.build());
        });
    return statements;
  }
}
