package io.capacityctl.infra.nag;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Stack;

/**
 * Every cdk-nag AwsSolutions finding the stack accepts, with its reason, in one place (listed in
 * docs/deploy.md; {@code NagTest} keeps the two in step). Each is scoped: to the resources at one
 * construct path, and for IAM5 to the wildcard resources it excuses (a regular expression over
 * cdk-nag's {@code Resource::...} strings, so it holds for any configuration name and region).
 */
public final class NagSuppressionList {
  private NagSuppressionList() {}

  /**
   * One accepted finding.
   *
   * @param path the construct path under the stack ({@code ControllerRole/DefaultPolicy/Resource});
   *     a path absent from a stack (the ECS parts in Lambda mode) is skipped
   * @param rule the rule id ({@code AwsSolutions-IAM5})
   * @param appliesTo a regular expression over the finding's resource string, or null for all
   */
  public record Suppression(String path, String rule, String appliesTo, String reason) {}

  private static final String POLICY = "ControllerRole/DefaultPolicy/Resource";
  private static final String IAM5 = "AwsSolutions-IAM5";

  public static List<Suppression> all() {
    return List.of(
        new Suppression(
            POLICY,
            IAM5,
            "^Resource::\\*$",
            "bedrock:ListProvisionedModelThroughputs, cloudwatch:GetMetricData,"
                + " sts:GetCallerIdentity and application-autoscaling:DescribeScalableTargets have"
                + " no resource type in IAM: * is the only resource they take (a resource"
                + " wildcard, never an action one)."),
        new Suppression(
            POLICY,
            IAM5,
            "^Resource::arn:<AWS::Partition>:bedrock:[^:]*:<AWS::AccountId>:provisioned-model/\\*$",
            "PT ids are random, not our names: the role reads any PT of its account and region to"
                + " find its own by their tags, and every write is conditioned on tags (tag only a"
                + " PT without a managed-by tag, delete only one whose managed-by and"
                + " capacityctl:config tags are ours)."),
        new Suppression(
            POLICY,
            IAM5,
            "^Resource::arn:<AWS::Partition>:ssm:[^:]*:<AWS::AccountId>:parameter/capacityctl/[^/]*/\\*$",
            "ssm:GetParameter only, under the configuration's own prefix (its configuration and"
                + " routes); the one SSM write, ssm:PutParameter, names the routes parameter in"
                + " full."),
        new Suppression(
            POLICY,
            IAM5,
            "^Resource::arn:<AWS::Partition>:application-autoscaling:[^:]*:<AWS::AccountId>:scalable-target/\\*$",
            "Scalable target ids are random: RegisterScalableTarget is conditioned on namespace ecs"
                + " and dimension ecs:service:DesiredCount, and Application Auto Scaling also"
                + " requires the caller's own ecs:UpdateService on the target service, which the"
                + " role holds on the configured service only."),
        new Suppression(
            POLICY,
            IAM5,
            "^Resource::arn:<AWS::Partition>:dynamodb:[^:]*:<AWS::AccountId>:table/\\*$",
            "dynamodb:GetItem only, and only of items in HEARTBEAT#* partitions"
                + " (dynamodb:LeadingKeys): other configurations keep their heartbeats in tables of"
                + " any name, and reading whether they are alive is how the orphan sweep tells a"
                + " live fleet from an orphaned one; nothing else of those tables is readable."),
        new Suppression(
            "Ecs/Task/ExecutionRole/DefaultPolicy/Resource",
            IAM5,
            "^Resource::\\*$",
            "CDK's task execution role: ecr:GetAuthorizationToken has no resource type; the image"
                + " pull itself is scoped to the asset repository and the log writes to the"
                + " stack's log group."),
        new Suppression(
            "Ecs/Cluster/Resource",
            "AwsSolutions-ECS4",
            null,
            "One controller task: its heartbeat, degradation-level and /healthz alarms say whether"
                + " it works; Container Insights would bill per-task metrics nobody reads."),
        new Suppression(
            "Ecs/Task/Resource",
            "AwsSolutions-ECS2",
            null,
            "The one variable, CAPACITYCTL_CONFIG, is a location (a bundled name, ssm: or s3:),"
                + " not a secret; the configuration it names is read at run time."),
        new Suppression(
            "Network/Resource",
            "AwsSolutions-VPC7",
            null,
            "Public subnets with no inbound rule and one task that only calls AWS APIs over HTTPS:"
                + " flow logs would bill log ingestion for nothing but traffic to AWS endpoints."
                + " Deploy into an account VPC with flow logs if your policy requires them."),
        new Suppression(
            "Lambda/DeadLetters/Resource",
            "AwsSolutions-SQS3",
            null,
            "This queue is the dead-letter queue of the EventBridge Scheduler schedules (a"
                + " Scheduler DLQ, not an SQS redrive, so cdk-nag cannot see it); the"
                + " schedule-dead-letters alarm pages on any message in it."),
        new Suppression(
            "Lambda",
            "AwsSolutions-L1",
            null,
            "java21 (Amazon Linux 2023, SnapStart, supported into 2029) is the runtime the"
                + " handlers are built and tested for; a newer Java runtime is a change to test on"
                + " its own, not a lint fix."));
  }

  /** Adds the suppressions whose path exists in {@code stack}. */
  public static void applyTo(Stack stack) {
    for (Suppression s : all()) {
      if (stack.getNode().tryFindChild(s.path().split("/")[0]) == null) {
        continue;
      }
      NagPackSuppression.Builder n = NagPackSuppression.builder().id(s.rule()).reason(s.reason());
      if (s.appliesTo() != null) {
        n.appliesTo(
            new ArrayList<>(
                List.of(RegexAppliesTo.builder().regex("/" + s.appliesTo() + "/g").build())));
      }
      NagSuppressions.addResourceSuppressionsByPath(
          stack, "/" + stack.getStackName() + "/" + s.path(), List.of(n.build()), true);
    }
  }
}
