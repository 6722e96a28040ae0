package io.capacityctl.daemon;

import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.runtime.LiveGraph;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.DateBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * {@code capacityctl run}: the controller as a long-running process (an ECS service). Quartz with
 * an in-memory job store runs a reconcile pass every interval, the health check every 15 minutes
 * and the waste report weekly; /healthz and /readyz serve the container health check. A stop
 * (SIGTERM) lets a running pass finish within the grace period and then gives the lease back, so
 * another controller can take over at once; a pass still running after the grace is abandoned and
 * the lease left to expire, never released under a pass that may still act.
 *
 * <p>Every pass and health check first reads the configuration again when its reload period has
 * passed ({@link io.capacityctl.runtime.ConfigReloader}): a changed one is taken, a bad one is
 * reported and the last good one kept.
 */
public final class Daemon {
  private static final Logger LOG = LogManager.getLogger(Daemon.class);

  private final RunSettings settings;
  private final LiveGraph live;
  private final LiveReconciler reconciler;
  private final ZoneId zone;
  private final Optional<SimulatedTraffic> traffic;
  private final DaemonStatus status;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private HealthServer server;
  private Scheduler scheduler;
  private boolean stopping;

  /**
   * @param live the controller for the configuration in force; the weekly report keeps the time
   *     zone the daemon started with
   */
  Daemon(RunSettings settings, LiveGraph live, Optional<SimulatedTraffic> traffic) {
    this.settings = settings;
    this.live = live;
    this.reconciler =
        new LiveReconciler(live, settings.holder(), LeaseTerms.forInterval(settings.interval()));
    this.zone = live.config().current().timezone();
    this.traffic = traffic;
    this.status = new DaemonStatus(live.current().clock(), settings.interval().multipliedBy(3));
  }

  /** Starts the scheduler and the HTTP endpoints. */
  public synchronized void start() {
    server = new HealthServer(settings.port(), status);
    try {
      scheduler = new StdSchedulerFactory(quartzProperties()).getScheduler();
      scheduler.setJobFactory(
          new InjectingJobFactory(
              Map.of(
                  ReconcileJob.class, exclusive(new ReconcileJob(reconciler, status)),
                  HealthJob.class, exclusive(new HealthJob(live)),
                  WasteReportJob.class, exclusive(new WasteReportJob(live)))));
      traffic.ifPresent(t -> t.start(reconciler.current()));
      schedule();
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the scheduler", e);
    }
    status.started();
    server.start();
    LOG.info(
        "controller running: a pass every {} ({}x speed), health on port {}",
        settings.interval(),
        settings.speed(),
        server.port());
  }

  /** The port of /healthz and /readyz. */
  public int port() {
    return server.port();
  }

  /** Stops gracefully (idempotent); see the class comment. */
  public void stop() {
    synchronized (this) {
      if (stopping || scheduler == null) {
        return;
      }
      stopping = true;
    }
    status.stopping();
    traffic.ifPresent(SimulatedTraffic::stop);
    Thread shutdown =
        new Thread(
            () -> {
              try {
                scheduler.shutdown(true); // waits for a running pass
              } catch (SchedulerException e) {
                LOG.error("scheduler shutdown failed", e);
              }
            },
            "scheduler-shutdown");
    shutdown.start();
    try {
      shutdown.join(settings.shutdownGrace().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (shutdown.isAlive()) {
      LOG.warn(
          "a pass is still running after {}: abandoned; the lease expires on its own",
          settings.shutdownGrace());
    } else {
      exclusive(() -> reconciler.current().releaseLease());
      LOG.info("stopped; lease released");
    }
    server.stop();
    stopped.countDown();
  }

  /**
   * {@code job} with the simulated account to itself while it runs: a sandbox on disk is shared
   * with other processes (the CLI in another shell), so each job reads it first and writes it
   * after. On AWS, the job as it is.
   */
  private Job exclusive(Job job) {
    if (traffic.isEmpty()) {
      return job;
    }
    return context -> {
      JobExecutionException[] failed = new JobExecutionException[1];
      traffic
          .get()
          .exclusive(
              () -> {
                try {
                  job.execute(context);
                } catch (JobExecutionException e) {
                  failed[0] = e;
                }
              });
      if (failed[0] != null) {
        throw failed[0];
      }
    };
  }

  private void exclusive(Runnable work) {
    traffic.ifPresentOrElse(t -> t.exclusive(work), work);
  }

  /** Waits until stopped; false when {@code timeout} passed first. */
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void schedule() throws SchedulerException {
    long pass = settings.realMillis(settings.interval());
    long check = settings.realMillis(RunSettings.HEALTH_EVERY);
    scheduler.scheduleJob(
        JobBuilder.newJob(ReconcileJob.class).withIdentity("reconcile").build(),
        every("reconcile", pass, 0));
    scheduler.scheduleJob(
        JobBuilder.newJob(HealthJob.class).withIdentity("health").build(),
        every("health", check, check));
    scheduler.scheduleJob(
        JobBuilder.newJob(WasteReportJob.class).withIdentity("waste").build(), weekly());
  }

  /**
   * A trigger every {@code millis}; missed runs are skipped, not caught up: the next pass re-reads
   * everything, so a burst of late passes would only repeat it.
   */
  private static Trigger every(String name, long millis, long delay) {
    return TriggerBuilder.newTrigger()
        .withIdentity(name)
        .startAt(new Date(System.currentTimeMillis() + delay))
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(millis)
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }

  /** Monday 09:00 in the config's zone; every simulated week when the clock is accelerated. */
  private Trigger weekly() {
    if (settings.accelerated()) {
      long week = settings.realMillis(RunSettings.WASTE_EVERY);
      return every("waste", week, week);
    }
    return TriggerBuilder.newTrigger()
        .withIdentity("waste")
        .withSchedule(
            CronScheduleBuilder.weeklyOnDayAndHourAndMinute(DateBuilder.MONDAY, 9, 0)
                .inTimeZone(TimeZone.getTimeZone(zone))
                .withMisfireHandlingInstructionDoNothing())
        .build();
  }

  private Properties quartzProperties() {
    Properties p = new Properties();
    // Unique: tests run several daemons in one JVM, and Quartz keeps schedulers by name.
    p.setProperty("org.quartz.scheduler.instanceName", "capacityctl-" + UUID.randomUUID());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "3");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    // A trigger later than one pass interval has misfired (and is skipped, see every()).
    p.setProperty(
        "org.quartz.jobStore.misfireThreshold",
        Long.toString(Math.max(1000, settings.realMillis(settings.interval()))));
    return p;
  }
}
