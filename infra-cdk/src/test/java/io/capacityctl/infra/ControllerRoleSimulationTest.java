package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.dynamodb.StatePartitions;
import io.capacityctl.infra.iamsim.PolicyEvaluator;
import io.capacityctl.infra.iamsim.Request;
import io.capacityctl.infra.iamsim.TemplateValues;
import io.capacityctl.ports.ProvisionedThroughput;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The controller role's synthesised statements, evaluated against the requests an adversary (or a
 * bug) would make with its credentials: what must be denied is checked to be denied, in both modes.
 * Issue 17's findings, each a request here. The evaluator is {@link PolicyEvaluator}.
 */
class ControllerRoleSimulationTest {
  private static final String CONFIG = "mangaassist";
  private static final String REGION = "ap-northeast-1";
  private static final String ACCOUNT = TemplateValues.ACCOUNT;
  private static final String PT_PREFIX =
      "arn:aws:bedrock:" + REGION + ":" + ACCOUNT + ":provisioned-model/";
  private static final String SONNET =
      "arn:aws:bedrock:" + REGION + "::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0";
  private static final String TABLE =
      "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/capacityctl-" + CONFIG;

  static Stream<Synthesized.Synth> bothModes() {
    return Stream.of(Synthesized.lambda(), Synthesized.ecs());
  }

  private static PolicyEvaluator role(Synthesized.Synth synth) {
    return new PolicyEvaluator(
        new TemplateValues(synth.resources(), REGION).resolveAll(Policies.ofControllerRole(synth)));
  }

  private static Map<String, String> ours(String token) {
    return ProvisionedThroughput.tagsFor(CONFIG, "capacityctl-" + CONFIG, "sonnet", token);
  }

  private static Map<String, String> ofConfig(String config) {
    return ProvisionedThroughput.tagsFor(config, "capacityctl-" + config, "sonnet", "t-" + config);
  }

  private static Request delete(String ptId, Map<String, String> resourceTags) {
    return Request.of("bedrock:DeleteProvisionedModelThroughput", PT_PREFIX + ptId)
        .withResourceTags(resourceTags);
  }

  private static Request tag(
      String ptId, Map<String, String> resourceTags, Map<String, String> add) {
    return Request.of("bedrock:TagResource", PT_PREFIX + ptId)
        .withResourceTags(resourceTags)
        .withRequestTags(add);
  }

