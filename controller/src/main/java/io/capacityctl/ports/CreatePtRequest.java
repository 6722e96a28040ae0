package io.capacityctl.ports;

import java.util.Map;

/**
 * A request to buy one no-commitment PT.
 *
 * @param clientRequestToken idempotency token: the same token never buys twice
 */
public record CreatePtRequest(
    String name, String modelId, int units, String clientRequestToken, Map<String, String> tags) {
  public CreatePtRequest {
    tags = Map.copyOf(tags);
  }
}
