package io.capacityctl.sandbox;

import io.capacityctl.sim.SimAccount;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Work on a sandbox's account, kept in step with its directory: under the directory's lock, the
 * account is read again when another process wrote since, the work runs, and the account is
 * written. Threads of one process (a daemon's passes, health checks and traffic) take turns too.
 */
final class OnDisk implements SimAccount.Exclusive {
  private final Sandbox sandbox;
  private final SimAccount account;
  private final ReentrantLock turn = new ReentrantLock();
  private Sandbox.Version version; // what the account in memory is, as last read or written
  private Sandbox.FileLock held; // while a call runs, outside a pause

  OnDisk(Sandbox sandbox, SimAccount account, Sandbox.Version version) {
    this.sandbox = sandbox;
    this.account = account;
    this.version = version;
  }

  @Override
  public <T> T call(Supplier<T> work) {
    if (turn.isHeldByCurrentThread()) {
      return work.get(); // within a call: the outer one writes
    }
    turn.lock();
    try {
      held = sandbox.lock();
      try {
        catchUp();
        return work.get();
      } finally {
        // Written whatever the work's outcome: as on AWS, what was done stays done.
        writeAndRelease();
      }
    } finally {
      turn.unlock();
    }
  }

  @Override
  public <T> T pause(Supplier<T> work) {
    if (!turn.isHeldByCurrentThread() || held == null) {
      return work.get();
    }
    writeAndRelease();
    try {
      return work.get();
    } finally {
      held = sandbox.lock();
      catchUp();
    }
  }

  /** Reads the account again when the directory holds another version than this process's. */
  private void catchUp() {
    Optional<Sandbox.Version> onDisk = sandbox.version();
    if (onDisk.isPresent() && !onDisk.get().equals(version)) {
      SavedAccount s = sandbox.read().orElseThrow();
      account.restore(s.account());
      version = new Sandbox.Version(s.id(), s.generation());
    }
    // No account on disk: reset meanwhile. This process's account is written back (docs/cli.md).
  }

  private void writeAndRelease() {
    try {
      version = version.next();
      sandbox.write(account, version);
    } finally {
      held.close();
      held = null;
    }
  }
}
