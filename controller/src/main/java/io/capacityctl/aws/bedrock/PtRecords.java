package io.capacityctl.aws.bedrock;

import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import java.time.Instant;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelStatus;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;

/** Turns Bedrock SDK shapes into {@link ProvisionedThroughput} records. */
final class PtRecords {
  private static final Logger LOG = LogManager.getLogger(PtRecords.class);

  private PtRecords() {}

  private static final String FOUNDATION_MODEL = "foundation-model/";

  /**
   * The model a PT serves, as {@link ProvisionedThroughput#modelId} holds it: a foundation model's
   * id (the end of {@code arn:aws:bedrock:<region>::foundation-model/<id>}), or the model's ARN.
   */
  static String modelOf(String modelArn, String foundationModelArn) {
    String arn = modelArn != null ? modelArn : foundationModelArn;
    if (arn == null) {
      return "";
    }
    int at = arn.indexOf(FOUNDATION_MODEL);
    return at < 0 ? arn : arn.substring(at + FOUNDATION_MODEL.length());
  }

  static ProvisionedThroughput fromSummary(
      ProvisionedModelSummary s, String modelId, Map<String, String> tags) {
    return record(
        s.provisionedModelArn(),
        s.provisionedModelName(),
        modelId,
        s.status(),
        s.statusAsString(),
        s.modelUnits(),
        s.desiredModelUnits(),
        s.commitmentDurationAsString() != null,
        s.creationTime(),
        tags,
        null);
  }

  static ProvisionedThroughput fromGet(
      GetProvisionedModelThroughputResponse r, String modelId, Map<String, String> tags) {
    return record(
        r.provisionedModelArn(),
        r.provisionedModelName(),
        modelId,
        r.status(),
        r.statusAsString(),
        r.modelUnits(),
        r.desiredModelUnits(),
        r.commitmentDurationAsString() != null,
        r.creationTime(),
        tags,
        r.failureMessage());
  }

  private static ProvisionedThroughput record(
      String arn,
      String name,
      String modelId,
      ProvisionedModelStatus sdkStatus,
      String rawStatus,
      Integer units,
      Integer desiredUnits,
      boolean committed,
      Instant createdAt,
      Map<String, String> tags,
      String failureMessage) {
    PtStatus status = status(sdkStatus, rawStatus, arn);
    return new ProvisionedThroughput(
        arn,
        name,
        modelId,
        units(status, units, desiredUnits),
        status,
        committed,
        createdAt,
        tags,
        failureMessage);
  }

  /**
   * An in-service PT counts what is allocated; one still being created counts what it will have
   * (Creating PTs count toward planned capacity, and allocation may lag the request).
   */
  private static int units(PtStatus status, Integer units, Integer desiredUnits) {
    if (status == PtStatus.IN_SERVICE || desiredUnits == null) {
      return units == null ? 0 : units;
    }
    return desiredUnits;
  }

  /**
   * A status this SDK does not know becomes UPDATING (transitional: not routed, not counted in
   * service), not FAILED: Failed makes the reconciler delete and re-buy the PT, and an unknown
   * status is no evidence of failure. It is logged so the gap is seen.
   */
  static PtStatus status(ProvisionedModelStatus s, String raw, String arn) {
    if (s == null) {
      LOG.warn("PT {} has no status; treating it as UPDATING", arn);
      return PtStatus.UPDATING;
    }
    return switch (s) {
      case CREATING -> PtStatus.CREATING;
      case IN_SERVICE -> PtStatus.IN_SERVICE;
      case UPDATING -> PtStatus.UPDATING;
      case FAILED -> PtStatus.FAILED;
      case UNKNOWN_TO_SDK_VERSION -> {
        LOG.warn("PT {} has status '{}' unknown to this SDK; treating it as UPDATING", arn, raw);
        yield PtStatus.UPDATING;
      }
    };
  }
}
