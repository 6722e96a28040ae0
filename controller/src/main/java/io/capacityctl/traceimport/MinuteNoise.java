package io.capacityctl.traceimport;

import java.util.Random;

/**
 * Minute-to-minute noise of real LLM token traffic, to put back what interpolating a 5- or
 * 60-minute series to minutes smooths away. Measured on the Azure LLM inference trace 2023 (code
 * completion, one hour, 8,819 requests, Patel et al., Splitwise, ISCA 2024; figures in
 * docs/traces.md, checked against the trace by {@code MinuteNoiseCalibrationTest}):
 *
 * <ul>
 *   <li>amplitude: tokens per minute have a coefficient of variation of {@value #REFERENCE_CV} at a
 *       mean of {@value #REFERENCE_TPS} tokens/s (the mean over twelve minute alignments);
 *   <li>structure: lag-1 autocorrelation {@value #LAG1}, lag-2 {@value #LAG2} (a busy minute tends
 *       to be followed by another and then by a lull: a cycle of about five minutes). Not i.i.d.
 * </ul>
 *
 * <p>The model: a Gaussian AR(2) process with those autocorrelations (Yule-Walker coefficients)
 * drives a multiplicative factor of mean 1 and gamma-like shape (the Wilson-Hilferty cube of a
 * normal, never below 0); the Gaussian's correlations are chosen so that the factor's are the
 * measured ones at every amplitude. Its amplitude at a level of {@code L} tokens/s is {@code
 * REFERENCE_CV * sqrt(REFERENCE_TPS / L)}: traffic at {@code L} behaves as the sum of {@code L /
 * REFERENCE_TPS} independent services like the measured one, so relative noise falls with the
 * square root of the level. Below the reference level it stays at the reference's amplitude (the
 * model does not extrapolate to sparser traffic than it was measured on). {@code scale} multiplies
 * the amplitude (0: no noise; at most 2). The same seed and levels give the same minutes on every
 * JVM ({@link Random}'s Gaussian is specified).
 *
 * <p>Those four figures are a {@link Model}; {@link Model#AZURE} is the measured one above. A
 * backtest whose window holds an account's own 1-minute data measures the model's figures there and
 * passes them instead ({@code history.OwnMinuteNoise}): the same form, the account's amplitude and
 * structure.
 */
public final class MinuteNoise {
  /** Mean tokens/s (input plus output) of the measured trace. */
  public static final double REFERENCE_TPS = 5250;

  /** Coefficient of variation of tokens per minute at {@link #REFERENCE_TPS}. */
  public static final double REFERENCE_CV = 1.00;

  /** Autocorrelation of tokens per minute one minute apart. */
  public static final double LAG1 = 0.18;

  /** Autocorrelation two minutes apart. */
  public static final double LAG2 = -0.30;

  /** Largest amplitude the model produces (the cube form holds up to about there). */
  static final double MAX_CV = 2;

  /** Largest autocorrelation (either sign) a model is given: the AR(2) stays well-conditioned. */
  static final double MAX_LAG = 0.9;

  /**
   * The noise's figures: coefficient of variation {@code cv} of tokens per minute at a level of
   * {@code tps} tokens/s (falling with the square root of the level above it, held below), and the
   * factor's lag-1 and lag-2 autocorrelations.
   */
  public record Model(double tps, double cv, double lag1, double lag2) {
    /** Measured on the Azure LLM inference trace (the constants above). */
    public static final Model AZURE = new Model(REFERENCE_TPS, REFERENCE_CV, LAG1, LAG2);

    /**
     * Measured figures clamped to what the model can generate: an amplitude from 0 to {@link
     * #MAX_CV}, autocorrelations within +-{@link #MAX_LAG}, and a lag 2 that a stationary process
     * with that lag 1 can have ({@code lag2 > 2 lag1^2 - 1}, with a margin).
     */
    public static Model clamped(double tps, double cv, double lag1, double lag2) {
      double c = Double.isFinite(cv) ? Math.min(Math.max(cv, 0), MAX_CV) : 0;
      double l1 = clampLag(lag1);
      double l2 = Math.max(clampLag(lag2), 2 * l1 * l1 - 1 + 0.1);
      return new Model(tps > 0 ? tps : REFERENCE_TPS, c, l1, Math.min(l2, MAX_LAG));
    }

    private static double clampLag(double lag) {
      return Double.isFinite(lag) ? Math.min(Math.max(lag, -MAX_LAG), MAX_LAG) : 0;
    }
  }

  private static final double STEP = 0.01;
  private static final int BURN_IN = 64;

  /*
   * The AR tables: per amplitude the AR(2) coefficients and innovation deviation of the Gaussian
   * whose cube-form factor has the model's autocorrelations. The cube bends correlation (at
   * amplitude 1 a Gaussian lag 2 of -0.30 comes out as -0.23), so the Gaussian's correlations are
   * the inverse of that bend, found by bisection once per amplitude.
   */
  private static final double[][] AZURE_AR = arTable(Model.AZURE);

