package io.capacityctl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import org.apache.logging.log4j.CloseableThreadContext;

/** The log context of one invocation: its request id and the schedule that fired it. */
final class Invocation {
  private Invocation() {}

  static CloseableThreadContext.Instance context(Map<String, Object> event, Context context) {
    CloseableThreadContext.Instance ctx =
        CloseableThreadContext.put("requestId", context.getAwsRequestId());
    ctx.putAll(ScheduleEvent.of(event).context());
    return ctx;
  }
}
