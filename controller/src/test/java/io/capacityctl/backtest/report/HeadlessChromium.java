package io.capacityctl.backtest.report;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Opens a page in Debian's headless Chromium (the flags this machine kind needs: no sandbox as
 * root, no background networking on a closed network, a fresh profile) and returns the DOM its
 * script built and a screenshot, from one start.
 */
final class HeadlessChromium {
  static final int WIDTH = 1400;
  static final int HEIGHT = 3000;
  private static final Pattern BOX =
      Pattern.compile(
          "<(?:div|svg) class=\"(plot|frontier)\"[^>]*?data-box=\"(\\d+),(\\d+),(\\d+),(\\d+)\"");

  /** What the browser made of the page. */
  record Page(String dom, BufferedImage screenshot) {
    /** Where the page's script says each chart is: [kind, x, y, width, height]. */
    List<Box> boxes() {
      List<Box> out = new ArrayList<>();
      Matcher m = BOX.matcher(dom);
      while (m.find()) {
        out.add(
            new Box(
                m.group(1),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5))));
      }
      return out;
    }
  }

  /** A chart's place on the page, in CSS pixels (the screenshot's at a device pixel ratio of 1). */
  record Box(String kind, int x, int y, int width, int height) {}

  private HeadlessChromium() {}

  /** {@code chromium} on the PATH, if installed. */
  static Optional<Path> find() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, "chromium"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static Page open(Path chromium, Path dir, String url) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(dir, "chromium");
    Path dom = work.resolve("dom.html");
    Path png = work.resolve("page.png");
    Process p =
        new ProcessBuilder(
                List.of(
                    chromium.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    "--window-size=" + WIDTH + "," + HEIGHT,
                    "--user-data-dir=" + Files.createDirectory(work.resolve("profile")),
                    "--screenshot=" + png,
                    "--dump-dom",
                    url))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectOutput(dom.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("chromium exited with " + p.exitValue());
    }
    return new Page(Files.readString(dom, StandardCharsets.UTF_8), ImageIO.read(png.toFile()));
  }
}
