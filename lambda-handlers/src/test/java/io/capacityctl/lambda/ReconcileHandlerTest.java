package io.capacityctl.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.sim.SimAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconcile handler invoked with real EventBridge payloads against the simulator. */
class ReconcileHandlerTest {
  private final SimAccount account = Sim.eveningAccount();
  private final ReconcileHandler handler = new ReconcileHandler(Sim.live(account));

  @Test
  void eachInvocationRunsOnePassAsItsOwnHolderAndGivesTheLeaseBack() {
    Map<String, Object> first = invoke(Sim.SCHEDULER_EVENT);
    account.serveMinute();
    Map<String, Object> second = invoke(Sim.RULE_EVENT);

    assertThat(first.get("outcome")).isEqualTo("ACTED"); // a cold account: buys the evening's units
    assertThat((String) first.get("holder")).startsWith("lambda:capacityctl-reconcile:req-");
    assertThat((List<?>) first.get("actions")).isNotEmpty();
    assertThat(first.get("targets"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKeys("sonnet", "haiku", "ecs");
    // Each invocation takes the lease anew (a new fencing token) and gives it back.
    assertThat(second.get("holder")).isNotEqualTo(first.get("holder"));
    assertThat((Long) second.get("fencingToken")).isGreaterThan((Long) first.get("fencingToken"));
    assertThat(second.get("outcome")).isIn("ACTED", "NO_CHANGE");
    assertThat(account.leases().current(account.clock().instant())).isEmpty();
  }

  @Test
  void aFailedPassThrowsAfterLoggingSoTheErrorsAlarmSeesIt() {
    invoke(Sim.SCHEDULER_EVENT);
    account
        .cloud()
        .bedrock()
        .faults()
        .failAlways(AwsAction.BEDROCK_CREATE_PT.iamAction(), Kind.ACCESS_DENIED);
    Sim.override(account, "sonnet", 30);
    account.serveMinute();

    assertThatThrownBy(() -> invoke(Sim.SCHEDULER_EVENT))
        .isInstanceOf(ReconcileFailedException.class)
        .hasMessageContaining("pass FAILED (degraded: alarm) by lambda:capacityctl-reconcile:req-")
        .hasMessageContaining("ACCESS_DENIED on bedrock:CreateProvisionedModelThroughput");
  }

  @Test
  void aPassSkippedBecauseAnotherControllerHoldsTheLeaseIsNotAnError() {
    account
        .leases()
        .tryAcquire("daemon:ecs-task", account.clock().instant(), java.time.Duration.ofMinutes(3));

    Map<String, Object> r = invoke("{}");

    assertThat(r.get("outcome")).isEqualTo("SKIPPED_LEASE_HELD");
    assertThat((List<?>) r.get("warnings")).singleElement().asString().contains("daemon:ecs-task");
    assertThat(account.cloud().bedrock().creates("anthropic.claude-3-sonnet-20240229-v1:0"))
        .isZero();
  }

  private Map<String, Object> invoke(String json) {
    return handler.handleRequest(Sim.event(json), Sim.context("capacityctl-reconcile"));
  }
}
