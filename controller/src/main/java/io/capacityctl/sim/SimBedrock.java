package io.capacityctl.sim;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CloudException.Kind;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.ports.PtStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory Bedrock provisioned-throughput control plane that keeps the real contract: units
 * fixed per PT, Creating then InService after the model's provisioning time, deletion immediate,
 * committed PTs undeletable, a model-unit quota, idempotency tokens honoured.
 */
public final class SimBedrock implements ProvisionedThroughputApi {
  private final Clock clock;
  private final Map<String, Duration> provisioning;
  private final Map<String, Integer> quota;
  private final Map<String, Pt> pts = new LinkedHashMap<>();
  private final Map<String, String> arnByToken = new HashMap<>();
  private final Map<String, Integer> creates = new HashMap<>();
  private final Map<String, Integer> deletes = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();
  // Units of every PT that exists, per model id: billedUnits is asked every simulated minute.
  private final Map<String, Integer> billed = new HashMap<>();
  private final Faults faults = new Faults();
  private Duration listingLag = Duration.ZERO;
  private int seq;

  private static final class Pt {
    String arn;
    String name;
    String modelId;
    int units;
    boolean committed;
    Instant createdAt;
    Instant readyAt;
    Instant listedFrom;
    Map<String, String> tags;
    String failure;
    // The PT as last listed: the same record while its status holds (a list every pass builds
    // none); dropped whenever a field above changes.
    ProvisionedThroughput view;
  }

  /**
   * @param provisioning Creating to InService time per model id
   * @param quota model-unit quota per model id
   */
  public SimBedrock(Clock clock, Map<String, Duration> provisioning, Map<String, Integer> quota) {
    this.clock = clock;
    this.provisioning = Map.copyOf(provisioning);
    this.quota = Map.copyOf(quota);
  }

  public Faults faults() {
    return faults;
  }

  /** One PT as a sandbox keeps it between processes. */
  public record SavedPt(
      String arn,
      String name,
      String modelId,
      int units,
      boolean committed,
      Instant createdAt,
      Instant readyAt,
      Instant listedFrom,
      Map<String, String> tags,
      String failure) {}

  /** The control plane's state (not its injected faults), as a sandbox keeps it. */
  public record Saved(
      int seq,
      Duration listingLag,
      List<SavedPt> pts,
      Map<String, String> arnByToken,
      Map<String, Integer> creates,
      Map<String, Integer> deletes) {}

  public synchronized Saved save() {
    List<SavedPt> saved = new ArrayList<>();
    for (Pt p : pts.values()) {
      saved.add(
          new SavedPt(
              p.arn,
              p.name,
              p.modelId,
              p.units,
              p.committed,
              p.createdAt,
              p.readyAt,
              p.listedFrom,
              p.tags,
              p.failure));
    }
    return new Saved(
        seq,
        listingLag,
        saved,
        new LinkedHashMap<>(arnByToken),
        new LinkedHashMap<>(creates),
        new LinkedHashMap<>(deletes));
  }

  /** Replaces the whole state with {@code saved}, in place: callers keep this instance. */
  public synchronized void restore(Saved saved) {
    pts.clear();
    for (SavedPt s : saved.pts()) {
      Pt p = new Pt();
      p.arn = s.arn();
      p.name = s.name();
      p.modelId = s.modelId();
      p.units = s.units();
      p.committed = s.committed();
      p.createdAt = s.createdAt();
      p.readyAt = s.readyAt();
      p.listedFrom = s.listedFrom();
      p.tags = Map.copyOf(s.tags());
      p.failure = s.failure();
      pts.put(p.arn, p);
    }
    billed.clear();
    for (Pt p : pts.values()) {
      billed.merge(p.modelId, p.units, Integer::sum);
    }
    arnByToken.clear();
    arnByToken.putAll(saved.arnByToken());
    creates.clear();
    creates.putAll(saved.creates());
    deletes.clear();
    deletes.putAll(saved.deletes());
    listingLag = saved.listingLag();
    seq = saved.seq();
  }

  @Override
  public synchronized List<ProvisionedThroughput> listAll() {
    return listed(null);
  }

  @Override
  public synchronized List<ProvisionedThroughput> list(String modelId) {
    return listed(modelId);
  }

  /** The PTs listed now, of {@code modelId} or (null) of every model. */
  private List<ProvisionedThroughput> listed(String modelId) {
    calls.merge(AwsAction.BEDROCK_LIST_PTS.iamAction(), 1, Integer::sum);
    faults.check(AwsAction.BEDROCK_LIST_PTS.iamAction());
    Instant now = clock.instant();
    List<ProvisionedThroughput> out = new ArrayList<>();
    for (Pt p : pts.values()) {
      if ((modelId == null || p.modelId.equals(modelId)) && !now.isBefore(p.listedFrom)) {
        out.add(view(p, now));
      }
    }
    return out;
  }

