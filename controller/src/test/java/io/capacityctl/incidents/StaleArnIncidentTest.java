package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.incidents.Drill.Minute;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.routing.Route;
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.testing.TestConfig;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * MangaAssist incident 4, third root cause: after a model upgrade the PTs were recreated under new
 * ARNs and the scheduler kept using the stored ones. capacityctl finds its PTs by their tags every
 * pass, so the recreated PTs are adopted and routed at once, and nothing is bought or deleted.
 */
class StaleArnIncidentTest {
  private static final String SONNET = "anthropic.sonnet-v1:0";

  @Test
  void ptsRecreatedUnderNewArnsAreFoundByTagsAndRouted() {
    Drill d =
        new Drill(TestConfig.sonnet(8).ecs().build(), Drill.trace(300, "sonnet", m -> 7000))
            .warmUp(200);
    SimBedrock bedrock = d.account.cloud().bedrock();
    List<ProvisionedThroughput> old = bedrock.list(SONNET);
    // The upgrade: every PT deleted and bought again with the same tags, under new ARNs.
    for (ProvisionedThroughput pt : old) {
      bedrock.delete(pt.arn());
      bedrock.create(
          new CreatePtRequest(
              pt.name() + "-upgraded", SONNET, pt.modelUnits(), "upgrade-" + pt.arn(), pt.tags()));
    }
    bedrock.completeCreations();
    List<String> fresh = bedrock.list(SONNET).stream().map(ProvisionedThroughput::arn).toList();
    int creates = bedrock.creates(SONNET);
    int deletes = bedrock.deletes(SONNET);

    Minute next = d.step();

    assertThat(next.pass().failures()).isEmpty();
    assertThat(d.account.cloud().routes().read().orElseThrow().models().get("sonnet").routes())
        .extracting(Route::arn)
        .containsExactlyInAnyOrderElementsOf(fresh)
        .doesNotContainAnyElementsOf(old.stream().map(ProvisionedThroughput::arn).toList());
    assertThat(bedrock.creates(SONNET)).isEqualTo(creates);
    assertThat(bedrock.deletes(SONNET)).isEqualTo(deletes);

    List<Minute> after = d.run(30);

    assertThat(after).allSatisfy(m -> assertThat(m.throttled("sonnet")).isZero());
    assertThat(after.stream().map(Minute::health).filter(Objects::nonNull).toList())
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.healthy()).as(h.summary()).isTrue());
  }
}
