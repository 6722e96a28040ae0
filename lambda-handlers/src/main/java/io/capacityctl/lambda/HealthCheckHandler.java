package io.capacityctl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.capacityctl.health.HealthReport;
import io.capacityctl.health.UnhealthyException;
import io.capacityctl.runtime.LiveGraph;
import java.util.Map;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.ObjectMessage;

/**
 * Every 15 minutes: the health check (capacity vs plan per model and ECS, PTs Failed or stuck in
 * Creating, metric freshness, failed last actions, the lease holder, and whether the configuration
 * read last was rejected), which publishes Healthy and CapacityMismatch. Unhealthy throws after
 * logging, so the function's Errors alarm fires: an unhealthy controller is never a swallowed log
 * line.
 */
public final class HealthCheckHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LogManager.getLogger(HealthCheckHandler.class);

  private final LiveGraph live;

  /** The real graph, from {@code $CAPACITYCTL_CONFIG}. */
  public HealthCheckHandler() {
    this(LambdaComponent.live(System.getenv()));
  }

  HealthCheckHandler(LiveGraph live) {
    this.live = live;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    try (CloseableThreadContext.Instance ctx = Invocation.context(event, context)) {
      HealthReport r = live.checkHealth();
      Map<String, Object> view = r.asMap();
      if (!r.healthy()) {
        LOG.error(new ObjectMessage(view));
        throw new UnhealthyException(r);
      }
      LOG.info(new ObjectMessage(view));
      return view;
    }
  }
}
