package io.github.starbook.compile;

/**
 * A section's plain text (as {@link Markdown#render} gives it) made into one line of running text
 * for the search index: the text renderer's link form {@code "text" (url)} becomes the link text,
 * list bullets and numbers go, runs of whitespace become one space. Written as three plain loops
 * rather than regular expressions: it runs over every word of the guide.
 */
public final class PlainText {
  private PlainText() {}

  /** A named section's text starts with its heading ("Situation"); the index names it anyway. */
  public static String withoutHeading(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? "" : text.substring(nl + 1);
  }

  public static String squash(String text) {
    return collapse(withoutBullets(linkTexts(text)).strip());
  }

  /**
   * {@code "text" (url)} → {@code text}, where text holds no quote or line break, url no ')' or
   * space.
   */
  static String linkTexts(String s) {
    int q = s.indexOf('"');
    if (q < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    while (q >= 0) {
      int close = q + 1;
      while (close < s.length() && s.charAt(close) != '"' && s.charAt(close) != '\n') {
        close++;
      }
      if (close >= s.length() || s.charAt(close) != '"') {
        q = s.indexOf('"', close);
        continue;
      }
      int end = close + 1;
      if (end + 1 < s.length() && s.charAt(end) == ' ' && s.charAt(end + 1) == '(') {
        int u = end + 2;
        while (u < s.length() && s.charAt(u) != ')' && !space(s.charAt(u))) {
          u++;
        }
        if (u < s.length() && s.charAt(u) == ')') {
          out.append(s, copied, q).append(s, q + 1, close);
          copied = u + 1;
          q = s.indexOf('"', copied);
          continue;
        }
      }
      q = s.indexOf('"', q + 1); // this quote opens no link; the closing one may open the next
    }
    return out.append(s, copied, s.length()).toString();
  }

  /**
   * Drops, at the start of every line, blank space then a bullet ({@code -*+}, {@code 1.} or {@code
   * 1)}) then space. Lines end where {@code ^} of a multi-line regular expression says.
   */
  static String withoutBullets(String s) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < s.length()) {
      int end = lineStart(s, i) ? bulletEnd(s, i) : -1;
      if (end < 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, i);
      copied = end;
      i = end;
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  private static boolean lineStart(String s, int i) {
    if (i == 0) {
      return true;
    }
    char p = s.charAt(i - 1);
    return p == '\n'
        || p == '\u0085'
        || p == '\u2028'
        || p == '\u2029'
        || (p == '\r' && s.charAt(i) != '\n');
  }

  /** The end of a bullet starting at line start {@code i} (space, marker, space), or -1. */
  private static int bulletEnd(String s, int i) {
    int n = s.length();
    while (i < n && space(s.charAt(i))) {
      i++;
    }
    if (i >= n) {
      return -1;
    }
    char c = s.charAt(i);
    if (c == '-' || c == '*' || c == '+') {
      i++;
    } else if (c >= '0' && c <= '9') {
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i >= n || (s.charAt(i) != '.' && s.charAt(i) != ')')) {
        return -1;
      }
      i++;
    } else {
      return -1;
    }
    if (i >= n || !space(s.charAt(i))) {
      return -1;
    }
    while (i < n && space(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Every run of ASCII white space → one space. */
  static String collapse(String s) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!space(s.charAt(i))) {
        continue;
      }
      int j = i + 1;
      while (j < s.length() && space(s.charAt(j))) {
        j++;
      }
      if (j - i > 1 || s.charAt(i) != ' ') {
        if (out == null) {
          out = new StringBuilder(s.length());
        }
        out.append(s, copied, i).append(' ');
        copied = j;
      }
      i = j - 1;
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** {@code \s} of java.util.regex: space, tab, line feed, vertical tab, form feed, return. */
  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
