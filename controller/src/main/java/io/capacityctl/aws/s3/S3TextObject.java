package io.capacityctl.aws.s3;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.ports.CloudException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** One S3 object read as UTF-8 text; errors arrive classified against s3:GetObject. */
public final class S3TextObject {
  private final S3Client s3;
  private final S3Uri uri;

  public S3TextObject(S3Client s3, S3Uri uri) {
    this.s3 = s3;
    this.uri = uri;
  }

  /** An object larger than the reader takes: refused from its size, without reading it. */
  public static final class TooLargeException extends RuntimeException {
    private final long bytes;

    TooLargeException(long bytes) {
      super("the object is " + bytes + " bytes");
      this.bytes = bytes;
    }

    /** The object's size, or -1 when S3 did not say and the reading stopped at the limit. */
    public long bytes() {
      return bytes;
    }
  }

  /**
   * The object's text, or empty when there is no such key. A missing bucket is an error ({@code
   * NoSuchBucket}): the location itself is wrong.
   *
   * @param maxBytes the most it reads: a larger object is refused by its Content-Length before its
   *     body is read (a configuration in S3 may be anything, a 2 GB object would not fit in memory)
   * @throws TooLargeException for an object over {@code maxBytes}
   */
  public Optional<String> read(int maxBytes) {
    ResponseInputStream<GetObjectResponse> in;
    try {
      in =
          AwsErrors.call(
              AwsAction.S3_GET_OBJECT,
              () -> s3.getObject(r -> r.bucket(uri.bucket()).key(uri.key())));
    } catch (CloudException e) {
      if (e.getCause() instanceof NoSuchKeyException) {
        return Optional.empty();
      }
      throw e;
    }
    try (in) {
      Long size = in.response().contentLength();
      if (size != null && size > maxBytes) {
        in.abort();
        throw new TooLargeException(size);
      }
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        in.abort();
        throw new TooLargeException(-1);
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CloudException(
          CloudException.Kind.UNAVAILABLE,
          AwsAction.S3_GET_OBJECT.iamAction(),
          "reading the object: " + e.getMessage(),
          e);
    }
  }
}
