package io.capacityctl.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.health.UnhealthyException;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.sim.SimAccount;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health handler: healthy returns; unhealthy throws (the Errors alarm), never just logs. */
class HealthCheckHandlerTest {
  private final SimAccount account = Sim.eveningAccount();
  private final LiveGraph live = Sim.live(account);
  private final ReconcileHandler reconcile = new ReconcileHandler(live);
  private final HealthCheckHandler health = new HealthCheckHandler(live);

  @Test
  void healthyWhileTheLambdaControllerKeepsCapacityAtPlan() {
    runMinutes(30);

    Map<String, Object> r =
        health.handleRequest(Sim.event(Sim.RULE_EVENT), Sim.context("capacityctl-health"));

    assertThat(r.get("healthy")).as(String.valueOf(r)).isEqualTo(true);
    assertThat(account.telemetry().latest("Healthy", Map.of())).hasValue(1.0);
  }

  @Test
  void incidentFourAccessDeniedMakesTheHealthInvocationFail() {
    runMinutes(30);
    account
        .cloud()
        .bedrock()
        .faults()
        .failAlways(AwsAction.BEDROCK_CREATE_PT.iamAction(), Kind.ACCESS_DENIED);
    Sim.override(account, "sonnet", 30);
    for (int i = 0; i < 3; i++) {
      try {
        reconcile.handleRequest(
            Sim.event(Sim.SCHEDULER_EVENT), Sim.context("capacityctl-reconcile"));
      } catch (ReconcileFailedException expected) {
        // each pass fails loudly too
      }
      account.serveMinute();
    }

    assertThatThrownBy(
            () ->
                health.handleRequest(Sim.event(Sim.RULE_EVENT), Sim.context("capacityctl-health")))
        .isInstanceOf(UnhealthyException.class)
        .hasMessageStartingWith("UNHEALTHY: ")
        .hasMessageContaining("capacity sonnet")
        .hasMessageContaining("bedrock:CreateProvisionedModelThroughput");
    assertThat(account.telemetry().latest("Healthy", Map.of())).hasValue(0.0);
    assertThat(account.telemetry().latest("CapacityMismatch", Map.of())).hasValue(1.0);
  }

  private void runMinutes(int minutes) {
    for (int i = 0; i < minutes; i++) {
      reconcile.handleRequest(Sim.event(Sim.SCHEDULER_EVENT), Sim.context("capacityctl-reconcile"));
      account.serveMinute();
    }
  }
}
