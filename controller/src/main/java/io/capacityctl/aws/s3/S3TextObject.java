package io.capacityctl.aws.s3;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.ports.CloudException;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** One S3 object read whole as UTF-8 text; errors arrive classified against s3:GetObject. */
public final class S3TextObject {
  private final S3Client s3;
  private final S3Uri uri;

  public S3TextObject(S3Client s3, S3Uri uri) {
    this.s3 = s3;
    this.uri = uri;
  }

  /**
   * The object's text, or empty when there is no such key. A missing bucket is an error ({@code
   * NoSuchBucket}): the location itself is wrong.
   */
  public Optional<String> read() {
    try {
      return Optional.of(
          AwsErrors.call(
                  AwsAction.S3_GET_OBJECT,
                  () -> s3.getObjectAsBytes(r -> r.bucket(uri.bucket()).key(uri.key())))
              .asUtf8String());
    } catch (CloudException e) {
      if (e.getCause() instanceof NoSuchKeyException) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
