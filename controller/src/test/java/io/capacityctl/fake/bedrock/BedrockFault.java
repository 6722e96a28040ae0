package io.capacityctl.fake.bedrock;

/** A modelled Bedrock error raised by the fake control plane; the server puts it on the wire. */
public final class BedrockFault extends RuntimeException {
  private final BedrockErrorCode code;

  public BedrockFault(BedrockErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public BedrockErrorCode code() {
    return code;
  }
}
