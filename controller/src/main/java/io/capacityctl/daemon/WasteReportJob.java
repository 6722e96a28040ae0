package io.capacityctl.daemon;

import io.capacityctl.waste.ModelWaste;
import io.capacityctl.waste.WasteReport;
import io.capacityctl.waste.WasteReporter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The weekly waste report: logged per model and published as WeeklyWastedUsd/WasteRatio. */
@DisallowConcurrentExecution
final class WasteReportJob implements Job {
  private static final Logger LOG = LogManager.getLogger(WasteReportJob.class);

  private final WasteReporter reporter;

  WasteReportJob(WasteReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      WasteReport r = reporter.lastWeek();
      for (ModelWaste m : r.models().values()) {
        LOG.info(
            String.format(
                "waste %s to %s: %s %.0f%% wasted, $%,.2f, %d unobserved minutes",
                r.from(),
                r.to(),
                m.model(),
                m.total().wasteRatio() * 100,
                m.total().wastedUsd(),
                m.unobservedMinutes()));
      }
    } catch (RuntimeException e) {
      LOG.error("waste report failed", e);
    }
  }
}
