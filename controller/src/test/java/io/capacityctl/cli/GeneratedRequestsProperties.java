package io.capacityctl.cli;

import static io.capacityctl.testing.AdversarialValues.cron;
import static io.capacityctl.testing.AdversarialValues.duration;
import static io.capacityctl.testing.AdversarialValues.eventDuration;
import static io.capacityctl.testing.AdversarialValues.eventName;
import static io.capacityctl.testing.AdversarialValues.leadTime;
import static io.capacityctl.testing.AdversarialValues.multiplier;
import static io.capacityctl.testing.AdversarialValues.reason;
import static io.capacityctl.testing.AdversarialValues.weight;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.sim.SimAccount;
import io.capacityctl.testing.BoundedPlan;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.testing.WorstTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 16, point 3: generated {@code events add} and {@code override set} requests, valid and
 * adversarial, through the real CLI on a simulated account. Each exits 0 or 2 — never 1, never with
 * a stack trace — and a refusal names the option. What {@code events add} accepted, the calendar
 * accepts too, and plans within its structural bound; an accepted override's reason prints without
 * a control character. Times go to {@code target/generated-requests.txt}; none is asserted.
 */
class GeneratedRequestsProperties {
  private static SimAccount account;
  private static final AtomicInteger ACCEPTED = new AtomicInteger();
  private static final WorstTimes REQUEST = new WorstTimes("request (a CLI run)");
  private static final WorstTimes PLAN = new WorstTimes("plan with the added events");

  private static synchronized SimAccount account() {
    if (account == null) {
      account = SimAccounts.running("daemon:controller").account();
    }
    return account;
  }

  /** Times measure the input, not the JIT: the CLI's paths are compiled before the tries. */
  @BeforeContainer
  static void warmUp() {
    SimAccount a = account();
    for (int i = 0; i < 20; i++) {
      CliRun.run(
          a,
          "override",
          "set",
          "--cloud",
          "sim",
          "--model",
          "sonnet",
          "--units",
          "2",
          "--for",
          "1h",
          "--reason",
          "warm-up");
      CliRun.run(
          a,
          "override",
          "set",
          "--cloud",
          "sim",
          "--model",
          "sonnet",
          "--units",
          "2",
          "--for",
          "soon",
          "--reason",
          "warm-up");
      CliRun.run(
          a,
          "events",
          "add",
          "--cloud",
          "sim",
          "--name",
          "warm-up",
          "--cron",
          "0 0 0 ? * MON",
          "--duration",
          "1h",
          "--multiplier",
          "2");
      CliRun.run(
          a,
          "events",
          "add",
          "--cloud",
          "sim",
          "--name",
          "warm-up",
          "--cron",
          "* * * ? * *",
          "--duration",
          "1h",
          "--multiplier",
          "2");
      CliRun.run(a, "override", "list", "--cloud", "sim");
      BoundedPlan.plan(a.config(), a.state().extraEvents());
    }
    a.state().removeEvent("warm-up");
  }

  @Property(tries = 150)
  void eventRequestsAreRefusedNamingTheOptionOrPlanWithinTheBound(
      @ForAll("eventRequests") List<List<String>> requests) {
    SimAccount a = account();
    a.state().extraEvents().forEach(e -> a.state().removeEvent(e.name()));
    int n = 0;
    for (List<String> options : requests) {
      List<String> args = new ArrayList<>(List.of("events", "add", "--cloud", "sim"));
      for (String o : options) {
        args.add(
            o.startsWith("@NOW+")
                ? a.clock().instant().plus(Duration.ofHours(hours(o))).toString()
                : o.replace("@N@", "ev" + n));
      }
      n++;
      run(a, args, "events add");
    }
    PLAN.record(BoundedPlan.plan(a.config(), a.state().extraEvents()), requests.toString());
  }

  private static long hours(String placeholder) {
    return Long.parseLong(placeholder.replaceAll("^@NOW\\+(-?\\d+)h$", "$1"));
  }

