package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Lambda mode: three SnapStart handlers on schedules in the configuration's time zone. */
class LambdaModeTest {
  private final Template template = Synthesized.lambda().template();

  static Stream<Arguments> jobs() {
    return Stream.of(
        Arguments.of("ReconcileHandler", 50, "rate(1 minute)", 2, 60),
        Arguments.of("HealthCheckHandler", 60, "rate(15 minutes)", 3, 600),
        Arguments.of("WasteReportHandler", 300, "cron(0 9 ? * MON *)", 10, 21600));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobs")
  void eachHandlerIsASnapStartFunctionOnAMaintainedJavaRuntime(String handler, int timeout) {
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler",
            "io.capacityctl.lambda." + handler + "::handleRequest",
            "Runtime",
            "java21",
            "SnapStart",
            Map.of("ApplyOn", "PublishedVersions"),
            "MemorySize",
            1024,
            "Timeout",
            timeout,
            "Role",
            Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of(roleId())))),
            "Environment",
            Map.of("Variables", Map.of("CAPACITYCTL_CONFIG", "schedules/mangaassist.yaml"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobs")
  void eachScheduleInvokesTheSnapStartAliasWithRetriesAndTheDeadLetterQueue(
      String handler, int timeout, String expression, int retries, int maxAgeSeconds) {
    template.hasResourceProperties(
        "AWS::Scheduler::Schedule",
        Map.of(
            "ScheduleExpression",
            expression,
            "ScheduleExpressionTimezone",
            "Asia/Tokyo",
            "State",
            "ENABLED",
            "Target",
            Match.objectLike(
                Map.of(
                    // A Ref to an alias is its ARN: never $LATEST, which has no snapshot.
                    "Arn", Map.of("Ref", Match.stringLikeRegexp("Lambda.*live.*")),
                    "RetryPolicy",
                        Map.of(
                            "MaximumRetryAttempts", retries,
                            "MaximumEventAgeInSeconds", maxAgeSeconds),
                    "DeadLetterConfig",
                        Map.of("Arn", Map.of("Fn::GetAtt", List.of(queueId(), "Arn")))))));
  }

  @Test
  void schedulesFollowTheConfigurationsTimeZone() {
    Map<String, Map<String, Object>> schedules =
        Synthesized.resourcesOf(Synthesized.fileConfig(), "AWS::Scheduler::Schedule");

    assertThat(schedules).hasSize(3);
    assertThat(schedules.values())
        .extracting(s -> s.get("ScheduleExpressionTimezone"))
        .containsOnly("America/New_York");
  }

  @Test
  void eachTickCarriesItsJobAndScheduledTime() {
    Map<String, Map<String, Object>> schedules =
        Synthesized.resourcesOf(Synthesized.lambda(), "AWS::Scheduler::Schedule");

    assertThat(schedules.values())
        .extracting(s -> String.valueOf(((Map<?, ?>) s.get("Target")).get("Input")))
        .allSatisfy(
            input ->
                assertThat(input)
                    .contains("\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"")
                    .contains("\"executionId\":\"<aws.scheduler.execution-id>\""))
        .anySatisfy(input -> assertThat(input).contains("\"job\":\"reconcile\""));
  }

  @Test
  void aHandlerErrorIsNotRetriedBehindTheNextTick() {
    // Reconcile and health check: the next tick re-runs the pass; the Errors alarm has the failure.
    template.resourcePropertiesCountIs(
        "AWS::Lambda::EventInvokeConfig",
        Map.of("MaximumRetryAttempts", 0, "Qualifier", "$LATEST"),
        2);
  }

  @Test
  void stateTableIsOnDemandWithRecoveryAndTtl() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "TableName", "capacityctl-mangaassist",
            "BillingMode", "PAY_PER_REQUEST",
            "KeySchema",
                List.of(
                    Map.of("AttributeName", "pk", "KeyType", "HASH"),
                    Map.of("AttributeName", "sk", "KeyType", "RANGE")),
            "AttributeDefinitions",
                List.of(
                    Map.of("AttributeName", "pk", "AttributeType", "S"),
                    Map.of("AttributeName", "sk", "AttributeType", "S")),
            "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
            "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    template.hasResource(
        "AWS::DynamoDB::Table",
        Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
  }

  @Test
  void aFileConfigurationTravelsInAnSsmParameterTheControllerReads() throws Exception {
    String yaml =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/newyork-models-only.yaml"));
    Template t = Synthesized.fileConfig().template();

    t.hasResourceProperties(
        "AWS::SSM::Parameter",
        Map.of("Name", "/capacityctl/newyork/config", "Value", yaml, "Tier", "Standard"));
    assertControllerReadsConfigFrom(t, "ssm:/capacityctl/newyork/config");
    template.resourceCountIs("AWS::SSM::Parameter", 0);
  }

  @Test
  void aConfigurationInS3IsReadFromTheObjectAndNotDelivered() {
    Template t = Synthesized.s3Config().template();

    assertControllerReadsConfigFrom(t, "s3://team-config/capacityctl/newyork.yaml");
    t.resourceCountIs("AWS::SSM::Parameter", 0);
  }

  private static void assertControllerReadsConfigFrom(Template t, String location) {
    t.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "Environment",
                Map.of("Variables", Match.objectLike(Map.of("CAPACITYCTL_CONFIG", location))))));
  }

  private String roleId() {
    return Synthesized.resourcesOf(Synthesized.lambda(), "AWS::IAM::Role").keySet().stream()
        .filter(id -> id.startsWith("ControllerRole"))
        .findFirst()
        .orElseThrow();
  }

  private static String queueId() {
    return Synthesized.resourcesOf(Synthesized.lambda(), "AWS::SQS::Queue")
        .keySet()
        .iterator()
        .next();
  }
}
