package io.capacityctl.cli;

import io.capacityctl.operator.Overrides;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.sandbox.Sandbox;
import io.capacityctl.sandbox.SavedAccount;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimBedrock;
import io.capacityctl.sim.TraceGenerator;
import io.capacityctl.state.InMemoryLeaseTable;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code capacityctl sandbox show}: what the sandbox holds, read without changing it. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show the sandbox: its configuration, clock, lease, PTs, overrides and how often it was"
          + " written. Makes no account when there is none."
    })
final class SandboxShowCommand implements Callable<Integer> {
  @Mixin SandboxOption sandbox;

  @Mixin OutputOption output;

  private final CliEnvironment env;

  SandboxShowCommand(CliEnvironment env) {
    this.env = env;
  }

  /** What {@code --output json} prints when there is no account. */
  record NoAccount(String sandbox) {}

  /** One model id's PT units by state. */
  record Units(int inService, int creating, int failed) {}

  /**
   * What {@code show} prints.
   *
   * @param minute the clock's minute of the trace
   * @param lease the holder, or null when the lease is free (or expired)
   */
  record Shown(
      String sandbox,
      String config,
      List<String> models,
      SavedAccount.TraceSpec trace,
      Instant clock,
      long minute,
      String lease,
      Instant leaseUntil,
      Map<String, Units> ptUnits,
      List<CapacityOverride> overrides,
      int addedEvents,
      int auditEntries,
      long generation) {}

  @Override
  public Integer call() {
    Sandbox s = env.sandbox(sandbox);
    Optional<SavedAccount> saved = s.show();
    PrintWriter out = env.out();
    if (saved.isEmpty()) {
      if (output.json()) {
        Json.print(out, new NoAccount(s.dir().toString()));
      } else {
        out.printf("%s holds no account yet: the next --cloud sim command makes one%n", s.dir());
      }
      return ExitCodes.OK;
    }
    Shown shown = shown(s, saved.get());
    if (output.json()) {
      Json.print(out, shown);
    } else {
      print(out, shown);
    }
    return ExitCodes.OK;
  }

  private static Shown shown(Sandbox s, SavedAccount saved) {
    SimAccount.Saved a = saved.account();
    Instant now = a.clock();
    InMemoryLeaseTable.Saved lease = a.lease();
    // As status shows it: the holder's own "until" (its wall clock), for people to read.
    boolean held = lease.holder() != null && now.isBefore(lease.heldUntil());
    Map<String, Units> units = new LinkedHashMap<>();
    for (SimBedrock.SavedPt p : a.bedrock().pts()) {
      Units u = units.getOrDefault(p.modelId(), new Units(0, 0, 0));
      boolean failed = p.failure() != null;
      boolean creating = !failed && now.isBefore(p.readyAt());
      units.put(
          p.modelId(),
          new Units(
              u.inService() + (failed || creating ? 0 : p.units()),
              u.creating() + (creating ? p.units() : 0),
              u.failed() + (failed ? p.units() : 0)));
    }
    return new Shown(
        s.dir().toString(),
        saved.config(),
        saved.models(),
        saved.trace(),
        now,
        Duration.between(TraceGenerator.MANGAASSIST_START, now).toMinutes(),
        held ? lease.holder() : null,
        held ? lease.heldUntil() : null,
        units,
        a.state().overrides().stream().filter(o -> o.activeAt(now)).toList(),
        a.state().events().size(),
        a.state().audit().size(),
        saved.generation());
  }

  private static void print(PrintWriter out, Shown s) {
    out.printf(
        "sandbox %s: config %s, models %s, trace %s (seed %d, %d days)%n",
        s.sandbox(),
        s.config(),
        s.models(),
        s.trace().scenario(),
        s.trace().seed(),
        s.trace().days());
    out.printf(
        "clock %s (%s), minute %d of the trace%n",
        s.clock(), s.clock().atZone(TraceGenerator.TOKYO).toLocalDateTime(), s.minute());
    out.printf("lease: %s%n", s.lease() == null ? "free" : s.lease() + " until " + s.leaseUntil());
    s.ptUnits()
        .forEach(
            (model, u) ->
                out.printf(
                    "PT units of %s: %d in service, %d creating, %d failed%n",
                    model, u.inService(), u.creating(), u.failed()));
    out.println("overrides:" + (s.overrides().isEmpty() ? " none" : ""));
    s.overrides()
        .forEach(o -> out.printf("  %s by %s: %s%n", Overrides.describe(o), o.who(), o.reason()));
    out.printf(
        "events added: %d; audit entries: %d; written %d times%n",
        s.addedEvents(), s.auditEntries(), s.generation());
  }
}
