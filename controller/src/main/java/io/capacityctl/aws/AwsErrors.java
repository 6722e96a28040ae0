package io.capacityctl.aws;

import io.capacityctl.aws.bedrock.NoCommitmentPurchases;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CloudException.Kind;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where AWS SDK exceptions become {@link CloudException}s. The reconcile path acts on
 * the kind (terminal, retry next pass, cap the pool, rediscover), never on message text.
 */
public final class AwsErrors {
  private static final Set<String> ACCESS_DENIED =
      Set.of(
          "AccessDeniedException",
          "AccessDenied",
          "UnauthorizedOperation",
          "UnrecognizedClientException",
          "ExpiredTokenException",
          "InvalidClientTokenId");
  private static final Set<String> THROTTLING =
      Set.of(
          "ThrottlingException",
          "Throttling",
          "TooManyRequestsException",
          "RequestLimitExceeded",
          "ProvisionedThroughputExceededException",
          "RequestThrottled",
          // SSM PutParameter: concurrent updates to one parameter; retry next pass.
          "TooManyUpdates");
  private static final Set<String> QUOTA =
      Set.of("ServiceQuotaExceededException", "LimitExceededException");
  private static final Set<String> NOT_FOUND =
      Set.of(
          "ResourceNotFoundException",
          "ParameterNotFound",
          "ServiceNotFoundException",
          "ClusterNotFoundException",
          "ObjectNotFoundException");
  private static final Set<String> VALIDATION =
      Set.of(
          "ValidationException",
          "InvalidParameterException",
          "InvalidParameterValueException",
          "ValidationError",
          "TooManyTagsException");
  private static final Set<String> CONFLICT =
      Set.of(
          "ConflictException",
          "ConditionalCheckFailedException",
          "ConcurrentUpdateException",
          // Bedrock: the resource is being used by another operation (400, not 409).
          "ResourceInUseException",
          "TransactionCanceledException",
          "TransactionConflictException",
          "TransactionInProgressException");

  private AwsErrors() {}

  /** Runs one SDK call, classifying any failure against the action it performed. */
  public static <T> T call(AwsAction action, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw classify(action, e);
    }
  }

  /** Maps an SDK exception to its kind; unknown service errors by HTTP status. */
  public static CloudException classify(AwsAction action, SdkException e) {
    String where = action.iamAction();
    if (e instanceof AwsServiceException se) {
      String code = se.awsErrorDetails() == null ? null : se.awsErrorDetails().errorCode();
      String msg =
          se.awsErrorDetails() == null ? se.getMessage() : se.awsErrorDetails().errorMessage();
      return new CloudException(
          kindOf(code, se.statusCode(), se.isThrottlingException()),
          where,
          (code == null ? "" : code + ": ") + msg,
          e);
    }
    if (e instanceof NoCommitmentPurchases.Refused) {
      return new CloudException(Kind.VALIDATION, where, e.getMessage(), e);
    }
    if (e instanceof SdkClientException) {
      return new CloudException(Kind.UNAVAILABLE, where, e.getMessage(), e);
    }
    return new CloudException(Kind.UNAVAILABLE, where, e.getMessage(), e);
  }

  static Kind kindOf(String code, int status, boolean sdkSaysThrottling) {
    if (code != null) {
      if (ACCESS_DENIED.contains(code)) {
        return Kind.ACCESS_DENIED;
      }
      if (THROTTLING.contains(code)) {
        return Kind.THROTTLING;
      }
      if (QUOTA.contains(code)) {
        return Kind.QUOTA_EXCEEDED;
      }
      if (NOT_FOUND.contains(code)) {
        return Kind.NOT_FOUND;
      }
      if (VALIDATION.contains(code)) {
        return Kind.VALIDATION;
      }
      if (CONFLICT.contains(code)) {
        return Kind.CONFLICT;
      }
    }
    if (sdkSaysThrottling || status == 429) {
      return Kind.THROTTLING;
    }
    if (status == 403) {
      return Kind.ACCESS_DENIED;
    }
    if (status == 404) {
      return Kind.NOT_FOUND;
    }
    if (status == 409) {
      return Kind.CONFLICT;
    }
    if (status >= 400 && status < 500) {
      return Kind.VALIDATION;
    }
    return Kind.UNAVAILABLE;
  }
}
