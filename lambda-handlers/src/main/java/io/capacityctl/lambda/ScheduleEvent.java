package io.capacityctl.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What invoked a handler, for the logs only: decisions use the clock, never the event. Accepts the
 * EventBridge Scheduler input the CDK stack sends ({@code {"scheduleArn":
 * "<aws.scheduler.schedule-arn>", "scheduledTime": "<aws.scheduler.scheduled-time>", "executionId":
 * "<aws.scheduler.execution-id>", "attemptNumber": "<aws.scheduler.attempt-number>"}}), an
 * EventBridge rule's "Scheduled Event", or anything else.
 */
record ScheduleEvent(String schedule, String scheduledTime, String executionId, String attempt) {

  static ScheduleEvent of(Map<String, Object> event) {
    if (event == null) {
      return new ScheduleEvent(null, null, null, null);
    }
    if (event.containsKey("detail-type")) { // EventBridge rule
      Object resources = event.get("resources");
      return new ScheduleEvent(
          resources instanceof java.util.List<?> l && !l.isEmpty()
              ? String.valueOf(l.get(0))
              : null,
          text(event.get("time")),
          text(event.get("id")),
          null);
    }
    return new ScheduleEvent(
        text(event.get("scheduleArn")),
        text(event.get("scheduledTime")),
        text(event.get("executionId")),
        text(event.get("attemptNumber")));
  }

  /** The fields present, for the log's context. */
  Map<String, String> context() {
    Map<String, String> c = new LinkedHashMap<>();
    put(c, "schedule", schedule);
    put(c, "scheduledTime", scheduledTime);
    put(c, "executionId", executionId);
    put(c, "attempt", attempt);
    return c;
  }

  private static void put(Map<String, String> c, String key, String value) {
    if (value != null) {
      c.put(key, value);
    }
  }

  private static String text(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
