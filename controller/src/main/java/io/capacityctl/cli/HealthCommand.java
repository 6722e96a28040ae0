package io.capacityctl.cli;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.health.HealthFinding;
import io.capacityctl.health.HealthReport;
import io.capacityctl.runtime.ControllerGraph;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code capacityctl health}: the health check's findings; exit 1 when unhealthy. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = {
      "Run the health check the Lambda and the daemon run every 15 minutes; exit 1 if unhealthy.",
      "Checks capacity vs plan, PTs Failed or stuck in Creating, metric freshness, failed last"
          + " actions and the lease holder."
    })
final class HealthCommand extends GraphCommand {
  HealthCommand(CliEnvironment env) {
    super(env);
  }

  @Override
  int run(CapacityConfig config, ControllerGraph graph, PrintWriter out) {
    HealthReport r = graph.healthCheck().run();
    if (json()) {
      Json.print(out, r.asMap());
    } else {
      for (HealthFinding f : r.findings()) {
        out.printf("%-4s %-8s %-10s %s%n", f.status(), f.check(), f.target(), f.detail());
      }
      out.println(r.summary());
    }
    return r.healthy() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }
}
