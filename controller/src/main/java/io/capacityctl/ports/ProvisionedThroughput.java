package io.capacityctl.ports;

import java.time.Instant;
import java.util.Map;

/**
 * One Bedrock provisioned throughput (PT) as read from the control plane. Units are fixed for the
 * life of a PT: scaling means creating and deleting PTs.
 *
 * @param modelId the base model id the PT serves
 * @param committed true when it has a commitment term: never deleted, counts as a fixed floor
 * @param tags the PT's tags (ours carry {@code managed-by=capacityctl})
 */
public record ProvisionedThroughput(
    String arn,
    String name,
    String modelId,
    int modelUnits,
    PtStatus status,
    boolean committed,
    Instant createdAt,
    Map<String, String> tags,
    String failureMessage) {

  public static final String TAG_MANAGED_BY = "managed-by";
  public static final String MANAGED_BY_VALUE = "capacityctl";
  public static final String TAG_CONFIG = "capacityctl:config";
  public static final String TAG_MODEL = "capacityctl:model";

  public ProvisionedThroughput {
    tags = Map.copyOf(tags);
  }

  /** True when capacityctl created it for this config and model: the only PTs it may delete. */
  public boolean managedBy(String config, String modelKey) {
    return MANAGED_BY_VALUE.equals(tags.get(TAG_MANAGED_BY))
        && config.equals(tags.get(TAG_CONFIG))
        && modelKey.equals(tags.get(TAG_MODEL));
  }
}
