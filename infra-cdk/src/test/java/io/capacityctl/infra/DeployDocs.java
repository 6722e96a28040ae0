package io.capacityctl.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/deploy.md as the tests read it, so the document cannot drift from the stack: the service
 * control policy it recommends, its tables.
 */
final class DeployDocs {
  static final Path FILE = Path.of("..", "docs", "deploy.md");

  private DeployDocs() {}

  static String text() {
    try {
      return Files.readString(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The statements of the service control policy in the JSON block that follows the line {@code
   * <!-- scp -->}.
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> serviceControlPolicy() {
    Matcher m =
        Pattern.compile("<!-- scp -->\\s*```json\\n(.*?)```", Pattern.DOTALL).matcher(text());
    if (!m.find()) {
      throw new AssertionError(FILE + " has no ```json block after <!-- scp -->");
    }
    try {
      Map<String, Object> policy =
          new ObjectMapper().readValue(m.group(1), new TypeReference<Map<String, Object>>() {});
      return (List<Map<String, Object>>) policy.get("Statement");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