  @Override
  public synchronized ProvisionedThroughput create(CreatePtRequest r) {
    String action = AwsAction.BEDROCK_CREATE_PT.iamAction();
    calls.merge(action, 1, Integer::sum);
    faults.check(action);
    Instant now = clock.instant();
    String existing = arnByToken.get(r.clientRequestToken());
    if (existing != null && pts.containsKey(existing)) {
      faults.checkAnswer(action);
      return view(pts.get(existing), now); // same token: the first purchase, not a second
    }
    if (r.units() < 1) {
      throw new CloudException(Kind.VALIDATION, action, "modelUnits must be >= 1");
    }
    for (Pt p : pts.values()) {
      if (p.name.equals(r.name())) {
        throw new CloudException(Kind.CONFLICT, action, "a PT named " + r.name() + " exists");
      }
    }
    Duration delay = provisioning.get(r.modelId());
    if (delay == null) {
      throw new CloudException(Kind.VALIDATION, action, "unknown model " + r.modelId());
    }
    int used = billedUnits(r.modelId());
    int limit = quota.getOrDefault(r.modelId(), Integer.MAX_VALUE);
    if (used + r.units() > limit) {
      throw new CloudException(
          Kind.QUOTA_EXCEEDED,
          action,
          "model-unit quota " + limit + " for " + r.modelId() + " (in use " + used + ")");
    }
    Pt p = new Pt();
    p.arn = "arn:aws:bedrock:sim:000000000000:provisioned-model/pt" + (++seq);
    p.name = r.name();
    p.modelId = r.modelId();
    p.units = r.units();
    p.createdAt = now;
    p.readyAt = now.plus(delay);
    p.listedFrom = now.plus(listingLag);
    p.tags = r.tags();
    pts.put(p.arn, p);
    billed.merge(p.modelId, p.units, Integer::sum);
    arnByToken.put(r.clientRequestToken(), p.arn);
    creates.merge(r.modelId(), 1, Integer::sum);
    faults.checkAnswer(action);
    return view(p, now);
  }

  @Override
  public synchronized void delete(String arn) {
    String action = AwsAction.BEDROCK_DELETE_PT.iamAction();
    calls.merge(action, 1, Integer::sum);
    faults.check(action);
    Pt p = pts.get(arn);
    if (p == null) {
      throw new CloudException(Kind.NOT_FOUND, action, "no PT " + arn);
    }
    if (p.committed) {
      throw new CloudException(
          Kind.CONFLICT, action, "committed PT cannot be deleted before its term");
    }
    pts.remove(arn);
    billed.merge(p.modelId, -p.units, Integer::sum);
    deletes.merge(p.modelId, 1, Integer::sum);
  }

  /**
   * PTs bought from now on are missing from {@link #list} for {@code lag} after their purchase, as
   * an eventually consistent ListProvisionedModelThroughputs may leave them (they are billed).
   */
  public synchronized void delayListing(Duration lag) {
    listingLag = lag;
  }

  /** Adds a committed PT (bought outside capacityctl): a fixed floor. */
  public synchronized String addCommitted(String modelId, int units) {
    return addCommitted(modelId, units, Map.of());
  }

  /** Adds a committed PT carrying {@code tags}: never deletable before its term. */
  public synchronized String addCommitted(String modelId, int units, Map<String, String> tags) {
    return add(modelId, units, "committed-" + (seq + 1), tags, true, clock.instant());
  }

  /** Adds someone else's PT, in service: capacityctl must never touch it. */
  public synchronized String addForeign(
      String modelId, int units, String name, Map<String, String> tags) {
    return add(modelId, units, name, tags, false, clock.instant());
  }

  /**
   * Puts every PT still Creating in service now, as if it had been bought a provisioning time ago
   * (the simulator's warm start: an account that has been running): its creation time moves back
   * with it, so the provisioning time it shows stays the model's.
   */
  public synchronized void completeCreations() {
    Instant now = clock.instant();
    for (Pt p : pts.values()) {
      if (p.readyAt.isAfter(now)) {
        p.createdAt = p.createdAt.minus(Duration.between(now, p.readyAt));
        p.readyAt = now;
        p.view = null;
      }
    }
  }

  /** Keeps a PT in Creating until {@code until} (a stuck creation). */
  public synchronized void delayCreation(String arn, Instant until) {
    Pt p = pts.get(arn);
    p.readyAt = until;
    p.view = null;
  }

  /** Marks a PT Failed. */
  public synchronized void fail(String arn, String message) {
    Pt p = pts.get(arn);
    p.failure = message;
    p.view = null;
  }

  /** Units of every PT that exists for the model (billed whatever its state). */
  public synchronized int billedUnits(String modelId) {
    return billed.getOrDefault(modelId, 0);
  }

  public synchronized int creates(String modelId) {
    return creates.getOrDefault(modelId, 0);
  }

  /**
   * Calls of {@code action} (e.g. {@code bedrock:ListProvisionedModelThroughputs}), failed or not.
   */
  public synchronized int calls(String action) {
    return calls.getOrDefault(action, 0);
  }

  public synchronized int deletes(String modelId) {
    return deletes.getOrDefault(modelId, 0);
  }

  public synchronized PtStatus status(String arn) {
    Pt p = pts.get(arn);
    return p == null ? null : view(p, clock.instant()).status();
  }

  private String add(
      String modelId,
      int units,
      String name,
      Map<String, String> tags,
      boolean committed,
      Instant now) {
    Pt p = new Pt();
    p.arn = "arn:aws:bedrock:sim:000000000000:provisioned-model/pt" + (++seq);
    p.name = name;
    p.modelId = modelId;
    p.units = units;
    p.committed = committed;
    p.createdAt = now;
    p.readyAt = now;
    p.listedFrom = now;
    p.tags = Map.copyOf(tags);
    pts.put(p.arn, p);
    billed.merge(p.modelId, p.units, Integer::sum);
    return p.arn;
  }

  private static ProvisionedThroughput view(Pt p, Instant now) {
    PtStatus status =
        p.failure != null
            ? PtStatus.FAILED
            : now.isBefore(p.readyAt) ? PtStatus.CREATING : PtStatus.IN_SERVICE;
    if (p.view == null || p.view.status() != status) {
      p.view =
          new ProvisionedThroughput(
              p.arn,
              p.name,
              p.modelId,
              p.units,
              status,
              p.committed,
              p.createdAt,
              p.tags,
              p.failure);
    }
    return p.view;
  }
}
