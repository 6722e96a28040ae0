package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.testing.SimAccounts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 18: the CLI takes the configuration's duration forms, and the configuration the CLI's. */
class CliDurationsTest {
  private final SimAccount account = SimAccounts.running("daemon:controller").account();

  @Test
  void overrideSetTakesIsoAndShortDurations() {
    CliRun iso =
        CliRun.run(
            account,
            "override",
            "set",
            "--cloud",
            "sim",
            "--model",
            "sonnet",
            "--units",
            "20",
            "--for",
            "PT2H",
            "--reason",
            "iso");
    CliRun shorter =
        CliRun.run(
            account,
            "override",
            "set",
            "--cloud",
            "sim",
            "--model",
            "haiku",
            "--units",
            "3",
            "--for",
            "1h30m",
            "--reason",
            "short");

    assertThat(iso.code()).as(iso.err()).isZero();
    assertThat(shorter.code()).as(shorter.err()).isZero();
    assertThat(account.state().activeOverrides(account.clock().instant()))
        .extracting(o -> o.target() + " " + Duration.between(o.createdAt(), o.expiresAt()))
        .containsExactlyInAnyOrder("sonnet PT2H", "haiku PT1H30M");
  }

  @Test
  void eventsAddTakesIsoAndShortDurations() {
    String start = account.clock().instant().plus(Duration.ofDays(1)).toString();
    CliRun add =
        CliRun.run(
            account,
            "events",
            "add",
            "--cloud",
            "sim",
            "--name",
            "launch",
            "--start",
            start,
            "--duration",
            "PT8H",
            "--lead-time",
            "45m",
            "--multiplier",
            "2.5");

    assertThat(add.code()).as(add.err()).isZero();
    assertThat(account.state().extraEvents())
        .singleElement()
        .extracting(EventSpec::duration, EventSpec::leadTime, EventSpec::multiplier)
        .containsExactly(Duration.ofHours(8), Duration.ofMinutes(45), 2.5);
  }

  @Test
  void aBadDurationNamesTheOptionAndTheForms() {
    CliRun bad =
        CliRun.run(
            account,
            "override",
            "set",
            "--cloud",
            "sim",
            "--model",
            "sonnet",
            "--units",
            "20",
            "--for",
            "2 hours",
            "--reason",
            "x");

    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .contains("--for")
        .contains("'2 hours' is not a duration: use e.g. 6h, 90m, 1h30m, 2d or PT6H")
        .doesNotContain("\tat ");
    assertThat(account.state().activeOverrides(account.clock().instant()))
        .extracting(CapacityOverride::target)
        .isEmpty();
  }
}
