package io.capacityctl.fake.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.time.FakeClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.ConflictException;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelStatus;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

/** The fake's own contract, checked with the plain SDK client (no capacityctl code in between). */
class FakeBedrockServerTest {
  static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

  final FakeClock clock = new FakeClock(Instant.parse("2025-03-03T00:00:00Z"));
  FakeBedrockServer fake;
  BedrockClient sdk;

  @BeforeEach
  void start() {
    fake = FakeBedrockServer.start(clock, "ap-northeast-1");
    sdk =
        BedrockClient.builder()
            .region(Region.AP_NORTHEAST_1)
            .endpointOverride(fake.endpoint())
            .credentialsProvider(FakeBedrockServer.CREDENTIALS)
            .build();
  }

  @AfterEach
  void stop() {
    sdk.close();
    fake.close();
  }

  @Test
  void updateRenamesButCannotResize() {
    String arn =
        sdk.createProvisionedModelThroughput(
                r -> r.modelId(MODEL).modelUnits(2).provisionedModelName("before"))
            .provisionedModelArn();

    sdk.updateProvisionedModelThroughput(
        r -> r.provisionedModelId(arn).desiredProvisionedModelName("after"));

    GetProvisionedModelThroughputResponse pt =
        sdk.getProvisionedModelThroughput(r -> r.provisionedModelId("after"));
    assertThat(pt.provisionedModelArn()).isEqualTo(arn);
    assertThat(pt.modelUnits()).isEqualTo(2);
    assertThat(pt.foundationModelArn())
        .isEqualTo("arn:aws:bedrock:ap-northeast-1::foundation-model/" + MODEL);
    assertThat(fake.calls(PtOperation.UPDATE))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).doesNotContain("Units"));
  }

  @Test
  void committedPtBecomesDeletableOnlyAfterItsTerm() {
    String arn =
        sdk.createProvisionedModelThroughput(
                r ->
                    r.modelId(MODEL)
                        .modelUnits(1)
                        .provisionedModelName("reserved")
                        .commitmentDuration(CommitmentDuration.ONE_MONTH))
            .provisionedModelArn();
    clock.advance(Duration.ofDays(30));

    assertThatThrownBy(() -> sdk.deleteProvisionedModelThroughput(r -> r.provisionedModelId(arn)))
        .isInstanceOf(ConflictException.class);
    assertThat(
            sdk.getProvisionedModelThroughput(r -> r.provisionedModelId(arn))
                .commitmentExpirationTime())
        .isEqualTo(Instant.parse("2025-04-03T00:00:00Z"));

    clock.set(Instant.parse("2025-04-03T00:00:00Z"));
    sdk.deleteProvisionedModelThroughput(r -> r.provisionedModelId(arn));
    assertThat(fake.plane().arns()).isEmpty();
  }

  @Test
  void aCommitmentPurchaseIsAcceptedAsTheRealApiDoesButFlagged() {
    String hourly =
        sdk.createProvisionedModelThroughput(
                r -> r.modelId(MODEL).modelUnits(1).provisionedModelName("hourly"))
            .provisionedModelArn();
    String committed =
        sdk.createProvisionedModelThroughput(
                r ->
                    r.modelId(MODEL)
                        .modelUnits(1)
                        .provisionedModelName("reserved")
                        .commitmentDuration(CommitmentDuration.SIX_MONTHS))
            .provisionedModelArn();

    assertThat(fake.plane().commitmentPurchases())
        .containsExactly(committed)
        .doesNotContain(hourly);
  }

  @Test
  void withCommitmentsDeniedACommitmentPurchaseFailsLoudlyAndBuysNothing() {
    fake.plane().denyCommitmentPurchases();

    assertThatThrownBy(
            () ->
                sdk.createProvisionedModelThroughput(
                    r ->
                        r.modelId(MODEL)
                            .modelUnits(1)
                            .provisionedModelName("reserved")
                            .commitmentDuration(CommitmentDuration.ONE_MONTH)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("explicit deny");
    sdk.createProvisionedModelThroughput(
        r -> r.modelId(MODEL).modelUnits(1).provisionedModelName("hourly"));

    assertThat(fake.plane().purchases()).isEqualTo(1);
    assertThat(fake.plane().commitmentPurchases()).isEmpty();
  }

  @Test
  void listRejectsPagesAboveTheApiMaximumAndFiltersByStatus() {
    fake.plane().seed("old", MODEL, 1, null, Map.of());
    sdk.createProvisionedModelThroughput(
        r -> r.modelId(MODEL).modelUnits(1).provisionedModelName("new"));

    assertThatThrownBy(() -> sdk.listProvisionedModelThroughputs(r -> r.maxResults(1001)))
        .isInstanceOf(ValidationException.class);
    assertThat(
            sdk.listProvisionedModelThroughputs(
                    r -> r.statusEquals(ProvisionedModelStatus.CREATING))
                .provisionedModelSummaries())
        .singleElement()
        .satisfies(s -> assertThat(s.provisionedModelName()).isEqualTo("new"));
  }

  @Test
  void aTakenNameIsRefusedWithoutAPurchase() {
    fake.plane().seed("taken", MODEL, 1, null, Map.of());

    assertThatThrownBy(
            () ->
                sdk.createProvisionedModelThroughput(
                    r -> r.modelId(MODEL).modelUnits(1).provisionedModelName("taken")))
        .isInstanceOf(ValidationException.class);
    assertThat(fake.plane().purchases()).isZero();
  }

  @Test
  void unsignedRequestsAreRefused() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(fake.endpoint() + "/provisioned-model-throughputs"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("MissingAuthenticationTokenException:"));
  }
}
