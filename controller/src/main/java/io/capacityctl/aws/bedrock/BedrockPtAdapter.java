package io.capacityctl.aws.bedrock;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.ports.PtStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ListProvisionedModelThroughputsResponse;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * {@link ProvisionedThroughputApi} on the Bedrock control plane. Every call goes through {@link
 * AwsErrors} so failures arrive classified and name their IAM action; retries (throttling, 5xx) are
 * the SDK's adaptive mode, configured in {@link io.capacityctl.aws.AwsClientFactory}.
 *
 * <p>The list API has no tag filter, so every PT's tags are read with ListTagsForResource — once:
 * they are kept by ARN for as long as the PT is listed, so a pass in steady state makes no tag read
 * at all, and a new PT costs one. capacityctl sets its tags only at purchase (and IAM lets it tag
 * nothing else), and a PT's ARN is never reused, so a kept set does not go stale.
 */
public final class BedrockPtAdapter implements ProvisionedThroughputApi {
  private static final Logger LOG = LogManager.getLogger(BedrockPtAdapter.class);

  /** The API's maximum page size: one call per 1000 PTs. */
  static final int PAGE_SIZE = 1000;

  private final BedrockClient bedrock;
  private final Clock clock;
  // Tags by ARN of the PTs listed last time: read once per PT, forgotten once it is not listed.
  private final Map<String, Map<String, String>> tagsByArn = new HashMap<>();

  /**
   * @param clock stamps the creation time of a PT whose read-back failed right after purchase
   */
  public BedrockPtAdapter(BedrockClient bedrock, Clock clock) {
    this.bedrock = bedrock;
    this.clock = clock;
  }

  /**
   * Every PT of the account and region, any name, model and commitment, with its tags (names are no
   * proof of ownership: a renamed configuration or a changed {@code ptNamePrefix} leaves PTs named
   * otherwise, and only tags say whose they are).
   */
  @Override
  public synchronized List<ProvisionedThroughput> listAll() {
    List<ProvisionedModelSummary> summaries = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      ListProvisionedModelThroughputsResponse page =
          AwsErrors.call(
              AwsAction.BEDROCK_LIST_PTS,
              () ->
                  bedrock.listProvisionedModelThroughputs(
                      r -> r.maxResults(PAGE_SIZE).nextToken(token)));
      summaries.addAll(page.provisionedModelSummaries());
      next = page.nextToken();
    } while (next != null && !next.isEmpty());
    Map<String, Map<String, String>> listed = new HashMap<>();
    List<ProvisionedThroughput> found = new ArrayList<>(summaries.size());
    for (ProvisionedModelSummary s : summaries) {
      Map<String, String> tags = tagsOf(s.provisionedModelArn());
      if (tags != null) {
        listed.put(s.provisionedModelArn(), tags);
        found.add(
            PtRecords.fromSummary(
                s, PtRecords.modelOf(s.modelArn(), s.foundationModelArn()), tags));
      }
    }
    tagsByArn.keySet().retainAll(listed.keySet());
    tagsByArn.putAll(listed);
    return found;
  }

  /** The PT's tags, read once; null when it was deleted between the list and the read. */
  private Map<String, String> tagsOf(String arn) {
    Map<String, String> known = tagsByArn.get(arn);
    if (known != null) {
      return known;
    }
    try {
      return AwsErrors.call(
              AwsAction.BEDROCK_LIST_TAGS,
              () -> bedrock.listTagsForResource(r -> r.resourceARN(arn)))
          .tags()
          .stream()
          .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
    } catch (CloudException e) {
      if (e.kind() != CloudException.Kind.NOT_FOUND) {
        throw e;
      }
      // Deleted between the list and the tag read: it no longer exists, so it is not listed.
      LOG.info("PT {} vanished while its tags were read", arn);
      return null;
    }
  }

  /**
   * Buys one no-commitment PT (no commitmentDuration: hourly billing, deletable at any time). The
   * request's token makes a repeated call return the first purchase instead of buying again.
   */
  @Override
  public ProvisionedThroughput create(CreatePtRequest req) {
    List<Tag> tags =
        req.tags().entrySet().stream()
            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
            .toList();
    String arn =
        AwsErrors.call(
                AwsAction.BEDROCK_CREATE_PT,
                () ->
                    bedrock.createProvisionedModelThroughput(
                        r ->
                            r.modelId(req.modelId())
                                .modelUnits(req.units())
                                .provisionedModelName(req.name())
                                .clientRequestToken(req.clientRequestToken())
                                .tags(tags)))
            .provisionedModelArn();
    try {
      return PtRecords.fromGet(
          AwsErrors.call(
              AwsAction.BEDROCK_GET_PT,
              () -> bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(arn))),
          req.modelId(),
          req.tags());
    } catch (CloudException e) {
      // The purchase succeeded; failing now would hide it. The next list shows the real state.
      LOG.warn("bought PT {} but could not read it back: {}", arn, e.getMessage());
      return new ProvisionedThroughput(
          arn,
          req.name(),
          req.modelId(),
          req.units(),
          PtStatus.CREATING,
          false,
          clock.instant(),
          req.tags(),
          null);
    }
  }

  /** Deletes a PT by ARN; Bedrock itself refuses a committed one (ConflictException). */
  @Override
  public void delete(String arn) {
    AwsErrors.call(
        AwsAction.BEDROCK_DELETE_PT,
        () -> bedrock.deleteProvisionedModelThroughput(r -> r.provisionedModelId(arn)));
  }
}
