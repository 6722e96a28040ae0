package io.capacityctl.reconcile;

import io.capacityctl.config.PolicyConfig;
import io.capacityctl.ports.ProvisionedThroughput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns a model's target units into PT actions. Pure.
 *
 * <p>Block-size rule: units cannot be resized, so a scale-up of N units creates PTs of at most
 * {@code policy.blockUnits} units (default 1): any later scale-down can then remove exactly the
 * excess. A scale-down cancels Creating PTs first (they serve nobody yet), then drains in-service
 * ones, largest first among those that fit the excess, and never goes below the target (with a zero
 * drain time they are deleted at once). A scale-up first puts draining PTs back (free) before
 * buying.
 *
 * <p>Idempotency: a PT's name and client request token derive from (config, model, slot, minute of
 * the pass). A duplicated or retried pass in the same minute sends the same token and buys nothing
 * twice; a later pass lists the PT first and does not need to buy it.
 */
public final class PoolPlanner {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm").withZone(ZoneOffset.UTC);
  private static final Comparator<ProvisionedThroughput> LARGEST_FIRST =
      Comparator.comparingInt(ProvisionedThroughput::modelUnits).reversed();

  private final String config;
  private final String namePrefix;
  private final PolicyConfig policy;

  public PoolPlanner(String config, String namePrefix, PolicyConfig policy) {
    this.config = config;
    this.namePrefix = namePrefix;
    this.policy = policy;
  }

  /** Actions moving {@code pool} to {@code target} units, given the drain time in force. */
  public List<PtAction> actions(ModelPool pool, int target, Instant now) {
    List<PtAction> out = new ArrayList<>();
    String model = pool.model();
    for (ProvisionedThroughput pt : pool.failed()) {
      out.add(
          new PtAction.Delete(
              model, pt.arn(), pt.modelUnits(), "failed: " + pt.failureMessage(), false));
    }
    int planned = pool.plannedUnits();
    List<ProvisionedThroughput> draining = largestFirst(pool.draining());
    if (target > planned) {
      int missing = target - planned;
      for (ProvisionedThroughput pt : List.copyOf(draining)) {
        if (pt.modelUnits() <= missing) {
          out.add(new PtAction.Undrain(model, pt.arn(), pt.modelUnits()));
          missing -= pt.modelUnits();
          draining.remove(pt);
        }
      }
      int slot = planned + (target - planned - missing);
      String minute = missing > 0 ? MINUTE.format(now.truncatedTo(ChronoUnit.MINUTES)) : null;
      while (missing > 0) {
        int size = Math.min(missing, Math.max(1, policy.blockUnits()));
        out.add(create(model, slot + 1, size, minute));
        slot += size;
        missing -= size;
      }
    } else if (target < planned) {
      int excess = planned - target;
      List<ProvisionedThroughput> creating = largestFirst(pool.creating());
      for (ProvisionedThroughput pt : creating) {
        if (pt.modelUnits() <= excess) {
          out.add(
              new PtAction.Delete(model, pt.arn(), pt.modelUnits(), "cancelled: not needed", true));
          excess -= pt.modelUnits();
        }
      }
      boolean drain = !policy.drainTime().isZero();
      for (ProvisionedThroughput pt : largestFirst(pool.serving())) {
        if (pt.modelUnits() <= excess) {
          out.add(
              drain
                  ? new PtAction.Drain(model, pt.arn(), pt.modelUnits())
                  : new PtAction.Delete(model, pt.arn(), pt.modelUnits(), "removed", true));
          excess -= pt.modelUnits();
        }
      }
    }
    for (ProvisionedThroughput pt : draining) {
      Instant since = pool.drainingSince(pt.arn());
      if (since == null || !since.plus(policy.drainTime()).isAfter(now)) {
        out.add(new PtAction.Delete(model, pt.arn(), pt.modelUnits(), "drained", false));
      }
    }
    return out;
  }

  /** A purchase named and tokened by {@code minute}, the pass's minute as {@link #MINUTE}. */
  private PtAction.Create create(String model, int slot, int units, String minute) {
    String name = namePrefix + model + "-" + minute + "-s" + slot;
    String token = sha256(config + "|" + model + "|" + slot + "|" + minute);
    return new PtAction.Create(model, name, units, token);
  }

  private static List<ProvisionedThroughput> largestFirst(List<ProvisionedThroughput> pts) {
    List<ProvisionedThroughput> sorted = new ArrayList<>(pts);
    if (sorted.size() > 1) {
      sorted.sort(LARGEST_FIRST);
    }
    return sorted;
  }

  static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
