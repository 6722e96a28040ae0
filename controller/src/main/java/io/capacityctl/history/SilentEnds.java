package io.capacityctl.history;

import io.capacityctl.history.Retention.Segment;
import io.capacityctl.ports.PeriodSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The window cut to where the account has data. More than a day at either end of the window in
 * which no model reported anything is not traffic the account had: the models were not in use yet
 * (or any more) in this region. Replayed as idle minutes, it would have every baseline pay for
 * capacity nobody used and report a saving that is not there. So the window starts at the first
 * period any model reported and ends after the last, and says so; a silence of a day or less (a
 * quiet night, a weekend morning) is the account's own and is kept.
 */
final class SilentEnds {
  /** The longest silence at an end of the window kept as the account's own idle time. */
  static final Duration LONGEST_KEPT = Duration.ofDays(1);

  /** The parts of the window and their reads, cut; and what was cut, one line per end. */
  record Cut(List<Segment> segments, List<Map<String, PeriodSeries>> reads, List<String> notes) {}

  private SilentEnds() {}

  /**
   * @throws HistoryException when less than {@link Retention#SHORTEST} is left between the first
   *     and the last datapoint
   */
  static Cut cut(List<Segment> segments, List<Map<String, PeriodSeries>> reads) {
    Instant first = null;
    Instant last = null;
    for (Map<String, PeriodSeries> read : reads) {
      for (PeriodSeries ps : read.values()) {
        for (int i = 0; i < ps.size(); i++) {
          if (!ps.silent(i)) {
            first = first == null || ps.at(i).isBefore(first) ? ps.at(i) : first;
            last = last == null || ps.at(i + 1).isAfter(last) ? ps.at(i + 1) : last;
          }
        }
      }
    }
    Instant from = segments.get(0).from();
    Instant to = segments.get(segments.size() - 1).to();
    if (first == null) {
      return new Cut(segments, reads, List.of()); // no data at all: HistoryTrace says so
    }
    List<String> notes = new ArrayList<>();
    Instant start = from;
    Instant end = to;
    if (Duration.between(from, first).compareTo(LONGEST_KEPT) > 0) {
      start = first;
      notes.add(
          String.format(
              "no model reported any datapoint from %s to %s (%s): the backtest starts there, at"
                  + " the first datapoint (--from %s replays the silence too)",
              from, first, Durations.human(Duration.between(from, first).toSeconds()), from));
    }
    if (Duration.between(last, to).compareTo(LONGEST_KEPT) > 0) {
      end = last;
      notes.add(
          String.format(
              "no model reported any datapoint from %s to %s (%s): the backtest ends there, after"
                  + " the last datapoint",
              last, to, Durations.human(Duration.between(last, to).toSeconds())));
    }
    if (notes.isEmpty()) {
      return new Cut(segments, reads, List.of());
    }
    if (Duration.between(start, end).compareTo(Retention.SHORTEST) < 0) {
      throw new HistoryException(
          "CloudWatch has datapoints only from "
              + first
              + " to "
              + last
              + ", less than "
              + Durations.human(Retention.SHORTEST.toSeconds())
              + " of traffic: nothing to replay; check the region and aws.metrics in the"
              + " configuration");
    }
    List<Segment> kept = new ArrayList<>();
    List<Map<String, PeriodSeries>> keptReads = new ArrayList<>();
    for (int j = 0; j < segments.size(); j++) {
      Segment s = segments.get(j);
      if (!s.to().isAfter(start) || !s.from().isBefore(end)) {
        continue;
      }
      Instant a = s.from().isBefore(start) ? start : s.from();
      Instant b = s.to().isAfter(end) ? end : s.to();
      long period = s.resolution().periodSeconds();
      int fromPeriod = (int) (Duration.between(s.from(), a).toSeconds() / period);
      int toPeriod = (int) (Duration.between(s.from(), b).toSeconds() / period);
      Map<String, PeriodSeries> sliced = new LinkedHashMap<>();
      reads.get(j).forEach((model, ps) -> sliced.put(model, ps.slice(fromPeriod, toPeriod)));
      kept.add(new Segment(a, b, s.resolution()));
      keptReads.add(sliced);
    }
    return new Cut(List.copyOf(kept), List.copyOf(keptReads), List.copyOf(notes));
  }
}
