package io.capacityctl.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Planner;
import io.capacityctl.planner.Policy;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.EcsCapacityApi;
import io.capacityctl.ports.EcsState;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.routing.RoutePublisher;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimulatedCloud;
import io.capacityctl.state.AuditEntry;
import io.capacityctl.state.CircuitState;
import io.capacityctl.state.Lease;
import io.capacityctl.state.LeaseKeeper;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.PurchaseIntent;
import io.capacityctl.state.StateStore;
import io.capacityctl.testing.ForwardingStateStore;
import io.capacityctl.testing.TestConfig;
import io.capacityctl.testing.WatchedPolicy;
import io.capacityctl.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 16, finding 1, as an adversary would probe it: two or three controllers on one simulated
 * account, each a separate process with its own monotonic clock and a wall clock skewed by up to
 * five minutes either way, daemons that keep the lease or Lambda-like holders that give it back
 * after every pass; one of them stalls for minutes at any step of any of its first passes (before
 * or after any state write or AWS call, reads included) while the others keep passing; purchases
 * lose their answers; a purchase record's write goes in but its answer is lost. Whatever happens:
 *
 * <ul>
 *   <li>units billed never exceed the highest target any pass planned;
 *   <li>no holder's money call (a PT bought or deleted, a routing table published, ECS changed)
 *       comes after a call by a holder with a newer fencing token.
 * </ul>
 */
class FencingProperties {
  private static final String SONNET = "anthropic.sonnet-v1:0";
  private static final int WARM = 120;
  private static final int MINUTES = 30;

  @Property(tries = 60)
  void billedNeverExceedsTheHighestTargetAndNoStaleHolderActsAfterANewerOne(
      @ForAll @IntRange(min = 2, max = 3) int controllers,
      @ForAll @IntRange(min = -5, max = 5) int skewMinutesB,
      @ForAll @IntRange(min = -5, max = 5) int skewMinutesC,
      @ForAll @IntRange(min = 0, max = 2) int stalling,
      @ForAll @IntRange(min = 0, max = 3) int stallPass,
      @ForAll @IntRange(min = 0, max = 35) int stallStep,
      @ForAll @IntRange(min = 1, max = 8) int stallMinutes,
      @ForAll boolean lambdaLike,
      @ForAll @IntRange(min = 0, max = 2) int lostCreateAnswers,
      @ForAll boolean lostRecordAnswer,
      @ForAll @IntRange(min = 12_000, max = 30_000) int peakTps) {
    World w = world(controllers, new int[] {0, skewMinutesB, skewMinutesC}, lambdaLike, peakTps);
    World.Controller staller = w.controllers.get(stalling % controllers);
    staller.stallAt(stallPass, stallStep, stallMinutes);
    w.account
        .cloud()
        .bedrock()
        .faults()
        .loseAnswerNext(AwsAction.BEDROCK_CREATE_PT.iamAction(), lostCreateAnswers);
    w.controllers.get(0).loseRecordAnswer = lostRecordAnswer;

    w.run(MINUTES);

    Statistics.label("stalled").collect(staller.stalledAt.replaceAll(" .*", ""));
    Statistics.label("handovers").collect(w.handovers() > 0 ? "some" : "none");
  }

  /**
   * Every step, exhaustively: the first controller stalls for five minutes (past the TTL, so the
   * other takes over) at each step of its first pass that buys, in turn — before and after every
   * state write, every read and every AWS call, and inside every money call — with the other
   * controller's wall clock three minutes ahead, as a daemon and as Lambda-like holders.
   */
  @Example
  void aStallAtEveryStepOfABuyingPassNeitherBuysTwiceNorLetsAStaleHolderAct() {
    int runs = 0;
    for (boolean lambdaLike : List.of(false, true)) {
      World probe = world(2, new int[] {0, 3}, lambdaLike, 16_000);
      probe.run(MINUTES);
      World.Controller first = probe.controllers.get(0);
      assertThat(first.buyingPass).as("a pass of the first controller buys").isNotNegative();
      for (int step = 0; step < first.buyingPassSteps; step++) {
        World w = world(2, new int[] {0, 3}, lambdaLike, 16_000);
        w.controllers.get(0).stallAt(first.buyingPass, step, 5);
        w.run(MINUTES);
        assertThat(w.controllers.get(0).stalledAt).doesNotStartWith("nowhere");
        runs++;
      }
    }
    assertThat(runs).isGreaterThan(20);
    Statistics.label("steps stalled at").collect(runs);
  }

  /** A warmed-up account (7000 tps, then {@code peakTps}) and its controllers, none holding. */
  private static World world(int controllers, int[] skewMinutes, boolean lambdaLike, int peakTps) {
    CapacityConfig config = TestConfig.sonnet(8).ecs().build();
    Drill d =
        new Drill(
                config, Drill.trace(WARM + MINUTES + 20, "sonnet", m -> m < WARM ? 7000 : peakTps))
            .warmUp(WARM);
    d.reconciler.releaseLease();
    World w = new World(d.account, lambdaLike);
    for (int i = 0; i < controllers; i++) {
      w.controllers.add(w.new Controller(i, Duration.ofMinutes(skewMinutes[i])));
    }
    return w;
  }

