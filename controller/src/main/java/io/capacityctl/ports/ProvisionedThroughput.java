package io.capacityctl.ports;

import java.time.Instant;
import java.util.List;
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

  /** The client request token the PT was bought with: ties it to its recorded purchase. */
  public static final String TAG_PURCHASE = "capacityctl:purchase";

  /** Every tag key capacityctl sets (IAM allows tagging with these only). */
  public static final List<String> TAG_KEYS =
      List.of(TAG_MANAGED_BY, TAG_CONFIG, TAG_MODEL, TAG_PURCHASE);

  public ProvisionedThroughput {
    tags = Map.copyOf(tags);
  }

  /** The tags of a PT capacityctl buys for {@code config}'s {@code modelKey} with {@code token}. */
  public static Map<String, String> tagsFor(String config, String modelKey, String token) {
    return Map.of(
        TAG_MANAGED_BY, MANAGED_BY_VALUE,
        TAG_CONFIG, config,
        TAG_MODEL, modelKey,
        TAG_PURCHASE, token);
  }

  /** The client request token it was bought with, or null (bought before purchases were tagged). */
  public String purchaseToken() {
    return tags.get(TAG_PURCHASE);
  }

  /** True when capacityctl created it for this config and model: the only PTs it may delete. */
  public boolean managedBy(String config, String modelKey) {
    return MANAGED_BY_VALUE.equals(tags.get(TAG_MANAGED_BY))
        && config.equals(tags.get(TAG_CONFIG))
        && modelKey.equals(tags.get(TAG_MODEL));
  }
}
