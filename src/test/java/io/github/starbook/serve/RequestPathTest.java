package io.github.starbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request paths are decoded once and refused when they could leave the tree. */
class RequestPathTest {
  @Test
  void cleanPathsAreDecodedOnce() {
    assertEquals("guide/strategy/", RequestPath.clean("/guide/strategy/"));
    assertEquals("guide/a b/ü", RequestPath.clean("/guide/a%20b/%C3%BC"));
    assertEquals("guide/%2e%2e/", RequestPath.clean("/guide/%252e%252e/"));
    assertEquals("", RequestPath.clean("/"));
  }

  @Test
  void dotSegmentsBackslashesNulAndBadEscapesAreRefused() {
    for (String raw :
        new String[] {
          "/../etc/passwd",
          "/guide/..",
          "/guide/./x",
          "/guide/%2e%2e/x",
          "/guide/%2E%2e%2Fx",
          "/guide/..%2Fx",
          "/guide/%5c..%5cx",
          "/guide\\..\\x",
          "/guide/%00",
          "/guide//x",
          "/guide/%zz",
          "/guide/%c0%ae%c0%ae/",
          "/guide/%e2%82",
          "guide/",
          "/a/%0a"
        }) {
      assertNull(RequestPath.clean(raw), raw);
    }
  }

  @Test
  void theLiveScriptGoesBeforeTheLastClosingBodyTagInAnyCase() {
    String page = "<html><body><p>&lt;/body&gt;</p></BODY></html>";
    String out =
        new String(
            LiveScript.inject(page.getBytes(StandardCharsets.UTF_8), 7, "[]"),
            StandardCharsets.UTF_8);
    assertEquals(
        "<html><body><p>&lt;/body&gt;</p>" + LiveScript.tag(7, "[]") + "</BODY></html>", out);
    String bare =
        new String(
            LiveScript.inject("<p>ü</p>".getBytes(StandardCharsets.UTF_8), 1, "[]"),
            StandardCharsets.UTF_8);
    assertEquals("<p>ü</p>" + LiveScript.tag(1, "[]"), bare);
  }
}
