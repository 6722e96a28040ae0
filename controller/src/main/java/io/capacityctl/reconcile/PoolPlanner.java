package io.capacityctl.reconcile;

import io.capacityctl.config.PolicyConfig;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.state.PurchaseIntent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
 * <p>Idempotency: a new PT's name and client request token derive from (config, model, slot, minute
 * of the pass), so a duplicated pass in the same minute sends the same token. A retry in a later
 * minute would not, so every purchase is recorded in the state store before it is sent ({@link
 * PurchaseIntent}) and tagged with its token; until a PT carrying that tag is listed, a scale-up
 * sends the recorded request again — same name, units and token — before buying anything new. A
 * crash after the call, a lost answer or a PT that ListProvisionedModelThroughputs does not show
 * yet (eventual consistency) therefore never buys twice, whatever minute the retry runs in.
 */
public final class PoolPlanner {
  /**
   * How long a recorded purchase whose PT is never listed is sent again before it is abandoned.
   *
   * <p>Bedrock says only that a repeated clientRequestToken makes it ignore the request without an
   * error, and refers to EC2's idempotency page: there a token is kept at least 24 hours and is per
   * region (per account and region here, and our tokens also name the config). Other AWS APIs keep
   * tokens 8 to 36 hours; the shortest documented, DynamoDB transactions, 10 minutes. A purchase
   * Bedrock accepted is listed within seconds to minutes, so one still unlisted after an hour never
   * reached Bedrock or was refused, and a new token is safe. An hour covers any listing lag and the
   * 3-minute lease a crashed holder leaves behind, and stays inside the token windows AWS documents
   * for its resource-creating APIs, so a re-send never relies on Bedrock remembering longer.
   */
  public static final Duration RESEND_WINDOW = Duration.ofHours(1);

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
      // Sent whole even when fewer units are missing now: a new, smaller PT instead would buy
      // twice if Bedrock did buy the first (the excess is trimmed like any other).
      for (PurchaseIntent p : pool.pendingPurchases()) {
        if (missing <= 0) {
          break;
        }
        out.add(
            new PtAction.Create(
                model, p.name(), p.units(), p.clientRequestToken(), p.recordedAt()));
        slot += p.units();
        missing -= p.units();
      }
      Set<String> pending =
          pool.pendingPurchases().stream()
              .map(PurchaseIntent::clientRequestToken)
              .collect(Collectors.toSet());
      while (missing > 0) {
        int size = Math.min(missing, Math.max(1, policy.blockUnits()));
        PtAction.Create c = create(model, ++slot, size, now);
        // In the minute a pending purchase was first sent, its slot's token is taken.
        while (pending.contains(c.clientRequestToken())) {
          c = create(model, ++slot, size, now);
        }
        out.add(c);
        slot += size - 1;
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

  private PtAction.Create create(String model, int slot, int units, Instant now) {
    String minute = MINUTE.format(now.truncatedTo(ChronoUnit.MINUTES));
    String name = namePrefix + model + "-" + minute + "-s" + slot;
    String token = sha256(config + "|" + model + "|" + slot + "|" + minute);
    return new PtAction.Create(model, name, units, token, null);
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
