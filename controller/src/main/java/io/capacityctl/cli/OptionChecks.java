package io.capacityctl.cli;

import io.capacityctl.operator.RefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Rules on option values that several commands share, each refusal naming the option (exit 2,
 * nothing done).
 */
final class OptionChecks {
  private OptionChecks() {}

  /** An output file's directory must exist; checked before the run, not after it. */
  static void directoryExists(String option, Path file) {
    if (file != null && !Files.isDirectory(file.toAbsolutePath().getParent())) {
      throw new RefusedException(
          option, "directory " + file.toAbsolutePath().getParent() + " does not exist");
    }
  }

  /** A period or gap, when given, must be longer than zero. */
  static void positive(String option, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new RefusedException(option, "must be positive, got " + value);
    }
  }

  /** {@code --noise}: a multiple of the measured minute-noise model, 0 (none) to 2. */
  static void noiseScale(double noise) {
    if (!(noise >= 0 && noise <= 2)) {
      throw new RefusedException("--noise", "must be between 0 and 2, got " + noise);
    }
  }
}
