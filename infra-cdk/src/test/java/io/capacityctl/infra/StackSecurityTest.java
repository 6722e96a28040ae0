package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsClientFactory;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.state.LeaseManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

/**
 * Encryption where AWS offers it, no AWS managed policy on the controller role, a page on any
 * commitment purchase, and a reconcile timeout that fits the lease and agrees with docs/deploy.md.
 */
class StackSecurityTest {

  static Stream<Synthesized.Synth> bothModes() {
    return Stream.of(Synthesized.lambda(), Synthesized.ecs());
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void theAlarmTopicIsEncryptedWithARotatedKeyCloudWatchMayUseAndRefusesPlainHttp(
      Synthesized.Synth synth) {
    Map<String, Map<String, Object>> topics = Synthesized.resourcesOf(synth, "AWS::SNS::Topic");
    assertThat(topics).hasSize(1);
    Object keyRef = topics.values().iterator().next().get("KmsMasterKeyId");
    // A customer managed key: the AWS managed aws/sns key's policy cannot let CloudWatch alarms
    // (or EventBridge) publish to the topic.
    assertThat(Synthesized.pretty(keyRef)).contains("Fn::GetAtt").contains("Key");
    synth.template().hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    assertThat(Synthesized.pretty(Synthesized.resourcesOf(synth, "AWS::KMS::Key")))
        .contains("cloudwatch.amazonaws.com")
        .contains("events.amazonaws.com");
    assertThat(Synthesized.pretty(Synthesized.resourcesOf(synth, "AWS::SNS::TopicPolicy")))
        .contains("aws:SecureTransport");
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void theTableAndTheLogsAreEncryptedWithKms(Synthesized.Synth synth) {
    synth
        .template()
        .hasResourceProperties(
            "AWS::DynamoDB::Table",
            // SSEEnabled without a key: KMS with the AWS managed key aws/dynamodb.
            Map.of("SSESpecification", Map.of("SSEEnabled", true)));
    assertThat(Synthesized.pretty(Synthesized.resourcesOf(synth, "AWS::DynamoDB::Table")))
        .doesNotContain("KMSMasterKeyId");
    assertThat(Synthesized.resourcesOf(synth, "AWS::Logs::LogGroup").values())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).containsKey("KmsKeyId"));
  }

  @Test
  void theDeadLetterQueueIsEncryptedAndRefusesPlainHttp() {
    Synthesized.Synth synth = Synthesized.lambda();
    synth.template().hasResourceProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true));
    assertThat(Synthesized.pretty(Synthesized.resourcesOf(synth, "AWS::SQS::QueuePolicy")))
        .contains("aws:SecureTransport");
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void theControllerRoleCarriesNoAwsManagedPolicy(Synthesized.Synth synth) {
    String role =
        synth
            .stack()
            .getLogicalId(
                (software.amazon.awscdk.CfnElement)
                    synth.stack().controllerRole().getNode().getDefaultChild());
    assertThat(synth.resources().get(role).get("Properties"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .doesNotContainKey("ManagedPolicyArns");
  }

  @ParameterizedTest
  @MethodSource("bothModes")
  void aCommitmentPurchaseInTheAccountPagesTheTopic(Synthesized.Synth synth) {
    synth
        .template()
        .hasResourceProperties(
            "AWS::Events::Rule",
            Map.of(
                "EventPattern",
                Map.of(
                    "source",
                    List.of("aws.bedrock"),
                    "detail",
                    Match.objectLike(
                        Map.of(
                            "eventName",
                            List.of("CreateProvisionedModelThroughput"),
                            "requestParameters",
                            Map.of("commitmentDuration", List.of(Map.of("exists", true))))))));
  }

  @Test
  void theReconcileTimeoutEndsAPassWellInsideTheLeaseAndTheDocsSayIt() {
    Duration timeout = LambdaController.RECONCILE_TIMEOUT;
    synth()
        .template()
        .hasResourceProperties(
            "AWS::Lambda::Function",
            Map.of(
                "Handler",
                "io.capacityctl.lambda.ReconcileHandler::handleRequest",
                "Timeout",
                (int) timeout.toSeconds()));
    // Under the one-minute tick, and a pass killed at its timeout leaves the lease more than half
    // of its TTL before anyone may take it over.
    assertThat(timeout).isLessThan(Duration.ofMinutes(1));
    assertThat(timeout.multipliedBy(2)).isLessThan(LeaseTerms.DEFAULT_TTL);
    assertThat(DeployDocs.text())
        .contains("| reconcile | `rate(1 minute)` | " + timeout.toSeconds() + " s |");
  }

  @Test
  void everySdkCallEndsInsideTheReconcileTimeoutAndEveryPassInsideItsActingWindow() {
    Duration timeout = LambdaController.RECONCILE_TIMEOUT;
    // A call, retries included, is given up by the SDK before Lambda kills the invocation: the
    // pass reports it as a named failure instead of dying mid-step.
    assertThat(AwsClientFactory.API_CALL_TIMEOUT).isLessThan(timeout);
    // A whole invocation fits inside the acting window its lease opened (the TTL less the margin,
    // by its own monotonic clock): only a stall, never a slow pass, closes the fence on it.
    assertThat(timeout).isLessThan(LeaseTerms.DEFAULT_TTL.minus(LeaseManager.ACT_MARGIN));
    // And a call sent just before the window closes has ended before a contender may act.
    assertThat(AwsClientFactory.API_CALL_TIMEOUT).isLessThan(LeaseManager.ACT_MARGIN);
  }

  private static Synthesized.Synth synth() {
    return Synthesized.lambda();
  }
}