  /**
   * A purchase as IAM authorises it: CreateProvisionedModelThroughput on the base model, and the
   * tags it carries as TagResource on the PT being created (which has no tags yet).
   */
  private static boolean buys(PolicyEvaluator role, String model, Map<String, String> tags) {
    return role.allows(
            Request.of("bedrock:CreateProvisionedModelThroughput", model).withRequestTags(tags))
        && (tags.isEmpty() || role.allows(tag("new", Map.of(), tags)));
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void itBuysAndDeletesItsOwnPtsOnly(Synthesized.Synth synth) {
    PolicyEvaluator role = role(synth);

    assertThat(buys(role, SONNET, ours("tok-1"))).as("a purchase tagged as ours").isTrue();
    assertThat(role.allows(delete("own", ours("tok-1")))).as("delete our own PT").isTrue();

    assertThat(buys(role, SONNET, Map.of())).as("an untagged purchase").isFalse();
    assertThat(buys(role, SONNET, ofConfig("other-team")))
        .as("a purchase tagged as another configuration's")
        .isFalse();
    assertThat(
            buys(
                role,
                "arn:aws:bedrock:" + REGION + "::foundation-model/amazon.titan-text-premier-v1:0",
                ours("tok-2")))
        .as("a purchase of a model the configuration does not name")
        .isFalse();
    assertThat(role.allows(delete("foreign", Map.of()))).as("delete an untagged PT").isFalse();
    assertThat(role.allows(delete("team", Map.of("managed-by", "terraform", "team", "search"))))
        .as("delete another team's PT")
        .isFalse();
    assertThat(role.allows(delete("other", ofConfig("newyork"))))
        .as("delete another capacityctl configuration's PT")
        .isFalse();
  }

  @Test
  void aRenamedConfigurationDeletesTheFleetOfTheNameItAdoptsAndBuysOnlyUnderItsNewName() {
    // The stack is synthesised from the configuration file itself: aws.adoptFrom: [newyork].
    Synthesized.Synth synth = Synthesized.renamed();
    String region = "us-east-1";
    PolicyEvaluator role =
        new PolicyEvaluator(
            new TemplateValues(synth.resources(), region)
                .resolveAll(Policies.ofControllerRole(synth)));
    String pts = "arn:aws:bedrock:" + region + ":" + ACCOUNT + ":provisioned-model/";
    String llama = "arn:aws:bedrock:" + region + "::foundation-model/meta.llama3-70b-instruct-v1:0";
    Map<String, String> adopted =
        ProvisionedThroughput.tagsFor("newyork", "capacityctl-newyork", "llama", "t-old");
    Map<String, String> own =
        ProvisionedThroughput.tagsFor("newyork-v2", "capacityctl-newyork-v2", "llama", "t-new");
    Map<String, String> undeclared =
        ProvisionedThroughput.tagsFor("newyork-test", "capacityctl-newyork-test", "llama", "t");
    String deletePt = "bedrock:DeleteProvisionedModelThroughput";

    assertThat(role.allows(Request.of(deletePt, pts + "old").withResourceTags(adopted)))
        .as("delete a PT its old name bought (its capacityctl:config tag says newyork)")
        .isTrue();
    assertThat(role.allows(Request.of(deletePt, pts + "new").withResourceTags(own)))
        .as("delete a PT it bought under its new name")
        .isTrue();
    assertThat(role.allows(Request.of(deletePt, pts + "x").withResourceTags(undeclared)))
        .as("delete a PT of a configuration it does not declare")
        .isFalse();
    assertThat(
            role.allows(
                Request.of(deletePt, pts + "y")
                    .withResourceTags(Map.of("capacityctl:config", "newyork"))))
        .as("delete a PT tagged with the old name but not managed-by capacityctl")
        .isFalse();
    assertThat(
            role.allows(
                Request.of("bedrock:CreateProvisionedModelThroughput", llama)
                    .withRequestTags(adopted)))
        .as("buy under the old name")
        .isFalse();
    assertThat(
            role.allows(
                Request.of("bedrock:CreateProvisionedModelThroughput", llama).withRequestTags(own)))
        .as("buy under its new name")
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void tagThenDeleteIsDeniedAtTheTagStep(Synthesized.Synth synth) {
    PolicyEvaluator role = role(synth);

    // Issue 17 finding 1: tag another team's PT as ours, then delete it.
    Map<String, String> teams = Map.of("managed-by", "terraform", "team", "search");
    assertThat(role.allows(tag("team", teams, ours("x")))).as("claim another team's PT").isFalse();
    assertThat(role.allows(tag("other", ofConfig("newyork"), ours("x"))))
        .as("claim another configuration's PT")
        .isFalse();
    assertThat(role.allows(tag("own", ours("tok-1"), Map.of("capacityctl:config", "newyork"))))
        .as("hand our PT to another configuration")
        .isFalse();
    assertThat(role.allows(tag("own", ours("tok-1"), Map.of("team", "search"))))
        .as("any tag key but ours")
        .isFalse();
    assertThat(
            role.allows(
                Request.of("bedrock:UntagResource", PT_PREFIX + "team")
                    .withResourceTags(teams)
                    .with("aws:TagKeys", "managed-by")))
        .as("untag anything")
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void aPtWithoutAnyManagedByTagIsTheOneClaimIamCannotTellFromCreation(Synthesized.Synth synth) {
    PolicyEvaluator role = role(synth);
    Request claim = tag("untagged", Map.of(), ours("x"));

    // Bedrock has no create-action condition key (Service Authorization Reference): tagging a PT
    // that carries no managed-by tag looks like tagging one being created. docs/deploy.md gives
    // the service control policy that makes every PT carry one from birth, which closes this.
    assertThat(role.allows(claim)).isTrue();
    assertThat(
            new PolicyEvaluator(
                    Stream.concat(
                            new TemplateValues(synth.resources(), REGION)
                                .resolveAll(Policies.ofControllerRole(synth)).stream(),
                            DeployDocs.serviceControlPolicy().stream())
                        .toList())
                .allows(
                    Request.of("bedrock:CreateProvisionedModelThroughput", SONNET)
                        .withRequestTags(Map.of("team", "search"))))
        .as("with the SCP, nobody buys a PT without a managed-by tag")
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void aCommitmentPurchaseLooksLikeAnyOtherToIam(Synthesized.Synth synth) {
    // No condition key carries commitmentDuration: the request context of a one-month commitment
    // is the same as a no-commitment purchase's. The guard is in code and in the PT fake, and the
    // stack's commitment-purchase rule pages on one (StackSecurityTest).
    Request oneMonth =
        Request.of("bedrock:CreateProvisionedModelThroughput", SONNET)
            .withRequestTags(ours("tok-3"));
    assertThat(role(synth).allows(oneMonth)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void itWritesTheRoutesParameterNeverItsConfiguration(Synthesized.Synth synth) {
    PolicyEvaluator role = role(synth);
    String params = "arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter/capacityctl/" + CONFIG;

    assertThat(role.allows(Request.of("ssm:PutParameter", params + "/routes"))).isTrue();
    assertThat(role.allows(Request.of("ssm:PutParameter", params + "/config")))
        .as("raise its own maxUnits")
        .isFalse();
    assertThat(role.allows(Request.of("ssm:PutParameter", params + "/anything"))).isFalse();
    assertThat(role.allows(Request.of("ssm:GetParameter", params + "/config"))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void itWritesItsOwnStateButNeverDeletesOrRewritesTheAuditTrail(Synthesized.Synth synth) {
    PolicyEvaluator role = role(synth);
    String own = StatePartitions.config(CONFIG);
    String audit = StatePartitions.audit(CONFIG);

    assertThat(role.allows(item("dynamodb:PutItem", audit))).as("append to the trail").isTrue();
    assertThat(role.allows(item("dynamodb:DeleteItem", own))).as("forget a purchase").isTrue();
    assertThat(role.allows(item("dynamodb:UpdateItem", own))).as("renew the lease").isTrue();
    assertThat(role.allows(item("dynamodb:ConditionCheckItem", own))).isTrue();
    assertThat(role.allows(item("dynamodb:Query", audit))).as("read the trail").isTrue();

    assertThat(role.allows(item("dynamodb:DeleteItem", audit)))
        .as("delete an audit item")
        .isFalse();
    assertThat(role.allows(item("dynamodb:UpdateItem", audit)))
        .as("rewrite an audit item (or give it a TTL)")
        .isFalse();
    for (String write : new String[] {"PutItem", "UpdateItem", "DeleteItem"}) {
      assertThat(role.allows(item("dynamodb:" + write, StatePartitions.config("newyork"))))
          .as("%s another configuration's state in a shared table", write)
          .isFalse();
    }
    assertThat(role.allows(Request.of("dynamodb:DeleteTable", TABLE))).isFalse();
    assertThat(role.allows(Request.of("dynamodb:Scan", TABLE))).isFalse();
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void itReadsOtherConfigurationsHeartbeatsAnywhereAndNothingElseOfTheirTables(
      Synthesized.Synth synth) {
    PolicyEvaluator role = role(synth);
    String other = "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/capacityctl-newyork";

    assertThat(role.allows(item("dynamodb:PutItem", StatePartitions.heartbeat(CONFIG))))
        .as("claim its own configuration")
        .isTrue();
    assertThat(
            role.allows(
                Request.of("dynamodb:GetItem", other)
                    .with("dynamodb:LeadingKeys", StatePartitions.heartbeat("newyork"))))
        .as("read whether another configuration is alive")
        .isTrue();
    for (String partition :
        new String[] {StatePartitions.config("newyork"), StatePartitions.audit("newyork")}) {
      assertThat(
              role.allows(
                  Request.of("dynamodb:GetItem", other).with("dynamodb:LeadingKeys", partition)))
          .as("read %s in another table", partition)
          .isFalse();
    }
    assertThat(role.allows(Request.of("dynamodb:GetItem", other)))
        .as("a read naming no partition")
        .isFalse();
    for (String action : new String[] {"PutItem", "UpdateItem", "DeleteItem", "Query"}) {
      assertThat(
              role.allows(
                  Request.of("dynamodb:" + action, other)
                      .with("dynamodb:LeadingKeys", StatePartitions.heartbeat("newyork"))))
          .as("%s another configuration's heartbeat", action)
          .isFalse();
    }
    assertThat(role.allows(item("dynamodb:PutItem", StatePartitions.heartbeat("newyork"))))
        .as("claim another configuration in its own table")
        .isFalse();
  }

  private static Request item(String action, String partition) {
    return Request.of(action, TABLE).with("dynamodb:LeadingKeys", partition);
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void itScalesTheConfiguredEcsServiceOnly(Synthesized.Synth synth) {
    PolicyEvaluator role = role(synth);

    assertThat(registers(role, "mangaassist", "orchestrator")).isTrue();
    assertThat(registers(role, "mangaassist", "billing")).as("another service").isFalse();
    assertThat(registers(role, "payments", "orchestrator")).as("another cluster").isFalse();
    assertThat(role.allows(Request.of("ecs:UpdateService", service("payments", "api")))).isFalse();
    assertThat(
            role.allows(
                Request.of(
                        "application-autoscaling:RegisterScalableTarget",
                        "arn:aws:application-autoscaling:"
                            + REGION
                            + ":"
                            + ACCOUNT
                            + ":scalable-target/0123")
                    .with("application-autoscaling:service-namespace", "dynamodb")
                    .with(
                        "application-autoscaling:scalable-dimension",
                        "dynamodb:table:WriteCapacityUnits")))
        .as("another service namespace")
        .isFalse();
  }

  /**
   * RegisterScalableTarget as AWS authorises it: the action on the (randomly named) scalable
   * target, and, as Application Auto Scaling validates before it proceeds ("Permissions validation
   * for API calls on target resources", Application Auto Scaling User Guide), the caller's own
   * ecs:DescribeServices and ecs:UpdateService on the target service.
   */
  private static boolean registers(PolicyEvaluator role, String cluster, String service) {
    String target =
        "arn:aws:application-autoscaling:" + REGION + ":" + ACCOUNT + ":scalable-target/0123";
    return role.allows(
            Request.of("application-autoscaling:RegisterScalableTarget", target)
                .with("application-autoscaling:service-namespace", "ecs")
                .with("application-autoscaling:scalable-dimension", "ecs:service:DesiredCount"))
        && role.allows(Request.of("ecs:DescribeServices", service(cluster, service)))
        && role.allows(Request.of("ecs:UpdateService", service(cluster, service)));
  }

  private static String service(String cluster, String name) {
    return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":service/" + cluster + "/" + name;
  }
}
