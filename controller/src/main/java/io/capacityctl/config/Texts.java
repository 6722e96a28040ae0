package io.capacityctl.config;

/**
 * Rules for free text people give (event names, override reasons) and how any text is shown. A
 * terminal obeys escape codes in what it prints: a reason that clears the screen or recolours the
 * status is refused on input, and whatever reaches a terminal anyway (an item written to the state
 * table by hand) is shown escaped.
 */
public final class Texts {
  private Texts() {}

  /**
   * Whether {@code c} would not print as itself: C0 and C1 control characters, DEL, and the Unicode
   * format characters that reorder or hide text (bidirectional overrides and isolates, zero-width
   * characters), as in the "Trojan Source" attacks.
   */
  public static boolean isControl(int c) {
    return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
  }

  /** The index of the first control character, or -1. */
  public static int firstControl(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (isControl(c)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  /**
   * @throws IllegalArgumentException naming the first control character and where it is
   */
  static void requirePrintable(String s) {
    String problem = controlProblem(s);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Checks free text: not blank, at most {@code max} characters, no control character.
   *
   * @return what is wrong, or null
   */
  public static String problemWith(String s, int max) {
    if (s == null || s.isBlank()) {
      return "required";
    }
    if (s.length() > max) {
      return "is " + s.length() + " characters; at most " + max;
    }
    return controlProblem(s);
  }

  private static String controlProblem(String s) {
    int at = firstControl(s);
    return at < 0
        ? null
        : "contains a control character ("
            + escape(s.codePointAt(at))
            + " at "
            + at
            + "); write plain text on one line";
  }

  /**
   * {@code s} with every control character except line feed and tab written as {@code \\uXXXX}, so
   * that it prints as what it holds.
   */
  public static String printable(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      if (isControl(c) && c != '\n' && c != '\t') {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append(escape(c));
      } else if (out != null) {
        out.appendCodePoint(c);
      }
      i += n;
    }
    return out == null ? s : out.toString();
  }

  private static String escape(int c) {
    return String.format("\\u%04x", c);
  }
}
