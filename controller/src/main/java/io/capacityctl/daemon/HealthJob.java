package io.capacityctl.daemon;

import io.capacityctl.health.HealthReport;
import io.capacityctl.runtime.LiveGraph;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The health check every 15 minutes, with the configuration's own finding. Unhealthy is logged at
 * ERROR and published as Healthy = 0 (the alarm's metric); it does not fail /healthz, since
 * restarting the daemon fixes nothing (and would lose the last good configuration).
 */
@DisallowConcurrentExecution
final class HealthJob implements Job {
  private static final Logger LOG = LogManager.getLogger(HealthJob.class);

  private final LiveGraph live;

  HealthJob(LiveGraph live) {
    this.live = live;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      HealthReport r = live.checkHealth();
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
