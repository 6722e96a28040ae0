package io.capacityctl.sim;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic traffic traces, deterministic by seed. The MangaAssist trace: a Tokyo diurnal curve
 * with an evening peak, Monday 00:00 JST chapter releases (about 3x, one of them 5x — far above the
 * calendar's 3x), a feature launch that raises Sonnet load by a third from day 15, day-to-day drift
 * and minute-level noise.
 */
public final class TraceGenerator {
  public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** Wednesday 2 December 2026, 00:00 JST: four Monday releases fall inside 28 days. */
  public static final Instant MANGAASSIST_START =
      ZonedDateTime.of(2026, 12, 2, 0, 0, 0, 0, TOKYO).toInstant();

  /** Sonnet tokens/s at each local hour 0..24 on a weekday (interpolated linearly). */
  private static final double[] SONNET_HOURLY = {
    10000, 6500, 3000, 900, 500, 600, 1500, 3000, 4000, 4500, 4800, 5200, 7000, 6800, 5800, 5600,
    6000, 7500, 9000, 10500, 11500, 12000, 12000, 11000, 10000
  };

  private TraceGenerator() {}

  /** The bundled MangaAssist trace: models {@code sonnet} and {@code haiku}. */
  public static Trace mangaAssist(long seed, int days) {
    int minutes = days * 1440;
    Random rnd = new Random(seed);
    double[] sonnet = new double[minutes];
    double[] haiku = new double[minutes];
    double[] dayFactor = dayFactors(rnd, days + 1, 0.05);
    int surpriseWeek = 2; // the third Monday release is the 5x one
    ZonedDateTime launch =
        ZonedDateTime.ofInstant(MANGAASSIST_START, TOKYO).plusDays(15).withHour(12);
    int release = -1;
    for (int i = 0; i < minutes; i++) {
      ZonedDateTime local =
          ZonedDateTime.ofInstant(MANGAASSIST_START.plus(Duration.ofMinutes(i)), TOKYO);
      double hour = local.getHour() + local.getMinute() / 60.0;
      double base = interpolate(SONNET_HOURLY, hour);
      DayOfWeek dow = local.getDayOfWeek();
      if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
        base *= hour >= 9 && hour < 18 ? 1.25 : 1.08;
      }
      int day = (int) Duration.between(MANGAASSIST_START, local.toInstant()).toDays();
      base *= dayFactor[day];
      double feature = 1 + (1.0 / 3) * clamp01(Duration.between(launch, local).toMinutes() / 60.0);
      double sinceRelease = minutesSinceMondayMidnight(local);
      if (sinceRelease == 0) {
        release++;
      }
      double sonnetMult = 1;
      double haikuMult = 1;
      if (sinceRelease >= 0 && sinceRelease < 6 * 60) {
        boolean surprise = release == surpriseWeek;
        sonnetMult = releaseMultiplier(sinceRelease, surprise ? 5.0 : 3.0);
        haikuMult = releaseMultiplier(sinceRelease, surprise ? 4.0 : 2.5);
      }
      sonnet[i] = noisy(rnd, base * feature * sonnetMult, 0.04);
      haiku[i] = noisy(rnd, (0.35 * base + 200) * haikuMult, 0.05);
    }
    Map<String, double[]> demand = new LinkedHashMap<>();
    demand.put("sonnet", sonnet);
    demand.put("haiku", haiku);
    return new Trace(MANGAASSIST_START, minutes, demand);
  }

  /** Monday 19 October 2026, 00:00 New York: four weeks that cross the end of DST (1 November). */
  public static final Instant US_BUSINESS_START =
      ZonedDateTime.of(2026, 10, 19, 0, 0, 0, 0, ZoneId.of("America/New_York")).toInstant();

  /** Tuesday 1 December 2026, 00:00 UTC: the flat and bursty traces. */
  public static final Instant UTC_START = Instant.parse("2026-12-01T00:00:00Z");

  /** Assistant tokens/s at each New York hour 0..24 on a weekday: office hours, lunch dip. */
  private static final double[] US_HOURLY = {
    1500, 1200, 1000, 1000, 1100, 1500, 3000, 7000, 14000, 19000, 21000, 21000, 17000, 19000, 20000,
    19000, 16000, 11000, 7000, 5000, 4000, 3200, 2500, 1900, 1500
  };

  /**
   * US business hours in America/New_York across the end of DST: models {@code assistant} and
   * {@code classifier}; weekends at a quarter of weekdays; every Tuesday 10:00 local a two-hour
   * product webinar doubles traffic (the calendar's weekly event).
   */
  public static Trace usBusinessHours(long seed, int days) {
    ZoneId ny = ZoneId.of("America/New_York");
    int minutes = days * 1440;
    Random rnd = new Random(seed);
    double[] assistant = new double[minutes];
    double[] classifier = new double[minutes];
    double[] dayFactor = dayFactors(rnd, days + 1, 0.06);
    for (int i = 0; i < minutes; i++) {
      ZonedDateTime local =
          ZonedDateTime.ofInstant(US_BUSINESS_START.plus(Duration.ofMinutes(i)), ny);
      double hour = local.getHour() + local.getMinute() / 60.0;
      double base = interpolate(US_HOURLY, hour);
      DayOfWeek dow = local.getDayOfWeek();
      if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
        base = 1000 + (base - 1000) * 0.25;
      }
      base *= dayFactor[i / 1440];
      double webinar = 1;
      if (dow == DayOfWeek.TUESDAY && hour >= 10 && hour < 12) {
        webinar = 1 + 1.0 * clamp01((hour - 10) * 60 / 5.0) * (hour < 11.5 ? 1 : (12 - hour) * 2);
      }
      assistant[i] = noisy(rnd, base * webinar, 0.05);
      classifier[i] = noisy(rnd, (0.5 * base + 300) * webinar, 0.05);
    }
    Map<String, double[]> demand = new LinkedHashMap<>();
    demand.put("assistant", assistant);
    demand.put("classifier", classifier);
    return new Trace(US_BUSINESS_START, minutes, demand);
  }

  /** A flat heavy load: model {@code chat} around 40,000 tokens/s with slow drift and noise. */
  public static Trace flatHeavy(long seed, int days) {
    int minutes = days * 1440;
    Random rnd = new Random(seed);
    double[] chat = new double[minutes];
    double drift = 0;
    for (int i = 0; i < minutes; i++) {
      drift = 0.999 * drift + 0.002 * rnd.nextGaussian();
      chat[i] = noisy(rnd, 40000 * Math.exp(drift), 0.03);
    }
    return new Trace(UTC_START, minutes, Map.of("chat", chat));
  }

  /**
   * Ten-minute bursts on a low base: model {@code chat} at about 1,500 tokens/s with, on average
   * every two hours at random, a burst of 2,500 to 5,000 tokens/s more for ten minutes.
   */
  public static Trace bursty(long seed, int days) {
    int minutes = days * 1440;
    Random rnd = new Random(seed);
    double[] chat = new double[minutes];
    double[] dayFactor = dayFactors(rnd, days + 1, 0.05);
    int burstLeft = 0;
    double burst = 0;
    for (int i = 0; i < minutes; i++) {
      if (burstLeft == 0 && rnd.nextDouble() < 1.0 / 120) {
        burstLeft = 10;
        burst = 2500 + 2500 * rnd.nextDouble();
      }
      double extra = burstLeft > 0 ? burst : 0;
      if (burstLeft > 0) {
        burstLeft--;
      }
      chat[i] = noisy(rnd, 1500 * dayFactor[i / 1440] + extra, 0.05);
    }
    return new Trace(UTC_START, minutes, Map.of("chat", chat));
  }

  /**
   * A release's multiplier {@code minutes} after it starts: readers arrive over ten minutes, stay
   * for an hour, then drift away (half-life 75 minutes) until the six hours are over.
   */
  static double releaseMultiplier(double minutes, double peak) {
    double ramp = clamp01(minutes / 10.0);
    double decay = minutes <= 60 ? 1 : Math.pow(0.5, (minutes - 60) / 75.0);
    return 1 + (peak - 1) * ramp * decay;
  }

  private static double minutesSinceMondayMidnight(ZonedDateTime local) {
    if (local.getDayOfWeek() != DayOfWeek.MONDAY) {
      return -1;
    }
    return local.getHour() * 60 + local.getMinute();
  }

  /** Slow day-to-day drift: an AR(1) walk around 1. */
  static double[] dayFactors(Random rnd, int days, double sigma) {
    double[] f = new double[days];
    double x = 0;
    for (int d = 0; d < days; d++) {
      x = 0.6 * x + sigma * rnd.nextGaussian();
      f[d] = Math.exp(x);
    }
    return f;
  }

  static double noisy(Random rnd, double v, double sigma) {
    return Math.max(0, v * (1 + sigma * rnd.nextGaussian()));
  }

  static double interpolate(double[] hourly, double hour) {
    int h = (int) Math.floor(hour);
    double frac = hour - h;
    return hourly[h] + (hourly[Math.min(h + 1, hourly.length - 1)] - hourly[h]) * frac;
  }

  static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
