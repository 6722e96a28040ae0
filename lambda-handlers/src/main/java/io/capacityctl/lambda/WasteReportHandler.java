package io.capacityctl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.waste.WasteReporter;
import java.util.Map;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.ObjectMessage;

/**
 * Weekly: waste ratio and wasted dollars per model and local hour of day over the last 7 days (see
 * {@link WasteReporter} for where the numbers come from); logged, returned and published as
 * WeeklyWastedUsd and WeeklyWasteRatio.
 */
public final class WasteReportHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LogManager.getLogger(WasteReportHandler.class);

  private final LiveGraph live;

  /** The real graph, from {@code $CAPACITYCTL_CONFIG}. */
  public WasteReportHandler() {
    this(LambdaComponent.live(System.getenv()));
  }

  WasteReportHandler(LiveGraph live) {
    this.live = live;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    try (CloseableThreadContext.Instance ctx = Invocation.context(event, context)) {
      Map<String, Object> report = live.refresh().wasteReporter().lastWeek().asMap();
      LOG.info(new ObjectMessage(report));
      return report;
    }
  }
}
