package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.ProvisionedThroughput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The controller role grants every action the adapters call, and nothing with a wildcard action: a
 * new {@link AwsAction} without a grant fails here (MangaAssist incident 4).
 */
class IamPolicyTest {

  static Stream<Synthesized.Synth> bothModes() {
    return Stream.of(Synthesized.lambda(), Synthesized.ecs());
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void controllerRoleGrantsExactlyTheRegistryButS3WhenTheConfigurationIsNotInS3(
      Synthesized.Synth synth) {
    assertThat(granted(synth))
        .as("actions granted to the controller role")
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(AwsAction.values())
                .filter(a -> a != AwsAction.S3_GET_OBJECT)
                .map(AwsAction::iamAction)
                .toList());
  }

  @Test
  void aConfigurationInS3GetsTheWholeRegistryAndGetObjectOnThatObjectOnly() {
    List<Map<String, Object>> statements = Policies.ofControllerRole(Synthesized.s3Config());
    Map<String, Object> get = Policies.granting(statements, "s3:GetObject");

    assertThat(granted(Synthesized.s3Config()))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(AwsAction.values())
                .filter(a -> !a.service().equals("ecs") && !a.service().startsWith("application"))
                .map(AwsAction::iamAction)
                .toList());
    assertThat(Policies.actions(get)).containsExactly("s3:GetObject");
    assertThat(Policies.resources(get)).hasSize(1);
    assertThat(Synthesized.pretty(Policies.resources(get)))
        .contains(":s3:::team-config/capacityctl/newyork.yaml\"")
        .doesNotContain("*");
  }

  /** The registry's actions granted to the role (Lambda mode's log writes aside, below). */
  private static List<String> granted(Synthesized.Synth synth) {
    return Policies.ofControllerRole(synth).stream()
        .flatMap(s -> Policies.actions(s).stream())
        .filter(a -> !LOG_WRITES.contains(a))
        .distinct()
        .toList();
  }

  private static final List<String> LOG_WRITES =
      List.of("logs:CreateLogStream", "logs:PutLogEvents");

  @Test
  void lambdaFunctionsWriteTheirOwnLogGroupOnlyAndEcsTasksNone() {
    Map<String, Object> logs =
        Policies.granting(Policies.ofControllerRole(Synthesized.lambda()), "logs:PutLogEvents");

    assertThat(Policies.actions(logs)).containsExactlyInAnyOrderElementsOf(LOG_WRITES);
    assertThat(Synthesized.pretty(Policies.resources(logs)))
        .contains("Fn::GetAtt")
        .contains("Logs");
    assertThat(Policies.ofControllerRole(Synthesized.ecs()))
        .noneMatch(s -> Policies.actions(s).stream().anyMatch(a -> a.startsWith("logs:")));
  }

  @ParameterizedTest
  @MethodSource("allStacks")
  void noStatementAnywhereUsesAWildcardAction(Synthesized.Synth synth) {
    List<Map<String, Object>> statements = Policies.allStatements(synth.json());

    assertThat(statements).isNotEmpty();
    assertThat(statements).allSatisfy(s -> assertThat(s).doesNotContainKey("NotAction"));
    // What is granted: Deny statements (the queue's and topic's TLS-only policies) only take away.
    // The KMS key policy is checked on its own below.
    assertThat(
            statements.stream()
                .filter(s -> "Allow".equals(s.get("Effect")))
                .filter(s -> !keyPolicy(synth).contains(s))
                .flatMap(s -> Policies.actions(s).stream()))
        .as("every action in every IAM statement")
        .isNotEmpty()
        .noneMatch(a -> a.contains("*"));
  }

  /**
   * The key policy's wildcard actions: kms:* for the account root (every key policy hands the key
   * to the account's IAM, or nobody could administer it) and CDK's kms:GenerateDataKey* for
   * EventBridge, which publishes the commitment-purchase rule's events to the encrypted topic.
   */
  @ParameterizedTest
  @MethodSource("allStacks")
  void theKeyPolicyWildcardsAreTheAccountRootsAndEventBridgesOnly(Synthesized.Synth synth) {
    assertThat(keyPolicy(synth))
        .filteredOn(s -> Policies.actions(s).stream().anyMatch(a -> a.contains("*")))
        .extracting(s -> Synthesized.pretty(s.get("Principal")))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains(":root"))
        .anySatisfy(p -> assertThat(p).contains("events.amazonaws.com"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> keyPolicy(Synthesized.Synth synth) {
    return Synthesized.resourcesOf(synth, "AWS::KMS::Key").values().stream()
        .flatMap(k -> Policies.allStatements(k.get("KeyPolicy")).stream())
        .toList();
  }

  static Stream<Synthesized.Synth> allStacks() {
    return Stream.of(
        Synthesized.lambda(), Synthesized.ecs(), Synthesized.fileConfig(), Synthesized.s3Config());
  }

  @Test
  void deleteRequiresTheManagedByTagOnAProvisionedModel() {
    Map<String, Object> delete =
        Policies.granting(
            Policies.ofControllerRole(Synthesized.lambda()),
            "bedrock:DeleteProvisionedModelThroughput");

    assertThat(Policies.actions(delete))
        .containsExactly("bedrock:DeleteProvisionedModelThroughput");
    assertThat(delete.get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of(
                    "aws:ResourceTag/managed-by", "capacityctl",
                    "aws:ResourceTag/capacityctl:config", "mangaassist")));
    assertThat(Synthesized.pretty(Policies.resources(delete)))
        .contains(":provisioned-model/*")
        .contains("ap-northeast-1");
  }

  @Test
  void taggingIsLimitedToTheTagKeysEveryPurchaseCarries() {
    Map<String, Object> tag =
        Policies.granting(Policies.ofControllerRole(Synthesized.lambda()), "bedrock:TagResource");
    // Every key a purchase is tagged with must be allowed, or IAM denies the purchase itself.
    Map<String, String> purchaseTags =
        ProvisionedThroughput.tagsFor("mangaassist", "capacityctl-mangaassist", "sonnet", "t");

    // Only our keys, with our values, and only on a PT with no managed-by tag yet: one being
    // created (Bedrock has no create-action condition key).
    assertThat(tag.get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of(
                    "aws:RequestTag/managed-by", "capacityctl",
                    "aws:RequestTag/capacityctl:config", "mangaassist"),
                "ForAllValues:StringEquals",
                Map.of("aws:TagKeys", ProvisionedThroughput.TAG_KEYS),
                "Null",
                Map.of("aws:ResourceTag/managed-by", "true")));
    assertThat(ProvisionedThroughput.TAG_KEYS)
        .containsExactlyInAnyOrderElementsOf(purchaseTags.keySet());
  }

  @Test
  void purchasesAreLimitedToTheConfiguredFoundationModels() {
    Map<String, Object> create =
        Policies.granting(
            Policies.ofControllerRole(Synthesized.lambda()),
            "bedrock:CreateProvisionedModelThroughput");

    String resources = Synthesized.pretty(Policies.resources(create));
    assertThat(Policies.resources(create)).hasSize(2);
    assertThat(Synthesized.pretty(create.get("Condition")))
        .contains("\"aws:RequestTag/managed-by\" : \"capacityctl\"")
        .contains("\"aws:RequestTag/capacityctl:config\" : \"mangaassist\"");
    assertThat(resources)
        .contains(
            ":bedrock:ap-northeast-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0")
        .contains(
            ":bedrock:ap-northeast-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
  }

  @Test
  void onlyActionsWithoutAResourceTypeGetTheResourceWildcard() {
    List<String> onAnyResource =
        Policies.ofControllerRole(Synthesized.lambda()).stream()
            .filter(s -> Policies.resources(s).contains("*"))
            .flatMap(s -> Policies.actions(s).stream())
            .toList();

    assertThat(onAnyResource)
        .containsExactlyInAnyOrder(
            "bedrock:ListProvisionedModelThroughputs",
            "cloudwatch:GetMetricData",
            "sts:GetCallerIdentity",
            "application-autoscaling:DescribeScalableTargets");
  }

  @Test
  void stateEcsAndSsmActionsAreScopedToThisConfiguration() {
    List<Map<String, Object>> statements = Policies.ofControllerRole(Synthesized.lambda());

    assertThat(
            Synthesized.pretty(
                Policies.resources(Policies.granting(statements, "dynamodb:UpdateItem"))))
        .contains("Fn::GetAtt")
        .contains("StateTable");
    assertThat(
            Synthesized.pretty(
                Policies.resources(Policies.granting(statements, "ecs:UpdateService"))))
        .contains(":ecs:ap-northeast-1:")
        .contains(":service/mangaassist/orchestrator");
    assertThat(
            Synthesized.pretty(
                Policies.resources(Policies.granting(statements, "ssm:GetParameter"))))
        .contains(":ssm:ap-northeast-1:")
        .contains(":parameter/capacityctl/mangaassist/*");
    // The one SSM write: the routes parameter, never the configuration (maxUnits, budget).
    assertThat(Policies.resources(Policies.granting(statements, "ssm:PutParameter"))).hasSize(1);
    assertThat(
            Synthesized.pretty(
                Policies.resources(Policies.granting(statements, "ssm:PutParameter"))))
        .contains(":parameter/capacityctl/mangaassist/routes\"")
        .doesNotContain("*");
    assertThat(
            Synthesized.pretty(
                Policies.granting(statements, "dynamodb:DeleteItem").get("Condition")))
        .contains("dynamodb:LeadingKeys")
        .contains("CONFIG#mangaassist")
        .doesNotContain("AUDIT#");
    assertThat(
            Policies.granting(statements, "application-autoscaling:RegisterScalableTarget")
                .get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of(
                    "application-autoscaling:service-namespace", "ecs",
                    "application-autoscaling:scalable-dimension", "ecs:service:DesiredCount")));
  }

  @Test
  void aConfigurationWithoutEcsGetsNoEcsActionAndItsOwnRoutesParameter() {
    List<Map<String, Object>> statements = Policies.ofControllerRole(Synthesized.fileConfig());
    List<String> granted = statements.stream().flatMap(s -> Policies.actions(s).stream()).toList();

    assertThat(granted)
        .noneMatch(a -> a.startsWith("ecs:") || a.startsWith("application-autoscaling:"))
        .contains("bedrock:CreateProvisionedModelThroughput", "ssm:GetParameter");
    assertThat(
            Synthesized.pretty(
                Policies.resources(Policies.granting(statements, "ssm:GetParameter"))))
        .contains(":parameter/capacityctl/newyork/*")
        .contains(":parameter/acme/bedrock-routes");
  }
}
