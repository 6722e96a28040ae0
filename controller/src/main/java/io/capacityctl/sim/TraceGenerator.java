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
