package io.capacityctl.calendar;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigLoader;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Cost of {@link CapacityCalendar#expected} the way the simulator calls it: minute after minute
 * through 28 days of the bundled MangaAssist config (Tokyo, a weekly cron event, a one-off).
 *
 * <p>Not run by the build. Run it with {@code mvn -pl controller test-compile} and then {@code java
 * -cp "controller/target/test-classes:controller/target/classes:$(cat cp.txt)"
 * io.capacityctl.calendar.CapacityCalendarBenchmark}, where cp.txt comes from {@code mvn -pl
 * controller dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CapacityCalendarBenchmark {
  private static final int MINUTES = 28 * 1440;

  private CapacityCalendar calendar;
  private Instant start;
  private int minute;

  @Setup
  public void setUp() throws Exception {
    CapacityConfig config = ConfigLoader.loadResource("schedules/mangaassist.yaml");
    calendar = CapacityCalendar.of(config);
    // Four weeks around the final chapter: both events, cached chunks on either side.
    start = Instant.parse("2026-12-28T00:00:00Z");
  }

  @Benchmark
  public Expectation expectedMinuteByMinute() {
    minute = minute + 1 == MINUTES ? 0 : minute + 1;
    return calendar.expected(minute % 2 == 0 ? "sonnet" : "haiku", start.plusSeconds(60L * minute));
  }

  public static void main(String[] args) throws Exception {
    new Runner(
            new OptionsBuilder().include(CapacityCalendarBenchmark.class.getSimpleName()).build())
        .run();
  }
}