  @Property(tries = 150)
  void overrideRequestsAreRefusedNamingTheOptionOrStored(
      @ForAll("overrideRequests") List<String> options) {
    SimAccount a = account();
    List<String> args = new ArrayList<>(List.of("override", "set", "--cloud", "sim"));
    args.addAll(options);
    if (run(a, args, "override set") == 0) {
      CliRun list = CliRun.run(a, "override", "list", "--cloud", "sim");
      assertThat(list.out()).doesNotContain("\u001b").doesNotContain("\u202e");
    }
  }

  private static int run(SimAccount a, List<String> args, String label) {
    long t = System.nanoTime();
    CliRun r = CliRun.run(a, args.toArray(String[]::new));
    REQUEST.record(System.nanoTime() - t, String.join(" ", args));
    String what = String.join(" ", args) + "\n" + r.err();
    assertThat(r.code()).as(what).isIn(0, 2);
    assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception");
    if (r.code() == 2) {
      // Ours start "--option: "; picocli's name it ("Invalid value for option '--for'").
      assertThat(r.err()).as(what).containsPattern("(?m)(^--[a-z-]+: |'--[a-z-]+')");
    } else {
      ACCEPTED.incrementAndGet();
    }
    Statistics.label(label).collect(r.code() == 0 ? "accepted" : "refused");
    return r.code();
  }

  @Provide
  Arbitrary<List<List<String>>> eventRequests() {
    return Arbitraries.of(false, true).flatMap(GeneratedRequestsProperties::eventRequests);
  }

  private static Arbitrary<List<List<String>>> eventRequests(boolean h) {
    Arbitrary<List<String>> one =
        Combinators.combine(
                eventName(h),
                Arbitraries.frequencyOf(
                    weight(1, cron(h).map(c -> List.of("--cron", c))),
                    weight(
                        1,
                        Arbitraries.integers()
                            .between(h ? -48 : 1, 40 * 24)
                            .map(hours -> List.of("--start", "@NOW+" + hours + "h")))),
                eventDuration(h),
                multiplier(h),
                leadTime(h),
                h
                    ? Arbitraries.of("", "sonnet", "haiku", "opus", "sonnet,haiku")
                    : Arbitraries.of("", "sonnet", "haiku", "sonnet,haiku"))
            .as(
                (name, when, d, m, lead, models) -> {
                  List<String> o = new ArrayList<>(List.of("--name", name));
                  o.addAll(when);
                  o.addAll(List.of("--duration", d, "--multiplier", m, "--lead-time", lead));
                  if (!models.isEmpty()) {
                    o.addAll(List.of("--models", models));
                  }
                  return o;
                });
    return Arbitraries.frequencyOf(
            weight(6, Arbitraries.integers().between(1, 4)), weight(1, Arbitraries.of(30, 120)))
        .flatMap(n -> one.list().ofSize(n));
  }

  @Provide
  Arbitrary<List<String>> overrideRequests() {
    return Arbitraries.of(false, true).flatMap(GeneratedRequestsProperties::overrideRequests);
  }

  private static Arbitrary<List<String>> overrideRequests(boolean h) {
    Arbitrary<List<String>> target =
        Arbitraries.of(
            List.of("--model", "sonnet", "--units", "12"),
            List.of("--model", "sonnet", "--units", "10000"),
            List.of("--model", "sonnet", "--units", "-1"),
            List.of("--model", "sonnet", "--units", "1e309"),
            List.of("--model", "opus", "--units", "1"),
            List.of("--ecs", "--tasks", "40"),
            List.of("--pause"),
            List.of("--model", "haiku", "--pause"));
    return Combinators.combine(target, duration(h, "2h", "90m", "PT6H", "7d"), reason(h))
        .as(
            (t, d, why) -> {
              List<String> o = new ArrayList<>(t);
              o.addAll(List.of("--for", d, "--reason", why));
              return o;
            });
  }

  @AfterContainer
  static void writeFigures() throws Exception {
    WorstTimes.write(
        "generated-requests.txt",
        "requests accepted: " + ACCEPTED.get() + "\n" + REQUEST.report() + PLAN.report());
  }
}
