package io.capacityctl.aws.cloudwatch;

import io.capacityctl.ports.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * A CloudWatch holding a datapoint for most minutes of every metric (integer values, a gap one
 * minute in eight: quiet minutes), up to the minute it has published to; values can be set, revised
 * or removed. Answers GetMetricData by metric identity, whatever the query ids, with the datapoints
 * inside the request's [start, end), and records every request.
 */
final class MetricWorld {
  private final Map<String, Double> set = new HashMap<>();
  private final Set<String> removed = new HashSet<>();
  private final Set<String> silent = new HashSet<>();
  private Instant publishedTo;
  private int failCall = -1;
  private StatusCode status = StatusCode.COMPLETE;
  final StubCloudWatch client = new StubCloudWatch(this::answer);

  MetricWorld(Instant publishedTo) {
    this.publishedTo = publishedTo;
  }

  /** CloudWatch holds the minutes before {@code t} (later ones have not happened or landed). */
  void publishTo(Instant t) {
    publishedTo = t;
  }

  /** The datapoint of {@code metric} for {@code dimension} at {@code minute} is {@code value}. */
  void set(String metric, String dimension, Instant minute, double value) {
    removed.remove(key(metric, dimension, minute));
    set.put(key(metric, dimension, minute), value);
  }

  /** {@code dimension}'s metrics have no datapoints but those {@link #set}. */
  void silence(String dimension) {
    silent.add(dimension);
  }

  /** {@code metric} for {@code dimension} has no datapoint at {@code minute} (yet). */
  void remove(String metric, String dimension, Instant minute) {
    set.remove(key(metric, dimension, minute));
    removed.add(key(metric, dimension, minute));
  }

  /** The {@code n}th request from now (0: the next) throws a throttling error. */
  void failRequest(int n) {
    failCall = client.requests.size() + n;
  }

  /** No request fails (undoes {@link #failRequest} if it has not been reached). */
  void failNone() {
    failCall = -1;
  }

  /** Every query of every request is answered with this status (COMPLETE by default). */
  void answerWith(StatusCode s) {
    status = s;
  }

  /** The requests from {@code since} on, each as its span. */
  List<TimeRange> spansRequested(int since) {
    return spansRequested(since, client.requests.size());
  }

  /** The requests {@code [from, to)}, each as its span. */
  List<TimeRange> spansRequested(int from, int to) {
    List<TimeRange> out = new ArrayList<>();
    for (GetMetricDataRequest r : client.requests.subList(from, to)) {
      out.add(new TimeRange(r.startTime(), r.endTime()));
    }
    return out;
  }

  /** The requests {@code [from, to)} that ask for {@code dimension}, each as its span. */
  List<TimeRange> spansRequestedFor(String dimension, int from, int to) {
    List<TimeRange> out = new ArrayList<>();
    for (GetMetricDataRequest r : client.requests.subList(from, to)) {
      if (r.metricDataQueries().stream().anyMatch(q -> dimension.equals(dimension(q)))) {
        out.add(new TimeRange(r.startTime(), r.endTime()));
      }
    }
    return out;
  }

  /** Datapoints the requests {@code [from, to)} asked for: queries times minutes, summed. */
  long datapointsRequested(int from, int to) {
    long n = 0;
    for (GetMetricDataRequest r : client.requests.subList(from, to)) {
      n +=
          r.metricDataQueries().size()
              * (r.endTime().getEpochSecond() - r.startTime().getEpochSecond())
              / 60;
    }
    return n;
  }

  int requestCount() {
    return client.requests.size();
  }

  private GetMetricDataResponse answer(GetMetricDataRequest r) {
    if (client.requests.size() - 1 == failCall) {
      throw StubCloudWatch.throttling();
    }
    List<MetricDataResult> results = new ArrayList<>();
    for (MetricDataQuery q : r.metricDataQueries()) {
      String metric = q.metricStat().metric().metricName();
      String dimension = dimension(q);
      List<Instant> times = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Instant t = r.startTime(); t.isBefore(r.endTime()); t = t.plusSeconds(60)) {
        Double v = value(metric, dimension, t);
        if (v != null) {
          times.add(t);
          values.add(v);
        }
      }
      results.add(
          MetricDataResult.builder()
              .id(q.id())
              .timestamps(times)
              .values(values)
              .statusCode(status)
              .build());
    }
    return GetMetricDataResponse.builder().metricDataResults(results).build();
  }

  private Double value(String metric, String dimension, Instant minute) {
    String key = key(metric, dimension, minute);
    if (set.containsKey(key)) {
      return set.get(key);
    }
    if (removed.contains(key) || silent.contains(dimension) || !minute.isBefore(publishedTo)) {
      return null;
    }
    long h = mix(key.hashCode() * 0x9E3779B97F4A7C15L);
    return (h & 7) == 0 ? null : (double) ((h >>> 8) % 1000 + 1);
  }

  private static String dimension(MetricDataQuery q) {
    return q.metricStat().metric().dimensions().get(0).value();
  }

  private static String key(String metric, String dimension, Instant minute) {
    return metric + "|" + dimension + "|" + minute.getEpochSecond();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
