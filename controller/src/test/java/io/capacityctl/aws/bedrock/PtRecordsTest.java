package io.capacityctl.aws.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.PtStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelStatus;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;

/** Which PTs serve a model, and how SDK statuses and units become the port's. */
class PtRecordsTest {
  static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
  static final String HAIKU_ARN = "arn:aws:bedrock:us-east-1::foundation-model/" + HAIKU;

  @Test
  void aPtServesTheModelNamedAtTheEndOfItsFoundationModelArn() {
    assertThat(serves(HAIKU, null, HAIKU_ARN)).isTrue();
    assertThat(serves(HAIKU, HAIKU_ARN, null)).isTrue();
    assertThat(serves(HAIKU_ARN, null, HAIKU_ARN)).isTrue();
    assertThat(serves(HAIKU, null, HAIKU_ARN + ":200k")).isFalse();
    assertThat(serves(HAIKU + ":200k", null, HAIKU_ARN)).isFalse();
    assertThat(serves("claude-3-haiku-20240307-v1:0", null, HAIKU_ARN)).isFalse();
  }

  @Test
  void aPtOfAModelThatIsNotAFoundationModelServesThatModelsArn() {
    String custom = "arn:aws:bedrock:us-east-1:123456789012:custom-model/haiku/abc123";

    assertThat(PtRecords.modelOf(custom, HAIKU_ARN)).isEqualTo(custom);
    assertThat(serves(custom, custom, HAIKU_ARN)).isTrue();
    assertThat(serves(HAIKU, custom, HAIKU_ARN)).isFalse();
  }

  /** Whether a PT listed with these model ARNs serves the model a configuration names so. */
  private static boolean serves(String configured, String modelArn, String foundationModelArn) {
    ProvisionedModelSummary s =
        ProvisionedModelSummary.builder()
            .provisionedModelArn("arn:pt")
            .provisionedModelName("p")
            .modelArn(modelArn)
            .foundationModelArn(foundationModelArn)
            .status("InService")
            .modelUnits(1)
            .build();
    return PtRecords.fromSummary(s, PtRecords.modelOf(modelArn, foundationModelArn), Map.of())
        .serves(configured);
  }

  @Test
  void aStatusUnknownToThisSdkIsTransitionalNotFailed() {
    ProvisionedModelStatus future = ProvisionedModelStatus.fromValue("Migrating");

    assertThat(future).isEqualTo(ProvisionedModelStatus.UNKNOWN_TO_SDK_VERSION);
    assertThat(PtRecords.status(future, "Migrating", "arn:pt")).isEqualTo(PtStatus.UPDATING);
  }

  @Test
  void aCreatingPtCountsTheUnitsItWillHaveAndAnInServiceOneWhatItHas() {
    ProvisionedModelSummary.Builder base =
        ProvisionedModelSummary.builder()
            .provisionedModelArn("arn:pt")
            .provisionedModelName("p")
            .foundationModelArn(HAIKU_ARN)
            .creationTime(Instant.EPOCH)
            .modelUnits(1)
            .desiredModelUnits(3);

    assertThat(PtRecords.fromSummary(base.status("Creating").build(), HAIKU, Map.of()).modelUnits())
        .isEqualTo(3);
    assertThat(
            PtRecords.fromSummary(base.status("InService").build(), HAIKU, Map.of()).modelUnits())
        .isEqualTo(1);
  }
}
