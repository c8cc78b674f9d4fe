package io.github.starbook.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written squash against the regular expressions it replaces, on many random texts. */
class PlainTextTest {
  private static final Pattern LINK = Pattern.compile("\"([^\"\\n]*)\" \\([^)\\s]*\\)");
  private static final Pattern BULLET = Pattern.compile("(?m)^\\s*(?:[-*+]|\\d+[.)])\\s+");

  private static String oracle(String text) {
    return BULLET
        .matcher(LINK.matcher(text).replaceAll("$1"))
        .replaceAll("")
        .strip()
        .replaceAll("\\s+", " ");
  }

  @Test
  void examples() {
    assertEquals(
        "Read the guide and more", PlainText.squash("Read \"the guide\" (../x.md) and more"));
    assertEquals("one two three", PlainText.squash("- one\n- two\n\n1. three\n"));
    assertEquals("\"a\" (b c)", PlainText.squash("\"a\" (b c)"));
    assertEquals("x -y", PlainText.squash("x\n-y"));
  }

  @Test
  void sameAsTheRegularExpressions() {
    String alphabet = "\"\"  (()) \n\n\r\t-*+12.)ab\u2028\u0085\u00a0";
    Random random = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(24);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertEquals(
          oracle(s),
          PlainText.squash(s),
          () -> "input: " + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"));
    }
  }
}
