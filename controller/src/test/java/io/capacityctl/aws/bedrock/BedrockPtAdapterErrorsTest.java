package io.capacityctl.aws.bedrock;

import static io.capacityctl.aws.bedrock.BedrockPtAdapterTest.OUR_TAGS;
import static io.capacityctl.aws.bedrock.BedrockPtAdapterTest.PREFIX;
import static io.capacityctl.aws.bedrock.BedrockPtAdapterTest.REGION;
import static io.capacityctl.aws.bedrock.BedrockPtAdapterTest.SONNET;
import static io.capacityctl.aws.bedrock.BedrockPtAdapterTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.capacityctl.fake.bedrock.BedrockErrorCode;
import io.capacityctl.fake.bedrock.FakeBedrockServer;
import io.capacityctl.fake.bedrock.PtOperation;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.time.FakeClock;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * Each Bedrock error class, as the real SDK parses it off the wire, arrives as the right {@link
 * CloudException} kind naming the IAM action; retryable ones only after the SDK's retries.
 */
class BedrockPtAdapterErrorsTest {
  final FakeClock clock = new FakeClock(Instant.parse("2025-03-03T00:00:00Z"));
  FakeBedrockServer fake;
  BedrockClient client;
  BedrockPtAdapter adapter;

  @BeforeEach
  void start() {
    fake = FakeBedrockServer.start(clock, REGION);
    client = fake.clients().build(BedrockClient.builder());
    adapter = new BedrockPtAdapter(client, clock);
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  /** Runs {@code call}, asserts it failed with {@code kind} naming {@code action}, returns it. */
  static CloudException assertCloudError(ThrowingCallable call, Kind kind, String action) {
    CloudException e = catchThrowableOfType(CloudException.class, call);
    assertThat(e).as("expected a CloudException").isNotNull();
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.action()).isEqualTo(action);
    assertThat(e.getMessage()).contains(action);
    return e;
  }

  @Test
  void accessDeniedIsTerminalNamesThePermissionAndIsNotRetried() {
    fake.failNext(PtOperation.CREATE, 1, BedrockErrorCode.ACCESS_DENIED);

    boolean terminal =
        assertCloudError(
                () -> adapter.create(request(PREFIX + "a", 1, "tok-ad")),
                Kind.ACCESS_DENIED,
                "bedrock:CreateProvisionedModelThroughput")
            .terminal();
    assertThat(terminal).isTrue();
    assertThat(fake.calls(PtOperation.CREATE)).hasSize(1);
    assertThat(fake.plane().purchases()).isZero();
  }

  @Test
  void accessDeniedOnTagReadNamesListTagsForResource() {
    fake.plane().seed(PREFIX + "a", SONNET, 1, null, OUR_TAGS);
    fake.failNext(PtOperation.LIST_TAGS, 1, BedrockErrorCode.ACCESS_DENIED);

    assertCloudError(() -> adapter.list(SONNET), Kind.ACCESS_DENIED, "bedrock:ListTagsForResource");
  }

  @Test
  void persistentThrottlingSurfacesAfterTheSdkRetries() {
    fake.failNext(PtOperation.LIST, 10, BedrockErrorCode.THROTTLING);

    assertCloudError(
        () -> adapter.list(SONNET), Kind.THROTTLING, "bedrock:ListProvisionedModelThroughputs");
    // The SDK's adaptive mode made 3 attempts (1 + 2 retries) before giving up; we add none.
    assertThat(fake.calls(PtOperation.LIST)).hasSize(3);
  }

  @Test
  void aSingleThrottleIsAbsorbedByTheSdkRetry() {
    fake.failNext(PtOperation.CREATE, 1, BedrockErrorCode.THROTTLING);

    adapter.create(request(PREFIX + "a", 1, "tok-thr"));

    assertThat(fake.calls(PtOperation.CREATE)).hasSize(2);
    assertThat(fake.plane().purchases()).isEqualTo(1);
  }

