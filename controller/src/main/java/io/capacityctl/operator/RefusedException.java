package io.capacityctl.operator;

/** An operator's request refused before anything changed; names the option at fault. */
public class RefusedException extends RuntimeException {
  private final String option;

  public RefusedException(String option, String message) {
    super(option + ": " + message);
    this.option = option;
  }

  /** The command-line option at fault, e.g. {@code --for}. */
  public String option() {
    return option;
  }
}
