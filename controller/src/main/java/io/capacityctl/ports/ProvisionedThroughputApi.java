package io.capacityctl.ports;

import java.util.List;

/**
 * The Bedrock provisioned-throughput calls capacityctl makes. Implemented by the SDK adapter and by
 * the simulated cloud; errors surface as {@link CloudException}.
 */
public interface ProvisionedThroughputApi {

  /** Every PT serving {@code modelId} (ours and others', committed or not), with tags. */
  List<ProvisionedThroughput> list(String modelId);

  /** Buys one no-commitment PT; a repeated token returns the PT the first call bought. */
  ProvisionedThroughput create(CreatePtRequest request);

  /** Deletes a PT; billing stops at once. */
  void delete(String arn);
}
