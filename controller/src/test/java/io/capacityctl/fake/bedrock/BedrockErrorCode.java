package io.capacityctl.fake.bedrock;

/**
 * The Bedrock control-plane errors the PT operations declare, with the HTTP status each carries on
 * the wire (bedrock 2023-04-20 service model, as registered in the 2.38.6 SDK client).
 */
public enum BedrockErrorCode {
  ACCESS_DENIED("AccessDeniedException", 403),
  THROTTLING("ThrottlingException", 429),
  SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 400),
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
  VALIDATION("ValidationException", 400),
  CONFLICT("ConflictException", 400),
  RESOURCE_IN_USE("ResourceInUseException", 400),
  TOO_MANY_TAGS("TooManyTagsException", 400),
  INTERNAL_SERVER("InternalServerException", 500),
  SERVICE_UNAVAILABLE("ServiceUnavailableException", 503);

  private final String wireName;
  private final int httpStatus;

  BedrockErrorCode(String wireName, int httpStatus) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
  }

  /** The error type sent in {@code x-amzn-ErrorType}, e.g. {@code ThrottlingException}. */
  public String wireName() {
    return wireName;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
