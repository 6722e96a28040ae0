package io.capacityctl.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.health.HealthCheck;
import io.capacityctl.operator.OneOffEvents;
import io.capacityctl.operator.Overrides;
import io.capacityctl.planner.Planner;
import io.capacityctl.ports.CreatePtRequest;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.ProvisionedThroughputApi;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.runtime.ReconcilerFactory;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimCloudModule;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.testing.SimAccounts;
import io.capacityctl.waste.WasteReporter;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The daemon end to end on a simulated account whose clock runs 600 times faster than real. */
class DaemonTest {

  private final SimAccount account = SimAccounts.account();

  @Test
  void runsPassesOnTheAcceleratedClockServesHealthAndReleasesTheLeaseOnStop() throws Exception {
    account.jumpTo(SimAccounts.EVENING);
    Daemon daemon =
        DaemonComponent.onSim(
            settings("daemon:test", Duration.ofSeconds(5)),
            SimAccounts.unchangingConfig(account),
            account);
    daemon.start();
    try {
      DaemonProbe.waitFor(
          Duration.ofSeconds(30), () -> DaemonProbe.get(daemon, "/readyz").statusCode() == 200);
      DaemonProbe.waitFor(
          Duration.ofSeconds(30),
          () -> account.clock().instant().isAfter(account.trace().minute(SimAccounts.EVENING + 5)));

      HttpResponse<String> healthz = DaemonProbe.get(daemon, "/healthz");
      assertThat(healthz.statusCode()).isEqualTo(200);
      assertThat(healthz.body()).contains("\"live\":true").contains("\"lastOutcome\":");
      assertThat(account.leases().current(account.clock().instant()))
          .hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo("daemon:test"));
      assertThat(account.telemetry().flushes()).isGreaterThan(3);
    } finally {
      daemon.stop();
    }
    assertThat(account.leases().current(account.clock().instant())).isEmpty();
  }

  @Test
  void aPassLongerThanTheGraceIsAbandonedAndTheLeaseLeftToExpire() throws Exception {
    account.jumpTo(SimAccounts.EVENING);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Daemon daemon = daemon(blockingOnList(entered, release), Duration.ofMillis(200));
    daemon.start();
    try {
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      long t0 = System.nanoTime();
      daemon.stop();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
      assertThat(account.leases().current(account.clock().instant()))
          .hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo("daemon:blocked"));
    } finally {
      release.countDown();
    }
  }

  @Test
  void aPassThatFinishesWithinTheGraceCompletesBeforeTheLeaseIsReleased() throws Exception {
    account.jumpTo(SimAccounts.EVENING);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Daemon daemon = daemon(blockingOnList(entered, release), Duration.ofSeconds(5));
    daemon.start();
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    Thread releaser =
        new Thread(
            () -> {
              sleep(150);
              release.countDown();
            });
    releaser.start();

    daemon.stop();

    assertThat(release.getCount()).isZero(); // stop waited for the pass
    assertThat(account.leases().current(account.clock().instant())).isEmpty();
  }

  private Daemon daemon(ProvisionedThroughputApi bedrock, Duration grace) {
    return new Daemon(
        settings("daemon:blocked", grace),
        new LiveGraph(SimAccounts.unchangingConfig(account), c -> withBedrock(bedrock)),
        Optional.empty());
  }

  /** The simulated graph, but with passes that reach Bedrock through {@code bedrock}. */
  private ControllerGraph withBedrock(ProvisionedThroughputApi bedrock) {
    ControllerGraph sim = DaggerDaemonComponent_OnSim.factory().create(new SimCloudModule(account));
    CloudPorts real = account.cloud().ports();
    ReconcilerFactory reconcilers =
        new ReconcilerFactory(
            new Planner(account.config(), CapacityCalendar.of(account.config())),
            new CloudPorts(bedrock, real.metrics(), real.ecs(), real.routes()),
            account.state(),
            account.leases(),
            account.telemetry(),
            account.clock());
    return new ControllerGraph() {
      @Override
      public ReconcilerFactory reconcilers() {
        return reconcilers;
      }

      @Override
      public HealthCheck healthCheck() {
        return sim.healthCheck();
      }

      @Override
      public WasteReporter wasteReporter() {
        return sim.wasteReporter();
      }

      @Override
      public Overrides overrides() {
        return sim.overrides();
      }

      @Override
      public OneOffEvents events() {
        return sim.events();
      }

      @Override
      public StateStore state() {
        return sim.state();
      }

      @Override
      public LeaseManager leases() {
        return sim.leases();
      }

      @Override
      public CloudPorts cloud() {
        return sim.cloud();
      }

      @Override
      public CallerIdentity caller() {
        return sim.caller();
      }

      @Override
      public Clock clock() {
        return sim.clock();
      }
    };
  }

  /** Bedrock whose first PT list blocks until released: a slow pass. */
  private ProvisionedThroughputApi blockingOnList(CountDownLatch entered, CountDownLatch release) {
    ProvisionedThroughputApi real = account.cloud().bedrock();
    return new ProvisionedThroughputApi() {
      @Override
      public List<ProvisionedThroughput> listAll() {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return real.listAll();
      }

      @Override
      public ProvisionedThroughput create(CreatePtRequest request) {
        return real.create(request);
      }

      @Override
      public void delete(String arn) {
        real.delete(arn);
      }
    };
  }

  private static RunSettings settings(String holder, Duration grace) {
    return new RunSettings(holder, Duration.ofSeconds(60), 0, 600, grace);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
