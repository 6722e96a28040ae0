package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.SimAccounts.Running;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 5: {@code apply} runs exactly the commands it showed, or refuses (exit 3,
 * saying what moved) when the state changed between the plan and the confirmation.
 */
class ApplyExactlyTest {
  private static final String SONNET = "anthropic.claude-3-sonnet-20240229-v1:0";

  private final Running running = SimAccounts.running("daemon:controller");
  private final SimAccount account = running.account();

  private void override(String target, int units, String who) {
    account
        .state()
        .putOverride(
            new CapacityOverride(
                target,
                units,
                false,
                account.clock().instant(),
                account.clock().instant().plusSeconds(3600),
                "test",
                who));
  }

  /** The operator's answer, typed after {@code meanwhile} has happened. */
  private static Reader answering(String answer, Runnable meanwhile) {
    return new Reader() {
      private Reader typed;

      @Override
      public int read(char[] buf, int off, int len) throws java.io.IOException {
        if (typed == null) {
          meanwhile.run();
          typed = new StringReader(answer);
        }
        return typed.read(buf, off, len);
      }

      @Override
      public void close() {}
    };
  }

  private static List<String> shown(String out) {
    return Arrays.stream(out.split("\n"))
        .map(String::strip)
        .filter(l -> l.startsWith("create ") || l.startsWith("delete ") || l.startsWith("drain "))
        .toList();
  }

  @Test
  void stateThatMovedBetweenThePlanAndTheConfirmationIsRefusedSayingWhatMoved() {
    running.reconciler().releaseLease(); // the controller stopped
    override("sonnet", 25, "ops-a");
    int creates = account.cloud().bedrock().creates(SONNET);

    // While ops-a reads the plan, ops-b sets another override on the same model.
    CliRun r =
        CliRun.withReader(
            account,
            answering("y\n", () -> override("sonnet", 40, "ops-b")),
            "apply",
            "--cloud",
            "sim");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out() + r.err()).contains("moved").contains("sonnet");
    assertThat(account.cloud().bedrock().creates(SONNET)).isEqualTo(creates);
    assertThat(account.leases().current(account.clock().instant())).isEmpty();
  }

  @Test
  void anUnchangedStateRunsExactlyTheCommandsShown() {
    running.reconciler().releaseLease();
    override("sonnet", 25, "ops-a");
    int creates = account.cloud().bedrock().creates(SONNET);

    CliRun r = CliRun.withInput(account, "y\n", "apply", "--cloud", "sim");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    String[] parts = r.out().split("\n\n", 2);
    List<String> planned = shown(parts[0]);
    assertThat(planned).isNotEmpty();
    assertThat(shown(parts[1])).containsExactlyElementsOf(planned);
    assertThat(account.cloud().bedrock().creates(SONNET) - creates)
        .isEqualTo((int) planned.stream().filter(l -> l.startsWith("create sonnet")).count());
  }
}
