package io.capacityctl.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where an output is written before it is moved into place, so a failed run leaves no partial file.
 * Not {@code Files.createTempFile}: its owner-only permissions would stay with the moved file.
 */
public final class PartialFile {
  private PartialFile() {}

  /** What goes into the file; may compute a result on the way (a run that streams its rows). */
  @FunctionalInterface
  public interface Content<T> {
    T writeTo(Writer out) throws IOException;
  }

  /** A hidden sibling of {@code target}, unique to this process. */
  public static Path beside(Path target) {
    Path absolute = target.toAbsolutePath();
    return absolute.resolveSibling(
        "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
  }

  /**
   * Writes {@code content} (UTF-8) beside {@code target}, then moves it into place; on any failure
   * the partial file is removed and {@code target} left as it was.
   *
   * @return what {@code content} returned
   */
  public static <T> T write(Path target, Content<T> content) throws IOException {
    Path tmp = beside(target);
    try {
      T result;
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        result = content.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      return result;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
