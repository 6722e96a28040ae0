package io.capacityctl.sim;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.EcsCapacityApi;
import io.capacityctl.ports.EcsState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * In-memory ECS service (desired-count mode): new tasks run after the startup time, removed tasks
 * stop at once (pending ones first).
 */
public final class SimEcs implements EcsCapacityApi {
  private final Clock clock;
  private final Duration startup;
  private final List<Instant> readyAt = new ArrayList<>();
  // Whether readyAt is ascending: it is while the clock only moves forward (tasks are added at its
  // now plus the startup and removed from the end); a clock set back may break it.
  private boolean ascending = true;
  private final Faults faults = new Faults();
  private int updates;

  public SimEcs(Clock clock, Duration startup, int initialTasks) {
    this.clock = clock;
    this.startup = startup;
    for (int i = 0; i < initialTasks; i++) {
      readyAt.add(clock.instant());
    }
  }

  public Faults faults() {
    return faults;
  }

  /**
   * The service's tasks as a sandbox keeps them between processes.
   *
   * @param readyAt when each desired task runs (or ran), ascending
   */
  public record Saved(List<Instant> readyAt, int updates) {}

  public synchronized Saved save() {
    return new Saved(List.copyOf(readyAt), updates);
  }

  /** Replaces the tasks with {@code saved}'s, in place. */
  public synchronized void restore(Saved saved) {
    readyAt.clear();
    readyAt.addAll(saved.readyAt());
    ascending = true;
    for (int i = 1; i < readyAt.size(); i++) {
      ascending &= !readyAt.get(i).isBefore(readyAt.get(i - 1));
    }
    updates = saved.updates();
  }

  @Override
  public synchronized EcsState describe(String cluster, String service) {
    faults.check(AwsAction.ECS_DESCRIBE_SERVICES.iamAction());
    return new EcsState(readyAt.size(), running(), readyAt.size(), false);
  }

  @Override
  public synchronized void setTasks(String cluster, String service, int tasks) {
    faults.check(AwsAction.ECS_UPDATE_SERVICE.iamAction());
    updates++;
    Instant ready = clock.instant().plus(startup);
    if (readyAt.size() < tasks
        && !readyAt.isEmpty()
        && ready.isBefore(readyAt.get(readyAt.size() - 1))) {
      ascending = false;
    }
    while (readyAt.size() < tasks) {
      readyAt.add(ready);
    }
    while (readyAt.size() > tasks) {
      readyAt.remove(readyAt.size() - 1);
    }
  }

  /** Puts every pending task in service now (the simulator's warm start). */
  public synchronized void completeStarts() {
    Instant now = clock.instant();
    readyAt.replaceAll(t -> t.isAfter(now) ? now : t);
  }

  public synchronized int running() {
    Instant now = clock.instant();
    if (ascending) {
      // The pending tasks are the last few: counted from the end, not every task every pass.
      int n = readyAt.size();
      while (n > 0 && readyAt.get(n - 1).isAfter(now)) {
        n--;
      }
      return n;
    }
    int n = 0;
    for (Instant t : readyAt) {
      if (!t.isAfter(now)) {
        n++;
      }
    }
    return n;
  }

  public synchronized int desired() {
    return readyAt.size();
  }

  public synchronized int updates() {
    return updates;
  }
}
