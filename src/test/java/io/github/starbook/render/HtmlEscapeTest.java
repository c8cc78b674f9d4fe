package io.github.starbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/** Templates.escapeHtml gives the very bytes of the unbescape call Pebble made before. */
class HtmlEscapeTest {
  @Test
  void sameAsUnbescapeOnRandomStrings() {
    Random random = new Random(17);
    // Markup characters, ASCII, Latin-1, entities' neighbours, surrogates (paired and lone).
    char[] pool =
        "<>&\"'; #x0a9AZaz\t\n\r\u0000\u007f\u00a0\u00e9\u2028\u20ac\ud83d\ude00\udfff"
            .toCharArray();
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        b.append(
            random.nextInt(4) == 0
                ? (char) random.nextInt(Character.MAX_VALUE + 1)
                : pool[random.nextInt(pool.length)]);
      }
      String s = b.toString();
      assertEquals(HtmlEscape.escapeHtml4Xml(s), Templates.escapeHtml(s), s);
    }
  }

  @Test
  void edges() {
    for (String s : new String[] {"", "plain", "<", "a&b", "&amp;", "\"'\"", "&#39;", "é<€>"}) {
      assertEquals(HtmlEscape.escapeHtml4Xml(s), Templates.escapeHtml(s), s);
    }
    assertNull(Templates.escapeHtml(null));
  }
}
