package io.capacityctl.cli;

import io.capacityctl.config.Texts;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the CLI prints goes through here: control characters other than line feed and tab are
 * written as {@code \\uXXXX}, so text from the state table (an override reason, an event name,
 * written by anyone with access to the table) cannot clear the screen, recolour a status or hide
 * what follows. One mechanism for every command rather than an escape at each place a value is
 * printed.
 */
final class TerminalWriter extends FilterWriter {
  private TerminalWriter(Writer out) {
    super(out);
  }

  /** {@code out}, escaping; flushed on every line like a console writer. */
  static PrintWriter escaping(PrintWriter out) {
    return new PrintWriter(new TerminalWriter(out), true);
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    write(new String(buf, off, len));
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    out.write(Texts.printable(s.substring(off, off + len)));
  }
}
