package io.capacityctl.daemon;

import io.capacityctl.health.HealthCheck;
import io.capacityctl.health.HealthReport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The health check every 15 minutes. Unhealthy is logged at ERROR and published as Healthy = 0 (the
 * alarm's metric); it does not fail /healthz, since restarting the daemon fixes nothing.
 */
@DisallowConcurrentExecution
final class HealthJob implements Job {
  private static final Logger LOG = LogManager.getLogger(HealthJob.class);

  private final HealthCheck health;

  HealthJob(HealthCheck health) {
    this.health = health;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      HealthReport r = health.run();
      if (r.healthy()) {
        LOG.info(r.summary());
      } else {
        LOG.error(r.summary());
      }
    } catch (RuntimeException e) {
      LOG.error("health check crashed", e);
    }
  }
}
