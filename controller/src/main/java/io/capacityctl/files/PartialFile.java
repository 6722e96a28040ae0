package io.capacityctl.files;

import java.nio.file.Path;

/**
 * Where an output is written before it is moved into place, so a failed run leaves no partial file.
 * Not {@code Files.createTempFile}: its owner-only permissions would stay with the moved file.
 */
public final class PartialFile {
  private PartialFile() {}

  /** A hidden sibling of {@code target}, unique to this process. */
  public static Path beside(Path target) {
    Path absolute = target.toAbsolutePath();
    return absolute.resolveSibling(
        "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
  }
}
