package io.capacityctl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.sim.SimAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WasteReportHandlerTest {
  @Test
  void reportsTheLastWeekPerModelAndHourFromWhatTheReconcilePassesPublished() {
    SimAccount account = Sim.eveningAccount();
    LiveGraph live = Sim.live(account);
    ReconcileHandler reconcile = new ReconcileHandler(live);
    for (int i = 0; i < 120; i++) { // 17:00 to 19:00 JST
      reconcile.handleRequest(Sim.event(Sim.SCHEDULER_EVENT), Sim.context("capacityctl-reconcile"));
      account.serveMinute();
    }

    Map<String, Object> r =
        new WasteReportHandler(live)
            .handleRequest(Sim.event(Sim.RULE_EVENT), Sim.context("capacityctl-waste"));

    Map<?, ?> sonnet = (Map<?, ?>) ((Map<?, ?>) r.get("models")).get("sonnet");
    List<?> hours = (List<?>) sonnet.get("hours");
    assertThat(hours).hasSize(24);
    assertThat(((Map<?, ?>) hours.get(17)).get("minutes")).isEqualTo(60);
    assertThat(((Map<?, ?>) hours.get(18)).get("minutes")).isEqualTo(60);
    assertThat(((Map<?, ?>) hours.get(16)).get("minutes")).isEqualTo(0);
    assertThat((Double) ((Map<?, ?>) sonnet.get("total")).get("wasteRatio")).isBetween(0.0, 1.0);
    assertThat(account.telemetry().latest("WeeklyWastedUsd", Map.of("Model", "sonnet")))
        .hasValue((Double) ((Map<?, ?>) sonnet.get("total")).get("wastedUsd"));
  }
}