  /** Everything the controllers share, and what the properties are checked on. */
  static final class World {
    final SimAccount account;
    final boolean lambdaLike;
    final List<Controller> controllers = new ArrayList<>();
    // Every money call as (fencing token of its caller, who): tokens must never go back.
    final List<long[]> moneyCalls = new ArrayList<>();
    int highest;

    World(SimAccount account, boolean lambdaLike) {
      this.account = account;
      this.lambdaLike = lambdaLike;
      this.highest = account.cloud().bedrock().billedUnits(SONNET);
    }

    /** {@code minutes} minutes of passes and traffic, checked after every pass and at the end. */
    void run(int minutes) {
      for (int minute = 0; minute < minutes; minute++) {
        minute(null, minute);
      }
      check();
      assertThat(highest).as("some pass planned").isPositive();
    }

    /** One minute: every controller but {@code except} passes (in turn), then traffic is served. */
    void minute(Controller except, int n) {
      for (int k = 0; k < controllers.size(); k++) {
        Controller c = controllers.get((k + n) % controllers.size());
        if (c != except && !c.stalled) {
          c.pass();
          check();
        }
      }
      account.serveMinute();
    }

    void check() {
      assertThat(account.cloud().bedrock().billedUnits(SONNET))
          .as("billed units; highest target planned %d", highest)
          .isLessThanOrEqualTo(highest);
      long newest = 0;
      for (long[] call : moneyCalls) {
        assertThat(call[0])
            .as("a money call by controller %d after one under token %d", call[1], newest)
            .isGreaterThanOrEqualTo(newest);
        newest = Math.max(newest, call[0]);
      }
    }

    /** How often the fencing token changed between money calls. */
    long handovers() {
      long n = 0;
      for (int i = 1; i < moneyCalls.size(); i++) {
        n += moneyCalls.get(i)[0] != moneyCalls.get(i - 1)[0] ? 1 : 0;
      }
      return n;
    }

    /** Counted as soon as a pass plans: a stalled pass may have bought up to its target. */
    void planned(Plan p) {
      highest = Math.max(highest, p.models().get("sonnet").targetUnits());
    }

    /** One controller: a separate process with its own clocks, lease keeper and holder names. */
    final class Controller {
      private final World w;
      final int id;
      final LeaseKeeper keeper;
      final Clock wallClock;
      final CapacityConfig config;
      long token;
      int passes;
      int steps;
      boolean stalled;
      String stalledAt = "nowhere (the pass had fewer steps)";
      int buyingPass = -1;
      int buyingPassSteps;
      boolean loseRecordAnswer;
      private int stallPass = -1;
      private int stallStep;
      private int stallMinutes;
      private final Reconciler daemon;

      Controller(int id, Duration skew) {
        this.w = World.this;
        this.id = id;
        SimAccount a = w.account;
        long origin = (id + 1) * 7_919_000_000_000L; // monotonic clocks share no origin
        Ticker base = Ticker.following(a.clock());
        this.keeper = new LeaseKeeper(a.leaseTable(), () -> base.nanos() + origin);
        this.wallClock = Clock.offset(a.clock(), skew);
        this.config = a.config();
        this.daemon = reconciler("daemon:host-" + id + ":" + (100 + id));
      }

      void stallAt(int pass, int step, int minutes) {
        stallPass = pass;
        stallStep = step;
        stallMinutes = minutes;
      }

      private Reconciler reconciler(String holder) {
        SimulatedCloud cloud = w.account.cloud();
        CloudPorts ports =
            new CloudPorts(
                new Bedrock(cloud.bedrock()),
                cloud.metrics(),
                new Ecs(cloud.ecs()),
                new Routes(cloud.routes()));
        Policy recording =
            new WatchedPolicy(
                new Planner(config, CapacityCalendar.of(config)),
                (observation, overrides, now, plan) -> planned(plan));
        return new Reconciler(
            recording,
            ports,
            new State(w.account.state()),
            new Tracking(keeper),
            w.account.telemetry(),
            wallClock,
            holder,
            LeaseTerms.DEFAULT_TTL);
      }

      void pass() {
        steps = 0;
        Reconciler r = w.lambdaLike ? reconciler("lambda:c" + id + ":req-" + passes) : daemon;
        PassReport report = null;
        try {
          report = r.reconcileOnce();
        } finally {
          if (w.lambdaLike) {
            r.releaseLease();
          }
          if (buyingPass < 0
              && report != null
              && report.actions().stream().anyMatch(x -> x.startsWith("create "))) {
            buyingPass = passes;
            buyingPassSteps = steps;
          }
          passes++;
        }
      }

      /** One step of a pass, named: where the stall may come. True when it came here. */
      boolean step(String where) {
        int at = steps++;
        if (passes != stallPass || at != stallStep || stalled) {
          return false;
        }
        stalledAt = where;
        stalled = true;
        for (int m = 0; m < stallMinutes; m++) {
          w.minute(this, m);
        }
        stalled = false;
        return true;
      }

