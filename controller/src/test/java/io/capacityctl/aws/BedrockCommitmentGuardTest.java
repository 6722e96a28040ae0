package io.capacityctl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.fake.bedrock.FakeBedrockServer;
import io.capacityctl.fake.bedrock.PtOperation;
import io.capacityctl.ports.CloudException;
import io.capacityctl.time.FakeClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.CreateProvisionedModelThroughputResponse;

/**
 * Issue 17 point 2: a one- or six-month commitment cannot be deleted before its term, and no IAM
 * condition key covers {@code commitmentDuration}, so the code is what stands in the way. The
 * Bedrock client every entry point builds refuses such a purchase before it leaves the process,
 * whatever code sends it.
 */
class BedrockCommitmentGuardTest {
  static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

  final FakeClock clock = new FakeClock(Instant.parse("2025-03-03T00:00:00Z"));
  FakeBedrockServer fake;
  BedrockClient client;

  @BeforeEach
  void start() {
    fake = FakeBedrockServer.start(clock, "us-east-1");
    client = AwsClientsModule.bedrock(fake.clients());
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void theControllersBedrockClientNeverSendsACommitmentPurchase() {
    // The SDK's two terms, and a raw value the SDK's enum does not know.
    for (String term : new String[] {"OneMonth", "SixMonths", "TwelveMonths"}) {
      assertThatThrownBy(() -> buy("reserved-" + term, term))
          .hasMessageContaining("commitmentDuration " + term)
          .hasMessageContaining("cannot be deleted before its term");
    }

    assertThat(fake.calls(PtOperation.CREATE)).as("nothing reached Bedrock").isEmpty();
    assertThat(fake.plane().purchases()).isZero();
  }

  @Test
  void aNoCommitmentPurchaseStillGoesThrough() {
    buy("hourly", null);

    assertThat(fake.plane().purchases()).isEqualTo(1);
  }

  @Test
  void aRefusedCommitmentIsATerminalValidationErrorOnTheCreateAction() {
    assertThatThrownBy(
            () ->
                AwsErrors.call(
                    AwsAction.BEDROCK_CREATE_PT,
                    () -> buy("reserved", CommitmentDuration.ONE_MONTH.toString())))
        .isInstanceOfSatisfying(
            CloudException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CloudException.Kind.VALIDATION);
              assertThat(e.terminal()).isTrue();
              assertThat(e.action()).isEqualTo("bedrock:CreateProvisionedModelThroughput");
            });
  }

  private CreateProvisionedModelThroughputResponse buy(String name, String commitment) {
    return client.createProvisionedModelThroughput(
        r ->
            r.modelId(MODEL)
                .modelUnits(1)
                .provisionedModelName(name)
                .commitmentDuration(commitment));
  }
}
