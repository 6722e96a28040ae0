package io.capacityctl.ports;

import java.util.List;

/**
 * The Bedrock provisioned-throughput calls capacityctl makes. Implemented by the SDK adapter and by
 * the simulated cloud; errors surface as {@link CloudException}.
 */
public interface ProvisionedThroughputApi {

  /**
   * Every PT in the account and region (ours and others', any model, committed or not), with its
   * tags. A pass lists once and sorts the PTs by model itself: the API has no model or tag filter
   * that would make one call per model cheaper.
   */
  List<ProvisionedThroughput> listAll();

  /** Every PT serving {@code modelId} (ours and others', committed or not), with tags. */
  default List<ProvisionedThroughput> list(String modelId) {
    return listAll().stream().filter(pt -> pt.serves(modelId)).toList();
  }

  /** Buys one no-commitment PT; a repeated token returns the PT the first call bought. */
  ProvisionedThroughput create(CreatePtRequest request);

  /** Deletes a PT; billing stops at once. */
  void delete(String arn);
}
