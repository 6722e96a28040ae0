package io.capacityctl.cli;

import io.capacityctl.sim.SimAccount;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

/** One {@code Main.run} against a shared simulated account, with what it printed. */
record CliRun(int code, String out, String err) {

  static CliRun run(SimAccount account, String... args) {
    return withInput(account, "", args);
  }

  static CliRun withInput(SimAccount account, String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            CliEnvironment.simulated(
                account, new StringReader(input), new PrintWriter(out), new PrintWriter(err)),
            args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
