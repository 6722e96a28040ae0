package io.capacityctl.aws.bedrock;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrock.model.CreateProvisionedModelThroughputRequest;

/**
 * Refuses, before it leaves the process, any CreateProvisionedModelThroughput that carries a {@code
 * commitmentDuration}: a one- or six-month commitment cannot be deleted before its term, and IAM
 * has no condition key on that field, so the client itself is the guard. It sits on the Bedrock
 * client rather than in {@link BedrockPtAdapter} so that no code path holding the client — present
 * or future — can buy a commitment. capacityctl only ever buys hourly, no-commitment PTs.
 */
public final class NoCommitmentPurchases implements ExecutionInterceptor {

  /** The refusal: terminal, never retried (it happens before the SDK's retry loop). */
  public static final class Refused extends SdkClientException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(SdkClientException.builder().message(message));
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof CreateProvisionedModelThroughputRequest create
        && create.commitmentDurationAsString() != null) {
      throw new Refused(
          "refused to send CreateProvisionedModelThroughput '"
              + create.provisionedModelName()
              + "' with commitmentDuration "
              + create.commitmentDurationAsString()
              + ": a committed PT cannot be deleted before its term; capacityctl buys"
              + " no-commitment PTs only");
    }
  }
}
