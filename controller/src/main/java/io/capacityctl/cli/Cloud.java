package io.capacityctl.cli;

/** Which cloud a command works on. */
public enum Cloud {
  /** The AWS account of the default credential chain (the config's region). */
  AWS,
  /** A simulated account running the synthetic MangaAssist trace (no AWS account needed). */
  SIM
}
