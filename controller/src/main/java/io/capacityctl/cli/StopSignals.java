package io.capacityctl.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as a request to stop, not as the end of the JVM. Left to the JVM, SIGTERM runs
 * the shutdown hooks while the logging system shuts down beside them and ends the process with 143,
 * so a daemon stopped by ECS, systemd or {@code kill} reported a failure and its last lines ("lease
 * released") were lost. Handled here, the stop runs to its end while everything still works, and
 * {@code run} returns 0 as after any other stop. Closing puts the JVM's own handlers back.
 */
final class StopSignals implements AutoCloseable {
  private static final String[] SIGNALS = {"TERM", "INT"};

  private final List<SignalHandler> previous = new ArrayList<>();

  private StopSignals(Runnable stop) {
    for (String name : SIGNALS) {
      previous.add(
          Signal.handle(new Signal(name), s -> new Thread(stop, "stop-on-sig" + name).start()));
    }
  }

  /** Until closed, SIGTERM and SIGINT start {@code stop} on a thread of its own. */
  static StopSignals handle(Runnable stop) {
    return new StopSignals(stop);
  }

  @Override
  public void close() {
    for (int i = 0; i < SIGNALS.length; i++) {
      Signal.handle(new Signal(SIGNALS[i]), previous.get(i));
    }
  }
}
