package io.capacityctl.infra.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where each registry action may act (pure: no CDK synthesis). */
class ActionScopesTest {
  private static final ScopeTargets WITH_ECS =
      new ScopeTargets(
          List.of("arn:fm/sonnet"),
          "arn:pm/*",
          List.of("arn:parameter/capacityctl/x/*"),
          "arn:table/x",
          Optional.of("arn:service/c/s"),
          "arn:scalable-target/*",
          Optional.of("arn:aws:s3:::team-config/capacityctl/x.yaml"));
  private static final ScopeTargets MODELS_ONLY =
      new ScopeTargets(
          WITH_ECS.foundationModels(),
          WITH_ECS.provisionedModels(),
          WITH_ECS.parameters(),
          WITH_ECS.table(),
          Optional.empty(),
          WITH_ECS.scalableTargets(),
          WITH_ECS.configObject());
  private static final ScopeTargets NOT_IN_S3 =
      new ScopeTargets(
          WITH_ECS.foundationModels(),
          WITH_ECS.provisionedModels(),
          WITH_ECS.parameters(),
          WITH_ECS.table(),
          WITH_ECS.ecsService(),
          WITH_ECS.scalableTargets(),
          Optional.empty());

  @ParameterizedTest
  @EnumSource(AwsAction.class)
  void everyActionHasAScopeWhenTheConfigurationManagesEcs(AwsAction action) {
    assertThat(ActionScopes.of(action, WITH_ECS)).isPresent();
  }

  @Test
  void withoutEcsOnlyTheEcsAndAutoScalingActionsAreLeftOut() {
    List<AwsAction> ungranted =
        Arrays.stream(AwsAction.values())
            .filter(a -> ActionScopes.of(a, MODELS_ONLY).isEmpty())
            .toList();

    assertThat(ungranted)
        .isNotEmpty()
        .allMatch(a -> a.service().equals("ecs") || a.service().equals("application-autoscaling"));
    assertThat(ungranted)
        .hasSize(
            (int)
                Arrays.stream(AwsAction.values())
                    .filter(
                        a ->
                            a.service().equals("ecs")
                                || a.service().equals("application-autoscaling"))
                    .count());
  }

  @Test
  void s3IsGrantedOnlyOnTheConfigurationObjectAndOnlyWhenTheConfigurationIsInS3() {
    assertThat(ActionScopes.of(AwsAction.S3_GET_OBJECT, WITH_ECS).orElseThrow())
        .isEqualTo(Grant.on("arn:aws:s3:::team-config/capacityctl/x.yaml"));
    assertThat(
            Arrays.stream(AwsAction.values())
                .filter(a -> ActionScopes.of(a, NOT_IN_S3).isEmpty())
                .toList())
        .containsExactly(AwsAction.S3_GET_OBJECT);
  }

  @Test
  void eachServiceActsOnlyOnItsOwnTargets() {
    assertThat(ActionScopes.of(AwsAction.DYNAMODB_QUERY, WITH_ECS).orElseThrow().resources())
        .containsExactly("arn:table/x");
    assertThat(ActionScopes.of(AwsAction.ECS_UPDATE_SERVICE, WITH_ECS).orElseThrow().resources())
        .containsExactly("arn:service/c/s");
    assertThat(ActionScopes.of(AwsAction.SSM_PUT_PARAMETER, WITH_ECS).orElseThrow().resources())
        .containsExactly("arn:parameter/capacityctl/x/*");
    assertThat(ActionScopes.of(AwsAction.BEDROCK_CREATE_PT, WITH_ECS).orElseThrow().resources())
        .containsExactly("arn:fm/sonnet");
  }

  @Test
  void deletionIsConditionedOnTheManagedByTag() {
    Grant delete = ActionScopes.of(AwsAction.BEDROCK_DELETE_PT, WITH_ECS).orElseThrow();

    assertThat(delete.resources()).containsExactly("arn:pm/*");
    assertThat(delete.conditions())
        .isEqualTo(Map.of("StringEquals", Map.of("aws:ResourceTag/managed-by", "capacityctl")));
  }

  @Test
  void conditionsUnderOneOperatorAccumulate() {
    Grant g = Grant.on("r").when("StringEquals", "a", "1").when("StringEquals", "b", "2");

    assertThat(g.conditions()).isEqualTo(Map.of("StringEquals", Map.of("a", "1", "b", "2")));
    assertThat(Grant.on("r").when("StringEquals", "a", "1"))
        .isEqualTo(Grant.on("r").when("StringEquals", "a", "1"));
  }
}
