package io.capacityctl.sandbox;

import io.capacityctl.sim.SimAccount;
import java.util.List;

/**
 * The file of a sandbox: one simulated account and what it was made for.
 *
 * @param version the file format; another one is refused (reset starts afresh)
 * @param id made when the account is: a reset account followed by a new one is another account
 * @param generation one more at every write: a process that wrote generation N of this id and finds
 *     it on disk knows nothing changed since, and skips reading the account again
 * @param config the name of the configuration the account was made for
 * @param models that configuration's model keys, in its order
 * @param trace the synthetic traffic the account is fed
 */
public record SavedAccount(
    int version,
    String id,
    long generation,
    String config,
    List<String> models,
    TraceSpec trace,
    SimAccount.Saved account) {

  /** The format this build writes and reads. */
  public static final int VERSION = 1;

  /** A synthetic trace, made again from these when the account is read. */
  public record TraceSpec(String scenario, long seed, int days) {}
}
