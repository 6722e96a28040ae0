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
 */
public final class BedrockPtAdapter implements ProvisionedThroughputApi {
  private static final Logger LOG = LogManager.getLogger(BedrockPtAdapter.class);

  /** The API's maximum page size: one call per 1000 PTs. */
  static final int PAGE_SIZE = 1000;

  private final BedrockClient bedrock;
  private final String namePrefix;
  private final Clock clock;

  /**
   * @param namePrefix every PT capacityctl creates is named with it; only those get their tags read
   * @param clock stamps the creation time of a PT whose read-back failed right after purchase
   */
  public BedrockPtAdapter(BedrockClient bedrock, String namePrefix, Clock clock) {
    this.bedrock = bedrock;
    this.namePrefix = namePrefix;
    this.clock = clock;
  }

  /**
   * All PTs serving {@code modelId}, any name and commitment. There is no tag filter in the API, so
   * PTs named with our prefix are confirmed with ListTagsForResource; the rest carry no tags, which
   * keeps the reconciler's hands off them.
   */
  @Override
  public List<ProvisionedThroughput> list(String modelId) {
    List<ProvisionedThroughput> found = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      ListProvisionedModelThroughputsResponse page =
          AwsErrors.call(
              AwsAction.BEDROCK_LIST_PTS,
              () ->
                  bedrock.listProvisionedModelThroughputs(
                      r -> r.maxResults(PAGE_SIZE).nextToken(token)));
      for (ProvisionedModelSummary s : page.provisionedModelSummaries()) {
        if (PtRecords.serves(modelId, s.modelArn(), s.foundationModelArn())) {
          withTags(s, modelId, found);
        }
      }
      next = page.nextToken();
    } while (next != null && !next.isEmpty());
    return found;
  }

  private void withTags(
      ProvisionedModelSummary s, String modelId, List<ProvisionedThroughput> out) {
    if (!s.provisionedModelName().startsWith(namePrefix)) {
      out.add(PtRecords.fromSummary(s, modelId, Map.of()));
      return;
    }
    try {
      out.add(PtRecords.fromSummary(s, modelId, tagsOf(s.provisionedModelArn())));
    } catch (CloudException e) {
      if (e.kind() != CloudException.Kind.NOT_FOUND) {
        throw e;
      }
      // Deleted between the list and the tag read: it no longer exists, so it is not listed.
      LOG.info("PT {} vanished while its tags were read", s.provisionedModelArn());
    }
  }

  private Map<String, String> tagsOf(String arn) {
    return AwsErrors.call(
            AwsAction.BEDROCK_LIST_TAGS, () -> bedrock.listTagsForResource(r -> r.resourceARN(arn)))
        .tags()
        .stream()
        .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
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
