package io.capacityctl.daemon;

import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.waste.ModelWaste;
import io.capacityctl.waste.WasteReport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The weekly waste report on the configuration in force: logged per model and published as
 * WeeklyWastedUsd/WasteRatio.
 */
@DisallowConcurrentExecution
final class WasteReportJob implements Job {
  private static final Logger LOG = LogManager.getLogger(WasteReportJob.class);

  private final LiveGraph live;

  WasteReportJob(LiveGraph live) {
    this.live = live;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      WasteReport r = live.refresh().wasteReporter().lastWeek();
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
