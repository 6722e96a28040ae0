package io.capacityctl.infra.iamsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.infra.iamsim.PolicyEvaluator.Decision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator the role simulation relies on, checked against IAM's documented semantics. */
class PolicyEvaluatorTest {
  private static final String PT = "arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abc";

  private static Map<String, Object> allow(Object action, Object resource, Map<String, ?> cond) {
    return cond.isEmpty()
        ? Map.of("Effect", "Allow", "Action", action, "Resource", resource)
        : Map.of("Effect", "Allow", "Action", action, "Resource", resource, "Condition", cond);
  }

  @Test
  void nothingMatchingIsAnImplicitDenyAndAnExplicitDenyBeatsAnAllow() {
    Map<String, Object> allowAll = allow("bedrock:*", "*", Map.of());
    Map<String, Object> denyDelete =
        Map.of(
            "Effect",
            "Deny",
            "Action",
            "bedrock:DeleteProvisionedModelThroughput",
            "Resource",
            "*");

    assertThat(new PolicyEvaluator(List.of()).evaluate(Request.of("bedrock:GetX", PT)))
        .isEqualTo(Decision.IMPLICIT_DENY);
    PolicyEvaluator both = new PolicyEvaluator(List.of(allowAll, denyDelete));
    assertThat(both.evaluate(Request.of("bedrock:DeleteProvisionedModelThroughput", PT)))
        .isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(both.evaluate(Request.of("bedrock:GetProvisionedModelThroughput", PT)))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void actionsMatchCaseInsensitivelyWithWildcardsResourcesPerArnComponent() {
    PolicyEvaluator p =
        new PolicyEvaluator(
            List.of(
                allow(
                    "bedrock:Get*",
                    "arn:aws:bedrock:us-east-1:111122223333:provisioned-model/*",
                    Map.of())));

    assertThat(p.allows(Request.of("BEDROCK:getprovisionedmodelthroughput", PT))).isTrue();
    assertThat(p.allows(Request.of("bedrock:ListProvisionedModelThroughputs", PT))).isFalse();
    // Another account, another region, another resource type: a wildcard does not cross a colon.
    assertThat(p.allows(Request.of("bedrock:GetX", PT.replace("111122223333", "999988887777"))))
        .isFalse();
    assertThat(p.allows(Request.of("bedrock:GetX", PT.replace("us-east-1", "eu-west-1"))))
        .isFalse();
    assertThat(
            p.allows(
                Request.of(
                    "bedrock:GetX", "arn:aws:bedrock:us-east-1:111122223333:custom-model/abc")))
        .isFalse();
    assertThat(PolicyEvaluator.arnLike("arn:aws:ssm:*:*:parameter/a/*", "arn:aws:ssm:r:1:x/a/b"))
        .isFalse();
    assertThat(PolicyEvaluator.glob("a?c", "abc")).isTrue();
    assertThat(PolicyEvaluator.glob("a?c", "abbc")).isFalse();
    assertThat(PolicyEvaluator.glob("a.c", "abc")).as("regex characters are literal").isFalse();
  }

  @Test
  void singleValuedOperatorsAreFalseOnAnAbsentKeyUnlessIfExists() {
    Request none = Request.of("a:B", "*");
    Request tagged = none.with("aws:ResourceTag/team", "x");

    assertThat(
            PolicyEvaluator.condition("StringEquals", "aws:ResourceTag/team", List.of("x"), none))
        .isFalse();
    assertThat(
            PolicyEvaluator.condition(
                "StringEqualsIfExists", "aws:ResourceTag/team", List.of("x"), none))
        .isTrue();
    assertThat(
            PolicyEvaluator.condition(
                "StringEquals", "AWS:RESOURCETAG/TEAM", List.of("y", "x"), tagged))
        .as("key names are case-insensitive; listed values are ORed")
        .isTrue();
    assertThat(
            PolicyEvaluator.condition("StringEquals", "aws:ResourceTag/team", List.of("X"), tagged))
        .as("values are case-sensitive")
        .isFalse();
    assertThat(
            PolicyEvaluator.condition(
                "StringNotEquals", "aws:ResourceTag/team", List.of("y"), tagged))
        .isTrue();
    assertThat(
            PolicyEvaluator.condition("StringLike", "aws:ResourceTag/team", List.of("*"), tagged))
        .isTrue();
    assertThat(
            PolicyEvaluator.condition(
                "Bool",
                "aws:SecureTransport",
                List.of("true"),
                none.with("aws:SecureTransport", "TRUE")))
        .isTrue();
  }

  @Test
  void nullTestsPresenceAndTheSetOperatorsTreatAnAbsentKeyAsIamDoes() {
    Request none = Request.of("a:B", "*");
    Request keys = none.with("aws:TagKeys", "managed-by", "team");

    assertThat(PolicyEvaluator.condition("Null", "aws:ResourceTag/x", List.of("true"), none))
        .isTrue();
    assertThat(PolicyEvaluator.condition("Null", "aws:TagKeys", List.of("true"), keys)).isFalse();
    assertThat(PolicyEvaluator.condition("Null", "aws:TagKeys", List.of("false"), keys)).isTrue();
    // ForAllValues is vacuously true without the key: why a create condition also needs a
    // StringEquals on a request tag.
    assertThat(
            PolicyEvaluator.condition(
                "ForAllValues:StringEquals", "aws:TagKeys", List.of("managed-by"), none))
        .isTrue();
    assertThat(
            PolicyEvaluator.condition(
                "ForAllValues:StringEquals", "aws:TagKeys", List.of("managed-by"), keys))
        .isFalse();
    assertThat(
            PolicyEvaluator.condition(
                "ForAllValues:StringLike", "aws:TagKeys", List.of("managed-by", "t*"), keys))
        .isTrue();
    assertThat(
            PolicyEvaluator.condition(
                "ForAnyValue:StringEquals", "aws:TagKeys", List.of("team"), keys))
        .isTrue();
    assertThat(
            PolicyEvaluator.condition(
                "ForAnyValue:StringEquals", "aws:TagKeys", List.of("team"), none))
        .isFalse();
  }

  @Test
  void whatItDoesNotEvaluateItRefuses() {
    Request keys = Request.of("a:B", "*").with("aws:TagKeys", "a", "b");

    assertThatThrownBy(
            () ->
                PolicyEvaluator.condition(
                    "NumericLessThan", "k", List.of("1"), keys.with("k", "0")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () -> PolicyEvaluator.condition("StringEquals", "aws:TagKeys", List.of("a"), keys))
        .hasMessageContaining("multi-valued");
    assertThatThrownBy(
            () ->
                new PolicyEvaluator(
                    List.of(Map.of("Effect", "Allow", "NotAction", "iam:*", "Resource", "*"))))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void templateIntrinsicsResolveToTheArnsIamSees() {
    TemplateValues values =
        new TemplateValues(
            Map.of(
                "StateTable",
                Map.of("Type", "AWS::DynamoDB::Table", "Properties", Map.of("TableName", "t"))),
            "us-east-1");

    assertThat(
            values.resolve(
                Map.of(
                    "Fn::Join",
                    List.of(
                        "",
                        List.of(
                            "arn:",
                            Map.of("Ref", "AWS::Partition"),
                            ":bedrock:us-east-1:",
                            Map.of("Ref", "AWS::AccountId"),
                            ":provisioned-model/*")))))
        .isEqualTo("arn:aws:bedrock:us-east-1:111122223333:provisioned-model/*");
    assertThat(values.resolve(Map.of("Fn::GetAtt", List.of("StateTable", "Arn"))))
        .isEqualTo("arn:aws:dynamodb:us-east-1:111122223333:table/t");
    assertThatThrownBy(() -> values.resolve(Map.of("Fn::Sub", "x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
