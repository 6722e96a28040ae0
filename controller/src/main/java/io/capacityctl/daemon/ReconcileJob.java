package io.capacityctl.daemon;

import io.capacityctl.reconcile.PassReport;
import io.capacityctl.runtime.PassSummary;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * One reconcile pass per trigger, on the configuration in force (read again first when due); never
 * two at once (a slow pass delays the next instead).
 */
@DisallowConcurrentExecution
final class ReconcileJob implements Job {
  private static final Logger LOG = LogManager.getLogger(ReconcileJob.class);

  private final LiveReconciler reconciler;
  private final DaemonStatus status;

  ReconcileJob(LiveReconciler reconciler, DaemonStatus status) {
    this.reconciler = reconciler;
    this.status = status;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      PassReport r = reconciler.forPass().reconcileOnce();
      status.passed(r);
      if (r.failed()) {
        LOG.error(PassSummary.line(r));
      } else if (r.outcome() == PassReport.Outcome.ACTED) {
        LOG.info(PassSummary.line(r) + " " + r.actions());
      } else {
        LOG.debug(PassSummary.line(r));
      }
    } catch (RuntimeException e) {
      // Logged as an error (alarmed on), and the schedule goes on: the next pass re-reads all.
      status.passCrashed(e);
      LOG.error("reconcile pass crashed", e);
    }
  }
}
