package io.capacityctl.aws.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.fake.bedrock.BedrockErrorCode;
import io.capacityctl.fake.bedrock.FakeBedrockServer;
import io.capacityctl.fake.bedrock.PtOperation;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/** The Bedrock PT adapter through the real SDK client against the wire fake: the happy paths. */
class BedrockPtAdapterTest {
  static final String REGION = "us-east-1";
  static final String SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
  static final String PREFIX = "capacityctl-manga-";
  static final Map<String, String> OUR_TAGS =
      Map.of(
          ProvisionedThroughput.TAG_MANAGED_BY, ProvisionedThroughput.MANAGED_BY_VALUE,
          ProvisionedThroughput.TAG_CONFIG, "manga",
          ProvisionedThroughput.TAG_MODEL, "sonnet");

  final FakeClock clock = new FakeClock(Instant.parse("2025-03-03T00:00:00Z"));
  FakeBedrockServer fake;
  BedrockClient client;
  BedrockPtAdapter adapter;

  @BeforeEach
  void start() {
    fake = FakeBedrockServer.start(clock, REGION);
    fake.plane().provisioningTime(Duration.ofMinutes(15));
    client = fake.clients().build(BedrockClient.builder());
    adapter = new BedrockPtAdapter(client, clock);
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  static CreatePtRequest request(String name, int units, String token) {
    return new CreatePtRequest(name, SONNET, units, token, OUR_TAGS);
  }

  @Test
  void createdPtIsCreatingThenInServiceAfterTheProvisioningTime() {
    ProvisionedThroughput pt = adapter.create(request(PREFIX + "sonnet-1", 2, "tok-1"));

    assertThat(pt.arn())
        .matches("arn:aws:bedrock:us-east-1:\\d{12}:provisioned-model/[a-z0-9]{12}");
    assertThat(pt.status()).isEqualTo(PtStatus.CREATING);
    assertThat(pt.modelUnits()).isEqualTo(2);
    assertThat(pt.committed()).isFalse();
    assertThat(pt.createdAt()).isEqualTo(clock.instant());
    assertThat(pt.managedBy("manga", "sonnet")).isTrue();

    clock.advance(Duration.ofMinutes(14));
    assertThat(adapter.list(SONNET))
        .singleElement()
        .extracting(ProvisionedThroughput::status)
        .isEqualTo(PtStatus.CREATING);
    clock.advance(Duration.ofMinutes(1));
    assertThat(adapter.list(SONNET))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo(PtStatus.IN_SERVICE);
              assertThat(p.modelUnits()).isEqualTo(2);
              assertThat(p.tags()).isEqualTo(OUR_TAGS);
            });
  }

  @Test
  void createSendsNoCommitmentTheTokenAndTheTags() throws Exception {
    adapter.create(request(PREFIX + "sonnet-1", 3, "manga-sonnet-step-42"));

    JsonNode body = new ObjectMapper().readTree(fake.calls(PtOperation.CREATE).get(0).body());
    assertThat(body.has("commitmentDuration")).isFalse();
    assertThat(body.get("modelId").asText()).isEqualTo(SONNET);
    assertThat(body.get("modelUnits").asInt()).isEqualTo(3);
    assertThat(body.get("provisionedModelName").asText()).isEqualTo(PREFIX + "sonnet-1");
    assertThat(body.get("clientRequestToken").asText()).isEqualTo("manga-sonnet-step-42");
    assertThat(body.get("tags")).hasSize(3);
  }

  @Test
  void sameTokenTwiceBuysOnce() {
    ProvisionedThroughput first = adapter.create(request(PREFIX + "sonnet-1", 2, "tok-dup"));
    ProvisionedThroughput second = adapter.create(request(PREFIX + "sonnet-1", 2, "tok-dup"));

    assertThat(second.arn()).isEqualTo(first.arn());
    assertThat(fake.plane().purchases()).isEqualTo(1);
    assertThat(adapter.list(SONNET)).hasSize(1);
  }

  @Test
  void aLostCreateResponseIsRetriedByTheSdkWithTheSameTokenAndBuysOnce() {
    fake.loseNextResponses(PtOperation.CREATE, 1);

    ProvisionedThroughput pt = adapter.create(request(PREFIX + "sonnet-1", 2, "tok-lost"));

    assertThat(fake.calls(PtOperation.CREATE)).hasSize(2);
    assertThat(fake.plane().purchases()).isEqualTo(1);
    assertThat(fake.plane().arns()).containsExactly(pt.arn());
  }

  @Test
  void aFailedReadBackStillReturnsThePurchaseAsCreating() {
    fake.failNext(PtOperation.GET, 5, BedrockErrorCode.RESOURCE_NOT_FOUND);

    ProvisionedThroughput pt = adapter.create(request(PREFIX + "sonnet-1", 4, "tok-rb"));

    assertThat(pt.arn()).isEqualTo(fake.plane().arns().get(0));
    assertThat(pt.status()).isEqualTo(PtStatus.CREATING);
    assertThat(pt.modelUnits()).isEqualTo(4);
    assertThat(pt.createdAt()).isEqualTo(clock.instant());
    assertThat(pt.tags()).isEqualTo(OUR_TAGS);
  }

  @Test
  void listReturnsEveryPtOfTheModelAcrossPages() {
    fake.plane().maxPageSize(3);
    for (int i = 0; i < 7; i++) {
      fake.plane().seed("other-sonnet-" + i, SONNET, 1, null, Map.of());
    }
    for (int i = 0; i < 4; i++) {
      fake.plane().seed("other-haiku-" + i, HAIKU, 1, null, Map.of());
    }

    List<ProvisionedThroughput> sonnet = adapter.list(SONNET);

    assertThat(sonnet).hasSize(7).allSatisfy(p -> assertThat(p.modelId()).isEqualTo(SONNET));
    assertThat(adapter.list(HAIKU)).hasSize(4);
    // 11 PTs at 3 per page: 4 pages per list, each asking for the API's maximum page.
    assertThat(fake.calls(PtOperation.LIST))
        .hasSize(8)
        .allSatisfy(c -> assertThat(c.query()).containsEntry("maxResults", "1000"));
  }

  @Test
  void everyPtsTagsAreReadWhateverItsNameSoARenamedPrefixStillFindsItsFleet() {
    String foreign =
        fake.plane().seed(PREFIX + "lookalike", SONNET, 1, null, Map.of("managed-by", "someone"));
    String oldPrefix = fake.plane().seed("capacityctl-old-sonnet-1", SONNET, 1, null, OUR_TAGS);
    String untagged = fake.plane().seed("hand-made", SONNET, 1, null, Map.of());

    List<ProvisionedThroughput> pts = adapter.list(SONNET);

    ProvisionedThroughput lookalike = byArn(pts, foreign);
    assertThat(lookalike.tags()).containsEntry("managed-by", "someone");
    assertThat(lookalike.managedBy("manga", "sonnet")).isFalse();
    // Named before ptNamePrefix changed: its tags, not its name, say it is ours.
    assertThat(byArn(pts, oldPrefix).managedBy("manga", "sonnet")).isTrue();
    assertThat(byArn(pts, untagged).tags()).isEmpty();
    assertThat(fake.calls(PtOperation.LIST_TAGS)).hasSize(3);
  }

  @Test
  void onePassListsOnceForEveryModelAndReadsEachPtsTagsOnlyOnce() {
    fake.plane().maxPageSize(2);
    fake.plane().seed(PREFIX + "s1", SONNET, 1, null, OUR_TAGS);
    fake.plane().seed(PREFIX + "s2", SONNET, 2, null, OUR_TAGS);
    fake.plane().seed("other-haiku", HAIKU, 3, null, Map.of());

    List<ProvisionedThroughput> all = adapter.listAll();

    assertThat(all).hasSize(3);
    assertThat(all.stream().filter(p -> p.serves(SONNET))).hasSize(2);
    assertThat(all.stream().filter(p -> p.serves(HAIKU)))
        .singleElement()
        .satisfies(p -> assertThat(p.modelId()).isEqualTo(HAIKU));
    assertThat(fake.calls(PtOperation.LIST)).as("3 PTs at 2 per page").hasSize(2);
    assertThat(fake.calls(PtOperation.LIST_TAGS)).hasSize(3);

    adapter.listAll();
    String bought = adapter.create(request(PREFIX + "s3", 1, "tok-new")).arn();
    adapter.listAll();

    assertThat(fake.calls(PtOperation.LIST)).hasSize(6);
    assertThat(fake.calls(PtOperation.LIST_TAGS))
        .as("tags kept by ARN: only the new PT's are read")
        .hasSize(4)
        .last()
        .satisfies(c -> assertThat(c.body()).contains(bought));
  }

  @Test
  void aPtConfiguredByItsFoundationModelArnIsFound() {
    String arn = fake.plane().seed(PREFIX + "s1", SONNET, 1, null, OUR_TAGS);

    assertThat(adapter.list("arn:aws:bedrock:" + REGION + "::foundation-model/" + SONNET))
        .extracting(ProvisionedThroughput::arn)
        .containsExactly(arn);
  }

  @Test
  void aPtThatVanishesBetweenListAndTagReadIsNotListed() {
    String kept = fake.plane().seed(PREFIX + "kept", SONNET, 1, null, OUR_TAGS);
    clock.advance(Duration.ofMinutes(1));
    fake.plane().seed(PREFIX + "gone", SONNET, 1, null, OUR_TAGS);
    // The list is newest first, so the first tag read is for "gone".
    fake.failNext(PtOperation.LIST_TAGS, 1, BedrockErrorCode.RESOURCE_NOT_FOUND);

    assertThat(adapter.list(SONNET)).extracting(ProvisionedThroughput::arn).containsExactly(kept);
  }

  @Test
  void committedPtsAreFlaggedAndNoCommitmentOnesAreNot() {
    String committed = fake.plane().seed("reserved-floor", SONNET, 2, "SixMonths", Map.of());
    String hourly = fake.plane().seed(PREFIX + "hourly", SONNET, 1, null, OUR_TAGS);

    List<ProvisionedThroughput> pts = adapter.list(SONNET);

    assertThat(byArn(pts, committed).committed()).isTrue();
    assertThat(byArn(pts, hourly).committed()).isFalse();
  }

  @Test
  void failedProvisioningIsReportedAsFailed() {
    String arn = adapter.create(request(PREFIX + "sonnet-1", 1, "tok-f")).arn();
    fake.plane().failProvisioning(arn, "insufficient capacity");

    assertThat(adapter.list(SONNET))
        .singleElement()
        .extracting(ProvisionedThroughput::status)
        .isEqualTo(PtStatus.FAILED);
  }

  @Test
  void deleteRemovesThePt() {
    String arn = adapter.create(request(PREFIX + "sonnet-1", 1, "tok-d")).arn();

    adapter.delete(arn);

    assertThat(adapter.list(SONNET)).isEmpty();
    assertThat(fake.calls(PtOperation.DELETE))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.path())
                    .isEqualTo(
                        "/provisioned-model-throughput/"
                            + arn.replace(":", "%3A").replace("/", "%2F")));
  }

  static ProvisionedThroughput byArn(List<ProvisionedThroughput> pts, String arn) {
    return pts.stream().filter(p -> p.arn().equals(arn)).findFirst().orElseThrow();
  }
}