      <T> T around(String what, Supplier<T> call) {
        step("before " + what);
        T result = call.get();
        step("after " + what);
        return result;
      }

      void around(String what, Runnable call) {
        around(
            what,
            () -> {
              call.run();
              return null;
            });
      }

      /**
       * A call that spends or frees money. A stall inside it (a frozen process between the check of
       * the lease and the request going out) outlasts every SDK call's total timeout (30 s): the
       * SDK gives the call up, and it has no effect.
       */
      <T> T money(String what, String action, Supplier<T> call) {
        if (step("inside " + what)) {
          throw new CloudException(
              CloudException.Kind.UNAVAILABLE, action, "apiCallTimeout: gave up after 30 s");
        }
        w.moneyCalls.add(new long[] {token, id});
        T result = call.get();
        step("after " + what);
        return result;
      }

      void money(String what, String action, Runnable call) {
        money(
            what,
            action,
            () -> {
              call.run();
              return null;
            });
      }

      /** Remembers the token of the lease each pass acts under. */
      private final class Tracking implements LeaseManager {
        private final LeaseManager real;

        Tracking(LeaseManager real) {
          this.real = real;
        }

        @Override
        public Optional<Lease> tryAcquire(String holder, Instant now, Duration ttl) {
          Optional<Lease> l = around("lease", () -> real.tryAcquire(holder, now, ttl));
          l.ifPresent(x -> token = x.fencingToken());
          return l;
        }

        @Override
        public boolean renew(Lease lease, Instant now, Duration ttl) {
          return around("renew", () -> real.renew(lease, now, ttl));
        }

        @Override
        public void release(Lease lease) {
          real.release(lease);
        }

        @Override
        public Optional<Lease> current(Instant now) {
          return real.current(now);
        }

        @Override
        public Optional<Lease> heldBy(String holder) {
          return real.heldBy(holder);
        }

        @Override
        public boolean holds(Lease lease, Duration margin) {
          return real.holds(lease, margin);
        }
      }

      private final class State extends ForwardingStateStore {
        State(StateStore real) {
          super(real);
        }

        @Override
        public void appendAudit(AuditEntry entry) {
          around("audit", () -> super.appendAudit(entry));
        }

        @Override
        public void recordPurchase(PurchaseIntent intent, long fencingToken) {
          around("record purchase", () -> super.recordPurchase(intent, fencingToken));
          if (loseRecordAnswer) {
            loseRecordAnswer = false;
            throw new CloudException(
                CloudException.Kind.UNAVAILABLE, "dynamodb:ConditionCheckItem", "read timed out");
          }
        }

        @Override
        public void forgetPurchase(String clientRequestToken, long fencingToken) {
          around("forget purchase", () -> super.forgetPurchase(clientRequestToken, fencingToken));
        }

        @Override
        public void saveCircuit(CircuitState state, long fencingToken) {
          around("save circuit", () -> super.saveCircuit(state, fencingToken));
        }

        @Override
        public void rememberArns(
            String model, Collection<String> arns, Instant now, Duration keep) {
          around("remember ARNs", () -> super.rememberArns(model, arns, now, keep));
        }

        @Override
        public List<PurchaseIntent> pendingPurchases(Instant now) {
          return around("read purchases", () -> super.pendingPurchases(now));
        }
      }

      private final class Bedrock implements ProvisionedThroughputApi {
        private final ProvisionedThroughputApi real;

        Bedrock(ProvisionedThroughputApi real) {
          this.real = real;
        }

        @Override
        public List<ProvisionedThroughput> listAll() {
          return around("list PTs", real::listAll);
        }

        @Override
        public ProvisionedThroughput create(CreatePtRequest request) {
          return money(
              "create PT", AwsAction.BEDROCK_CREATE_PT.iamAction(), () -> real.create(request));
        }

        @Override
        public void delete(String arn) {
          money("delete PT", AwsAction.BEDROCK_DELETE_PT.iamAction(), () -> real.delete(arn));
        }
      }

      private final class Ecs implements EcsCapacityApi {
        private final EcsCapacityApi real;

        Ecs(EcsCapacityApi real) {
          this.real = real;
        }

        @Override
        public EcsState describe(String cluster, String service) {
          return around("describe ECS", () -> real.describe(cluster, service));
        }

        @Override
        public void setTasks(String cluster, String service, int tasks) {
          money("set ECS", "ecs:UpdateService", () -> real.setTasks(cluster, service, tasks));
        }
      }

      private final class Routes implements RoutePublisher {
        private final RoutePublisher real;

        Routes(RoutePublisher real) {
          this.real = real;
        }

        @Override
        public Optional<RouteTable> read() {
          return around("read routes", real::read);
        }

        @Override
        public void publish(RouteTable table) {
          money("publish routes", "ssm:PutParameter", () -> real.publish(table));
        }
      }
    }
  }
}
