package io.capacityctl.lambda;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/** The log events the handlers emit while open, next to the configured JSON appender. */
final class CapturedLogs extends AbstractAppender implements AutoCloseable {
  private final List<LogEvent> events = new ArrayList<>();

  private CapturedLogs() {
    super("captured", null, null, true, Property.EMPTY_ARRAY);
  }

  static CapturedLogs open() {
    CapturedLogs logs = new CapturedLogs();
    logs.start();
    Configuration config = context().getConfiguration();
    config.addAppender(logs);
    config.getRootLogger().addAppender(logs, Level.ALL, null);
    context().updateLoggers();
    return logs;
  }

  @Override
  public synchronized void append(LogEvent event) {
    events.add(event.toImmutable());
  }

  synchronized List<LogEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    Configuration config = context().getConfiguration();
    config.getRootLogger().removeAppender(getName());
    context().updateLoggers();
    stop();
  }

  private static LoggerContext context() {
    return (LoggerContext) LogManager.getContext(false);
  }
}