  private final Model model;
  private final double[][] ar;
  private final double scale;
  private final long seed;

  /**
   * The Azure-measured model.
   *
   * @param scale 1 for the measured amplitude, 0 for none
   * @param seed the same seed gives the same noise
   */
  public MinuteNoise(double scale, long seed) {
    this(Model.AZURE, scale, seed);
  }

  /**
   * @param model the noise's figures ({@link Model#AZURE} or {@link Model#clamped} measured ones)
   * @param scale 1 for the model's amplitude, 0 for none, at most 2
   * @param seed the same seed gives the same noise
   */
  public MinuteNoise(Model model, double scale, long seed) {
    if (!(scale >= 0 && scale <= 2)) {
      throw new IllegalArgumentException("noise scale must be between 0 and 2: " + scale);
    }
    this.model = model;
    this.ar = model.equals(Model.AZURE) ? AZURE_AR : arTable(model);
    this.scale = scale;
    this.seed = seed;
  }

  /** The coefficient of variation of the noise at a level of {@code tps} tokens/s. */
  public double amplitudeAt(double tps) {
    double cv = scale * model.cv() * Math.sqrt(model.tps() / Math.max(tps, model.tps()));
    return Math.min(cv, MAX_CV);
  }

  /**
   * Per amplitude (in steps of {@link #STEP}): the AR(2) coefficients and innovation deviation of
   * the Gaussian whose cube-form factor has the model's autocorrelations.
   */
  private static double[][] arTable(Model model) {
    double[][] table = new double[(int) Math.round(MAX_CV / STEP) + 1][];
    for (int k = 0; k < table.length; k++) {
      double c = k * STEP;
      // The cube cannot reach every negative correlation at a large amplitude: keep the Gaussian's
      // pair one a stationary AR(2) has.
      double r1 = Math.min(Math.max(gaussianCorrelationFor(model.lag1(), c), -0.95), 0.95);
      double r2 = gaussianCorrelationFor(model.lag2(), c);
      r2 = Math.min(Math.max(r2, 2 * r1 * r1 - 1 + 0.05), 0.99);
      double phi1 = r1 * (1 - r2) / (1 - r1 * r1);
      double phi2 = (r2 - r1 * r1) / (1 - r1 * r1);
      table[k] = new double[] {phi1, phi2, Math.sqrt(Math.max(1 - phi1 * r1 - phi2 * r2, 1e-6))};
    }
    return table;
  }

  /** {@code levels} (tokens/s per minute) with noise: a new array, the input unchanged. */
  public double[] apply(double[] levels) {
    double[] out = new double[levels.length];
    if (scale == 0) {
      System.arraycopy(levels, 0, out, 0, levels.length);
      return out;
    }
    Random random = new Random(seed);
    double z1 = 0;
    double z2 = 0;
    for (int i = -BURN_IN; i < levels.length; i++) {
      double level = levels[Math.max(i, 0)];
      double cv = amplitudeAt(level);
      double[] ar = this.ar[(int) Math.round(cv / STEP)];
      double z = ar[0] * z1 + ar[1] * z2 + ar[2] * random.nextGaussian();
      z2 = z1;
      z1 = z;
      if (i >= 0) {
        out[i] = level * factor(z, cv);
      }
    }
    return out;
  }

  /**
   * A factor of mean 1 and coefficient of variation {@code cv} from a standard normal {@code z}:
   * Wilson-Hilferty's cube, which follows a gamma distribution of shape {@code 1 / cv^2} (a sum of
   * that many exponential sources).
   */
  static double factor(double z, double cv) {
    double c = 1 - cv * cv / 9 + z * cv / 3;
    return c <= 0 ? 0 : c * c * c;
  }

  /**
   * The correlation of two cube-form factors of amplitude {@code cv} whose normals correlate by
   * {@code rho}: the cube {@code (a + bZ)^3} is {@code A Z + B He2(Z) + C He3(Z)} plus a constant
   * in Hermite polynomials, which correlate as {@code rho}, {@code 2 rho^2} and {@code 6 rho^3}.
   */
  static double factorCorrelation(double rho, double cv) {
    double a = 1 - cv * cv / 9;
    double b = cv / 3;
    double x = 3 * a * a * b + 3 * b * b * b;
    double y = 3 * a * b * b;
    double z = b * b * b;
    double var = x * x + 2 * y * y + 6 * z * z;
    return var == 0
        ? rho
        : (x * x * rho + 2 * y * y * rho * rho + 6 * z * z * rho * rho * rho) / var;
  }

  private static double gaussianCorrelationFor(double target, double cv) {
    double lo = -0.99;
    double hi = 0.99;
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (factorCorrelation(mid, cv) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