  @Test
  void modelUnitQuotaIsQuotaExceededAndBuysNothing() {
    fake.plane().noCommitmentUnitQuota(3);
    adapter.create(request(PREFIX + "a", 2, "tok-q1"));

    assertCloudError(
        () -> adapter.create(request(PREFIX + "b", 2, "tok-q2")),
        Kind.QUOTA_EXCEEDED,
        "bedrock:CreateProvisionedModelThroughput");
    assertThat(fake.plane().purchases()).isEqualTo(1);
  }

  @Test
  void committedPtsAreNotCountedAgainstTheNoCommitmentQuota() {
    fake.plane().noCommitmentUnitQuota(2);
    fake.plane().seed("reserved", SONNET, 5, "OneMonth", Map.of());

    adapter.create(request(PREFIX + "a", 2, "tok-q3"));

    assertThat(fake.plane().purchases()).isEqualTo(1);
  }

  @Test
  void deletingACommittedPtIsRefusedAsConflictAndKeepsIt() {
    String arn = fake.plane().seed("reserved", SONNET, 2, "OneMonth", Map.of());

    assertCloudError(
        () -> adapter.delete(arn), Kind.CONFLICT, "bedrock:DeleteProvisionedModelThroughput");
    assertThat(fake.plane().arns()).containsExactly(arn);
  }

  @Test
  void aPtInUseIsConflictNotValidationDespiteItsStatus400() {
    String arn = fake.plane().seed(PREFIX + "a", SONNET, 1, null, OUR_TAGS);
    fake.failNext(PtOperation.DELETE, 1, BedrockErrorCode.RESOURCE_IN_USE);

    assertCloudError(
        () -> adapter.delete(arn), Kind.CONFLICT, "bedrock:DeleteProvisionedModelThroughput");
  }

  @Test
  void deletingAMissingPtIsNotFound() {
    assertCloudError(
        () ->
            adapter.delete("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/000000000099"),
        Kind.NOT_FOUND,
        "bedrock:DeleteProvisionedModelThroughput");
  }

  @Test
  void injectedNotFoundOnListIsNotFound() {
    fake.failNext(PtOperation.LIST, 1, BedrockErrorCode.RESOURCE_NOT_FOUND);

    assertCloudError(
        () -> adapter.list(SONNET), Kind.NOT_FOUND, "bedrock:ListProvisionedModelThroughputs");
  }

  @Test
  void anInvalidRequestIsValidationAndTerminal() {
    CloudException e =
        assertCloudError(
            () -> adapter.create(request(PREFIX + "a", 0, "tok-v")),
            Kind.VALIDATION,
            "bedrock:CreateProvisionedModelThroughput");
    assertThat(e.getMessage()).contains("ValidationException").contains("modelUnits");
    assertThat(e.terminal()).isTrue();
    assertThat(fake.calls(PtOperation.CREATE)).hasSize(1);
  }

  @Test
  void injectedValidationIsValidation() {
    fake.failNext(PtOperation.DELETE, 1, BedrockErrorCode.VALIDATION);
    String arn = fake.plane().seed(PREFIX + "a", SONNET, 1, null, OUR_TAGS);

    assertCloudError(
        () -> adapter.delete(arn), Kind.VALIDATION, "bedrock:DeleteProvisionedModelThroughput");
    assertThat(fake.plane().arns()).containsExactly(arn);
  }

  @Test
  void persistentServerErrorsAreUnavailableAfterRetries() {
    fake.failNext(PtOperation.CREATE, 10, BedrockErrorCode.INTERNAL_SERVER);

    assertCloudError(
        () -> adapter.create(request(PREFIX + "a", 1, "tok-500")),
        Kind.UNAVAILABLE,
        "bedrock:CreateProvisionedModelThroughput");
    assertThat(fake.calls(PtOperation.CREATE)).hasSize(3);
    assertThat(fake.plane().purchases()).isZero();
  }

  @Test
  void anUnreachableEndpointIsUnavailable() {
    fake.close();

    assertCloudError(
        () -> adapter.list(SONNET), Kind.UNAVAILABLE, "bedrock:ListProvisionedModelThroughputs");
  }
}
