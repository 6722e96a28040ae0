package io.capacityctl.cli;

import io.capacityctl.sim.SimAccount;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;

/** One {@code Main.run} (on a shared simulated account, or as the real CLI), with its output. */
record CliRun(int code, String out, String err) {

  /** As {@code java -jar capacityctl.jar ARGS}: the real environment, output captured. */
  static CliRun system(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun run(SimAccount account, String... args) {
    return withInput(account, "", args);
  }

  static CliRun withInput(SimAccount account, String input, String... args) {
    return withReader(account, new StringReader(input), args);
  }

  /** With {@code input} as stdin: a test's reader may change the account while it is asked. */
  static CliRun withReader(SimAccount account, Reader input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            CliEnvironment.simulated(account, input, new PrintWriter(out), new PrintWriter(err)),
            args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
