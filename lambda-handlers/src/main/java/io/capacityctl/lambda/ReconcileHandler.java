package io.capacityctl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.reconcile.Reconciler;
import io.capacityctl.runtime.LeaseTerms;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.runtime.PassSummary;
import java.util.Map;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.ObjectMessage;

/**
 * Every minute (EventBridge Scheduler): one reconcile pass under the lease, the same pass the
 * daemon and {@code capacityctl apply} run, as its own lease holder; the lease is given back after
 * the pass. Returns and logs its summary; a failed pass throws after logging it. A pass skipped
 * because another controller holds the lease is not an error.
 *
 * <p>The configuration is read again at the start of an invocation when its reload period has
 * passed: a changed one is taken, a bad one is reported ({@code ConfigInvalid}, the health check)
 * and the pass runs on the last good one.
 *
 * <p>SnapStart-safe: the constructor builds clients and the config (restored from the snapshot);
 * nothing static but the logger, no clock or random value captured at init.
 */
public final class ReconcileHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LogManager.getLogger(ReconcileHandler.class);

  private final LiveGraph live;

  /** The real graph, from {@code $CAPACITYCTL_CONFIG}. */
  public ReconcileHandler() {
    this(LambdaComponent.live(System.getenv()));
  }

  ReconcileHandler(LiveGraph live) {
    this.live = live;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    try (CloseableThreadContext.Instance ctx = Invocation.context(event, context)) {
      Reconciler reconciler =
          live.refresh()
              .reconcilers()
              .create(
                  LeaseTerms.lambdaHolder(context.getFunctionName(), context.getAwsRequestId()),
                  LeaseTerms.DEFAULT_TTL);
      PassReport r;
      try {
        r = reconciler.reconcileOnce();
      } finally {
        reconciler.releaseLease(); // the next tick, or a daemon, may act at once
      }
      Map<String, Object> summary = PassSummary.of(r);
      if (r.failed()) {
        LOG.error(new ObjectMessage(summary));
        throw new ReconcileFailedException(PassSummary.line(r));
      }
      LOG.info(new ObjectMessage(summary));
      return summary;
    }
  }
}
