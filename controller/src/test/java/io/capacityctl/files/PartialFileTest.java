package io.capacityctl.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output the CLI writes (trace, timeline, report) lands whole or not at all. */
class PartialFileTest {
  @TempDir Path dir;

  @Test
  void writesTheContentIntoPlaceAndReturnsItsResult() throws IOException {
    Path target = dir.resolve("trace.csv");
    Files.writeString(target, "old");

    int rows =
        PartialFile.write(
            target,
            out -> {
              out.write("timestamp,model,tokens_per_second\n");
              return 1;
            });

    assertThat(rows).isEqualTo(1);
    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo("timestamp,model,tokens_per_second\n");
    assertThat(files()).containsExactly(target);
  }

  @Test
  void aFailureHalfwayLeavesTheOldFileAndNoPartialOne() throws IOException {
    Path target = dir.resolve("timeline.csv");
    Files.writeString(target, "old");

    assertThatThrownBy(
            () ->
                PartialFile.write(
                    target,
                    out -> {
                      out.write("half a row");
                      out.flush();
                      throw new UncheckedIOException(new IOException("disk full"));
                    }))
        .hasMessageContaining("disk full");

    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(files()).containsExactly(target);
  }

  @Test
  void aMissingDirectoryIsAnIoErrorAndCreatesNothing() {
    Path target = dir.resolve("missing").resolve("report.html");

    assertThatThrownBy(() -> PartialFile.write(target, out -> null))
        .isInstanceOf(IOException.class);
    assertThat(Files.exists(dir.resolve("missing"))).isFalse();
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> listed = Files.list(dir)) {
      return listed.toList();
    }
  }
}
