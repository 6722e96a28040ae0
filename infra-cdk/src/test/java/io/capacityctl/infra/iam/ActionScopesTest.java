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
          "x",
          List.of(),
          List.of("arn:fm/sonnet"),
          "arn:pm/*",
          List.of("arn:parameter/capacityctl/x/*"),
          "arn:parameter/capacityctl/x/routes",
          "arn:table/x",
          Optional.of("arn:service/c/s"),
          "arn:scalable-target/*",
          Optional.of("arn:aws:s3:::team-config/capacityctl/x.yaml"),
          "arn:table/*");
  private static final ScopeTargets MODELS_ONLY =
      new ScopeTargets(
          WITH_ECS.configName(),
          WITH_ECS.adoptFrom(),
          WITH_ECS.foundationModels(),
          WITH_ECS.provisionedModels(),
          WITH_ECS.parameters(),
          WITH_ECS.routesParameter(),
          WITH_ECS.table(),
          Optional.empty(),
          WITH_ECS.scalableTargets(),
          WITH_ECS.configObject(),
          WITH_ECS.anyTable());
  private static final ScopeTargets NOT_IN_S3 =
      new ScopeTargets(
          WITH_ECS.configName(),
          WITH_ECS.adoptFrom(),
          WITH_ECS.foundationModels(),
          WITH_ECS.provisionedModels(),
          WITH_ECS.parameters(),
          WITH_ECS.routesParameter(),
          WITH_ECS.table(),
          WITH_ECS.ecsService(),
          WITH_ECS.scalableTargets(),
          Optional.empty(),
          WITH_ECS.anyTable());

  @ParameterizedTest
  @EnumSource(AwsAction.class)
  void everyActionHasAScopeWhenTheConfigurationManagesEcs(AwsAction action) {
    assertThat(ActionScopes.of(action, WITH_ECS)).isNotEmpty();
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
    assertThat(ActionScopes.of(AwsAction.S3_GET_OBJECT, WITH_ECS))
        .containsExactly(Grant.on("arn:aws:s3:::team-config/capacityctl/x.yaml"));
    assertThat(
            Arrays.stream(AwsAction.values())
                .filter(a -> ActionScopes.of(a, NOT_IN_S3).isEmpty())
                .toList())
        .containsExactly(AwsAction.S3_GET_OBJECT);
  }

  private static Grant only(AwsAction action) {
    List<Grant> grants = ActionScopes.of(action, WITH_ECS);
    assertThat(grants).hasSize(1);
    return grants.get(0);
  }

  @Test
  void eachServiceActsOnlyOnItsOwnTargets() {
    assertThat(only(AwsAction.DYNAMODB_QUERY).resources()).containsExactly("arn:table/x");
    assertThat(only(AwsAction.ECS_UPDATE_SERVICE).resources()).containsExactly("arn:service/c/s");
    assertThat(only(AwsAction.SSM_GET_PARAMETER).resources())
        .containsExactly("arn:parameter/capacityctl/x/*");
    assertThat(only(AwsAction.BEDROCK_CREATE_PT).resources()).containsExactly("arn:fm/sonnet");
  }

  @Test
  void theOneSsmWriteIsTheRoutesParameter() {
    assertThat(only(AwsAction.SSM_PUT_PARAMETER))
        .isEqualTo(Grant.on("arn:parameter/capacityctl/x/routes"));
  }

  @Test
  void deletionIsConditionedOnBothOfOurTags() {
    Grant delete = only(AwsAction.BEDROCK_DELETE_PT);

    assertThat(delete.resources()).containsExactly("arn:pm/*");
    assertThat(delete.conditions())
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of(
                    "aws:ResourceTag/managed-by", "capacityctl",
                    "aws:ResourceTag/capacityctl:config", "x")));
  }

  @Test
  void purchasesAndTagsCarryOurTagsAndTagsGoOnlyOnAPtNotYetManaged() {
    Map<String, Object> ourTags =
        Map.of(
            "aws:RequestTag/managed-by", "capacityctl", "aws:RequestTag/capacityctl:config", "x");
    Grant create = only(AwsAction.BEDROCK_CREATE_PT);
    Grant tag = only(AwsAction.BEDROCK_TAG_RESOURCE);

    assertThat(create.conditions()).containsEntry("StringEquals", ourTags);
    assertThat(create.conditions()).containsKey("ForAllValues:StringEquals");
    assertThat(tag.conditions()).containsEntry("StringEquals", ourTags);
    assertThat(tag.conditions())
        .containsEntry("Null", Map.of("aws:ResourceTag/managed-by", "true"));
  }

  @Test
  void stateWritesStayInTheConfigurationsPartitionsAndTheAuditOneTakesAppendsOnly() {
    Map<String, Map<String, Object>> own =
        Map.of(
            "ForAllValues:StringEquals",
            Map.of("dynamodb:LeadingKeys", List.of("CONFIG#x", "HEARTBEAT#x")));
    Map<String, Map<String, Object>> audit =
        Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys", List.of("AUDIT#x")));

    Map<String, Map<String, Object>> ownOrAudit =
        Map.of(
            "ForAllValues:StringEquals",
            Map.of("dynamodb:LeadingKeys", List.of("CONFIG#x", "AUDIT#x", "HEARTBEAT#x")));
    assertThat(only(AwsAction.DYNAMODB_PUT_ITEM).conditions()).isEqualTo(ownOrAudit);
    assertThat(audit).isNotEqualTo(own);
    for (AwsAction a :
        List.of(
            AwsAction.DYNAMODB_UPDATE_ITEM,
            AwsAction.DYNAMODB_DELETE_ITEM,
            AwsAction.DYNAMODB_CONDITION_CHECK_ITEM)) {
      assertThat(only(a).conditions()).as(a.name()).isEqualTo(own);
    }
  }

  @Test
  void everyStatePartitionHasAnAccessSoNoNewKindOfItemIsWrittenUnchecked() {
    List<String> partitions =
        Arrays.stream(io.capacityctl.aws.dynamodb.StatePartitions.class.getDeclaredMethods())
            .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
            .map(java.lang.reflect.Method::getName)
            .toList();

    assertThat(ActionScopes.PARTITIONS)
        .extracting(ActionScopes.Partition::name)
        .as("StatePartitions' partitions, each given an access in ActionScopes.PARTITIONS")
        .containsExactlyInAnyOrderElementsOf(partitions);
    assertThat(ActionScopes.PARTITIONS)
        .allSatisfy(p -> assertThat(p.key().apply("x")).endsWith("#x"));
  }

  @Test
  void otherTablesAreReadableOnlyInTheirHeartbeatPartitions() {
    List<Grant> reads = ActionScopes.of(AwsAction.DYNAMODB_GET_ITEM, WITH_ECS);

    assertThat(reads)
        .containsExactly(
            Grant.on("arn:table/x"),
            Grant.on("arn:table/*")
                .when("ForAllValues:StringLike", "dynamodb:LeadingKeys", List.of("HEARTBEAT#*"))
                .when("Null", "dynamodb:LeadingKeys", "false"));
  }

  @Test
  void aRenamedConfigurationMayDeleteThePtsOfTheOldNamesItDeclaresAndNoOthers() {
    ScopeTargets renamed =
        new ScopeTargets(
            "x-v2",
            List.of("x"),
            WITH_ECS.foundationModels(),
            WITH_ECS.provisionedModels(),
            WITH_ECS.parameters(),
            WITH_ECS.routesParameter(),
            WITH_ECS.table(),
            WITH_ECS.ecsService(),
            WITH_ECS.scalableTargets(),
            WITH_ECS.configObject(),
            WITH_ECS.anyTable());

    assertThat(ActionScopes.of(AwsAction.BEDROCK_DELETE_PT, renamed))
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.conditions().get("StringEquals"))
                    .containsEntry("aws:ResourceTag/capacityctl:config", List.of("x-v2", "x")));
    // Buying and tagging stay under the new name only.
    assertThat(ActionScopes.of(AwsAction.BEDROCK_CREATE_PT, renamed).get(0).conditions())
        .extractingByKey("StringEquals")
        .satisfies(c -> assertThat(c).containsEntry("aws:RequestTag/capacityctl:config", "x-v2"));
  }

  @Test
  void conditionsUnderOneOperatorAccumulate() {
    Grant g = Grant.on("r").when("StringEquals", "a", "1").when("StringEquals", "b", "2");

    assertThat(g.conditions()).isEqualTo(Map.of("StringEquals", Map.of("a", "1", "b", "2")));
    assertThat(Grant.on("r").when("StringEquals", "a", "1"))
        .isEqualTo(Grant.on("r").when("StringEquals", "a", "1"));
  }
}
