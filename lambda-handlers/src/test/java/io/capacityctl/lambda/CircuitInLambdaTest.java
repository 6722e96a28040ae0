package io.capacityctl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimBedrock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 4: the control-plane circuit must open in Lambda, the default deployment, as it
 * does in the daemon, although every invocation builds a new reconciler and a cold start a new
 * process. Its state lives in the state table, written under the lease.
 */
class CircuitInLambdaTest {
  private static final String SONNET = "anthropic.claude-3-sonnet-20240229-v1:0";
  private static final List<String> BEDROCK =
      List.of(
          AwsAction.BEDROCK_LIST_PTS.iamAction(),
          AwsAction.BEDROCK_CREATE_PT.iamAction(),
          AwsAction.BEDROCK_DELETE_PT.iamAction());

  private final SimAccount account = Sim.eveningAccount();

  /** One invocation a minute, on a warm container or a new one, then a minute of traffic. */
  private Map<String, Object> tick(ReconcileHandler handler) {
    Map<String, Object> r =
        handler.handleRequest(Sim.event(Sim.SCHEDULER_EVENT), Sim.context("capacityctl-reconcile"));
    account.serveMinute();
    return r;
  }

  @Test
  void aBedrockThrottlingStormOpensHoldsAndHalfOpensTheCircuitAcrossInvocations() {
    ReconcileHandler warm = new ReconcileHandler(Sim.live(account));
    for (int i = 0; i < 30; i++) {
      tick(warm);
    }
    SimBedrock bedrock = account.cloud().bedrock();
    BEDROCK.forEach(a -> bedrock.faults().failAlways(a, Kind.THROTTLING));

    List<String> levels = new ArrayList<>();
    List<Integer> lists = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // Every fourth invocation lands on a cold container: a new process, nothing in memory.
      ReconcileHandler handler = i % 4 == 3 ? new ReconcileHandler(Sim.live(account)) : warm;
      int before = bedrock.calls(AwsAction.BEDROCK_LIST_PTS.iamAction());
      levels.add((String) tick(handler).get("degradation"));
      lists.add(bedrock.calls(AwsAction.BEDROCK_LIST_PTS.iamAction()) - before);
    }

    // Three failing passes open it; it holds (no Bedrock call at all) for the 5-minute cool-down,
    // half-opens for one pass, which fails and opens it again: as in the daemon.
    assertThat(levels.subList(0, 3)).doesNotContain("hold");
    assertThat(levels.subList(3, 7)).containsOnly("hold");
    assertThat(levels.get(7)).isNotEqualTo("hold");
    assertThat(levels.subList(8, 12)).containsOnly("hold");
    assertThat(levels.get(12)).isNotEqualTo("hold");
    assertThat(lists.subList(3, 7)).containsOnly(0);
    assertThat(lists.get(7)).isPositive();
    assertThat(levels.stream().filter("hold"::equals).count()).isGreaterThanOrEqualTo(14);

    // The storm ends: the next half-open pass succeeds and closes it.
    BEDROCK.forEach(a -> bedrock.faults().clear(a));
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      after.add((String) tick(warm).get("degradation"));
    }
    assertThat(after.get(after.size() - 1)).isEqualTo("full");
  }
}
