package io.capacityctl.fake.bedrock;

import java.util.Map;

/**
 * One request the fake received, as it came over the wire, and how it answered.
 *
 * @param errorCode the error sent back, or null on success
 */
public record RecordedCall(
    PtOperation operation,
    String method,
    String path,
    Map<String, String> query,
    String body,
    int status,
    String errorCode) {
  public RecordedCall {
    query = Map.copyOf(query);
  }
}
