package io.capacityctl.aws.cloudwatch;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.MetricsApi;
import io.capacityctl.ports.MetricsHistoryApi;
import io.capacityctl.ports.MinuteSeries;
import io.capacityctl.ports.PeriodSeries;
import io.capacityctl.ports.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Reads observed Bedrock traffic from CloudWatch for every model and range of one {@link #read}:
 * one GetMetricData call per span of overlapping ranges, each carrying every model's queries (pages
 * followed by NextToken; more than 500 queries are split into calls of 500, the API's limit).
 *
 * <p>Ranges far apart are separate calls because a call has one start and end for all its queries:
 * spanning the observer's recent, day-ago and week-ago windows in one call would return every
 * minute of the week in between — about 10,000 datapoints per metric, paged 100,800 at a time — to
 * use some 600 of them. Three small calls request the same metrics and move a few percent of the
 * data.
 *
 * <p>The reconcile pass's read (with the series serving now) reads only what earlier passes have
 * not settled ({@link SettledMinutes}): after the first pass, the new minutes and the newest
 * {@value SettledMinutes#BAND_MINUTES} of each metric, not the whole week again. The cache lives as
 * long as this adapter: a restart (or a Lambda cold start) reads the window whole once.
 *
 * <p>Periods are 60 s. The newest minute can be incomplete (CloudWatch is eventually consistent):
 * callers end their window at least one period before now. A minute without any datapoint is NaN,
 * never zero; read for a decision, so is a minute one of the model's series has not reported yet
 * ({@link io.capacityctl.ports.PartialMinutes}); a query that CloudWatch reports as Forbidden,
 * InternalError or still partial fails the whole read so no decision is taken on a partial view.
 */
public final class CloudWatchMetricsAdapter implements MetricsApi, MetricsHistoryApi {
  static final int PERIOD_SECONDS = 60;
  static final int MAX_QUERIES_PER_CALL = 500;

  /** The most datapoints GetMetricData returns in one page (its MaxDatapoints default). */
  public static final int MAX_DATAPOINTS_PER_CALL = 100_800;

  private final CloudWatchClient cloudWatch;
  private final MetricQueryPlanner planner;
  private final int datapointsPerCall;
  private final SettledMinutes settled = new SettledMinutes();

  /**
   * @param ptArns model key to the PT ARNs currently serving it; read only when the config's
   *     metrics source is {@code pt-arns}
   */
  public CloudWatchMetricsAdapter(
      CloudWatchClient cloudWatch,
      CapacityConfig config,
      Function<String, ? extends Collection<String>> ptArns) {
    this(cloudWatch, config, ptArns, MAX_DATAPOINTS_PER_CALL);
  }

  /**
   * @param datapointsPerCall how many datapoints (queries x periods) one history call may ask for:
   *     the window is cut into calls that small ({@link #MAX_DATAPOINTS_PER_CALL}: one page each)
   */
  public CloudWatchMetricsAdapter(
      CloudWatchClient cloudWatch,
      CapacityConfig config,
      Function<String, ? extends Collection<String>> ptArns,
      int datapointsPerCall) {
    if (datapointsPerCall < 1) {
      throw new IllegalArgumentException(
          "datapointsPerCall must be positive: " + datapointsPerCall);
    }
    this.cloudWatch = cloudWatch;
    this.planner = new MetricQueryPlanner(config, ptArns);
    this.datapointsPerCall = datapointsPerCall;
  }

  /** The sums over the ranges, read whole from CloudWatch (settled history: the waste report). */
  @Override
  public Map<String, List<MinuteSeries>> read(List<String> modelKeys, List<TimeRange> ranges) {
    return read(modelKeys, ranges, null, this::fetchAll);
  }

  /**
   * The reconcile pass's read: the minutes settled in earlier passes come from {@link
   * SettledMinutes}, only the rest from CloudWatch; the result is what reading the ranges whole
   * returns while CloudWatch's settled minutes do not change.
   */
  @Override
  public Map<String, List<MinuteSeries>> read(
      List<String> modelKeys, List<TimeRange> ranges, Map<String, Set<String>> serving) {
    return read(
        modelKeys,
        ranges,
        serving,
        (queries, rs, sink) -> settled.read(queries, rs, this::fetchSpan, sink));
  }

  /** How one read gets every datapoint of {@code queries} inside {@code ranges}. */
  private interface Source {
    void read(List<MetricQuery> queries, List<TimeRange> ranges, Datapoints sink);
  }

  private Map<String, List<MinuteSeries>> read(
      List<String> modelKeys,
      List<TimeRange> ranges,
      Map<String, Set<String>> serving,
      Source source) {
    ranges.forEach(CloudWatchMetricsAdapter::requireWholeMinutes);
    if (modelKeys.isEmpty() || ranges.isEmpty()) {
      Map<String, List<MinuteSeries>> none = new LinkedHashMap<>();
      modelKeys.forEach(k -> none.put(k, List.of()));
      return none;
    }
    Instant start = ranges.stream().map(TimeRange::from).min(Comparator.naturalOrder()).get();
    Instant end = ranges.stream().map(TimeRange::to).max(Comparator.naturalOrder()).get();
    List<MetricQuery> queries = planner.plan(modelKeys);
    MinuteSeriesAssembler assembler =
        new MinuteSeriesAssembler(queries, start, (int) Duration.between(start, end).toMinutes());
    source.read(queries, ranges, assembler::add);
    return assembler.series(modelKeys, ranges, serving);
  }

  /** The ranges read whole: one call per span of overlapping ranges, earliest first. */
  private void fetchAll(List<MetricQuery> queries, List<TimeRange> ranges, Datapoints sink) {
    for (TimeRange span : MinuteSpans.of(ranges).ranges()) {
      fetchSpan(queries, span, sink);
    }
  }

  private void fetchSpan(List<MetricQuery> queries, TimeRange span, Datapoints sink) {
    fetch(cloudWatch, queries, span.from(), span.to(), PERIOD_SECONDS, sink);
  }

  /**
   * The backtest's read: the same queries over one stretch of history at the period its age allows,
   * each model's periods summed, and a period where a source reported one token metric without the
   * other marked partial ({@link PeriodSeriesAssembler}). The stretch is read in calls of at most
   * {@code datapointsPerCall} datapoints, so each call is one page and takes a bounded time however
   * long the window.
   */
  @Override
  public Map<String, PeriodSeries> read(
      List<String> modelKeys, Instant from, Instant to, int periodSeconds) {
    requireWholePeriods(from, to, periodSeconds);
    List<MetricQuery> queries = planner.plan(modelKeys);
    int periods = (int) (Duration.between(from, to).toSeconds() / periodSeconds);
    PeriodSeriesAssembler assembler =
        new PeriodSeriesAssembler(queries, from, periodSeconds, periods);
    int perCall =
        Math.max(
            1, datapointsPerCall / Math.max(1, Math.min(queries.size(), MAX_QUERIES_PER_CALL)));
    for (int p = 0; p < periods && !queries.isEmpty(); p += perCall) {
      Instant start = from.plusSeconds((long) p * periodSeconds);
      Instant end = from.plusSeconds((long) Math.min(periods, p + perCall) * periodSeconds);
      fetch(cloudWatch, queries, start, end, periodSeconds, assembler::add);
    }
    return assembler.series(modelKeys);
  }

  /** Where the datapoints of one query go, page by page. */
  interface Datapoints {
    void add(String queryId, List<Instant> timestamps, List<Double> values);
  }

  /**
   * Reads {@code queries} over {@code [start, end)} at {@code periodSeconds}: calls of at most 500
   * queries (the API's limit), each followed through its pages, every failure classified against
   * GetMetricData, and a query CloudWatch did not answer completely failing the read. The one
   * GetMetricData loop, for the controller's minutes and the backtest's history alike.
   */
  static void fetch(
      CloudWatchClient cloudWatch,
      List<MetricQuery> queries,
      Instant start,
      Instant end,
      int periodSeconds,
      Datapoints sink) {
    for (int from = 0; from < queries.size(); from += MAX_QUERIES_PER_CALL) {
      List<MetricQuery> chunk =
          queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES_PER_CALL));
      fetchChunk(cloudWatch, chunk, start, end, periodSeconds, sink);
    }
  }

  private static void fetchChunk(
      CloudWatchClient cloudWatch,
      List<MetricQuery> chunk,
      Instant start,
      Instant end,
      int periodSeconds,
      Datapoints sink) {
    List<MetricDataQuery> sdkQueries = chunk.stream().map(q -> q.toSdk(periodSeconds)).toList();
    GetMetricDataRequest request =
        GetMetricDataRequest.builder()
            .startTime(start)
            .endTime(end)
            .scanBy(ScanBy.TIMESTAMP_ASCENDING)
            .metricDataQueries(sdkQueries)
            .build();
    MetricDataPages.read(cloudWatch, request, r -> sink.add(r.id(), r.timestamps(), r.values()));
  }

  private static void requireWholePeriods(Instant from, Instant to, int periodSeconds) {
    if (periodSeconds <= 0
        || periodSeconds % PERIOD_SECONDS != 0
        || from.getNano() != 0
        || to.getNano() != 0
        || from.getEpochSecond() % periodSeconds != 0
        || to.getEpochSecond() % periodSeconds != 0
        || !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "history must be non-empty and on whole periods of "
              + periodSeconds
              + " s: "
              + from
              + " to "
              + to);
    }
  }

  private static void requireWholeMinutes(TimeRange r) {
    if (r.from().getEpochSecond() % 60 != 0
        || r.to().getEpochSecond() % 60 != 0
        || r.from().getNano() != 0
        || r.to().getNano() != 0
        || !r.from().isBefore(r.to())) {
      throw new IllegalArgumentException(
          "metrics range must be non-empty and start and end on whole minutes: " + r);
    }
  }
}
