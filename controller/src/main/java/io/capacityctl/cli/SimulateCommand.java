package io.capacityctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code capacityctl simulate}: replays a traffic trace through the reconcile path. */
@Command(name = "simulate", description = "Replay a traffic trace through the controller.")
final class SimulateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("being written");
  }
}
