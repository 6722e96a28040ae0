package io.capacityctl.ports;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One Bedrock provisioned throughput (PT) as read from the control plane. Units are fixed for the
 * life of a PT: scaling means creating and deleting PTs.
 *
 * @param modelId the model the PT serves: a foundation model's id (e.g. {@code
 *     anthropic.claude-3-haiku-20240307-v1:0}), or the model's ARN when it is not a foundation
 *     model; see {@link #serves}
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

  /**
   * The state table of the configuration that bought the PT: where other configurations'
   * controllers read whether that configuration is still alive (its heartbeat), whatever it named
   * its table.
   */
  public static final String TAG_STATE_TABLE = "capacityctl:state-table";

  /** Every tag key capacityctl sets (IAM allows tagging with these only). */
  public static final List<String> TAG_KEYS =
      List.of(TAG_MANAGED_BY, TAG_CONFIG, TAG_MODEL, TAG_PURCHASE, TAG_STATE_TABLE);

  public ProvisionedThroughput {
    tags = PtTags.of(tags);
  }

  /** The tags as made by the constructor: the ones read every pass already read. */
  private PtTags read() {
    return (PtTags) tags;
  }

  /**
   * The tags of a PT capacityctl buys for {@code config}'s {@code modelKey} with {@code token}, the
   * configuration keeping its state (and heartbeat) in {@code stateTable}.
   */
  public static Map<String, String> tagsFor(
      String config, String stateTable, String modelKey, String token) {
    return Map.of(
        TAG_MANAGED_BY, MANAGED_BY_VALUE,
        TAG_CONFIG, config,
        TAG_MODEL, modelKey,
        TAG_PURCHASE, token,
        TAG_STATE_TABLE, stateTable);
  }

  /** The client request token it was bought with, or null (bought before purchases were tagged). */
  public String purchaseToken() {
    return read().purchase;
  }

  /** True when capacityctl created it for this config and model: the only PTs it may delete. */
  public boolean managedBy(String config, String modelKey) {
    return managed() && config.equals(configTag()) && modelKey.equals(modelTag());
  }

  /**
   * True when capacityctl created it for one of {@code configs} (a configuration and the old names
   * it adopts) and for {@code modelKey}.
   */
  public boolean managedBy(Collection<String> configs, String modelKey) {
    return managed() && configs.contains(configTag()) && modelKey.equals(modelTag());
  }

  /** True when it carries {@code managed-by=capacityctl}: bought by some capacityctl controller. */
  public boolean managed() {
    return read().managed;
  }

  /** The configuration it was bought for ({@code capacityctl:config}), or null. */
  public String configTag() {
    return read().config;
  }

  /** The model key it was bought for ({@code capacityctl:model}), or null. */
  public String modelTag() {
    return read().model;
  }

  /**
   * True when it serves the model a configuration names {@code configured}: by id, or by ARN (a
   * foundation model's ARN ends with {@code /<id>}; another model's is its {@code modelId}).
   */
  public boolean serves(String configured) {
    return modelId.equals(configured)
        || endsWithPathOf(configured, modelId)
        || endsWithPathOf(modelId, configured);
  }

  /**
   * Whether {@code s} ends with {@code "/" + last}, without building that string: every pass asks
   * it of every PT for every model.
   */
  private static boolean endsWithPathOf(String s, String last) {
    int at = s.length() - last.length() - 1;
    return at >= 0 && s.charAt(at) == '/' && s.endsWith(last);
  }
}
