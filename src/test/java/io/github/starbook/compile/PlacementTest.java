package io.github.starbook.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** An answer rendered for the booklet, a flashcard and an Anki note, from its syntax tree. */
class PlacementTest {
  private static final Markdown MARKDOWN = new Markdown(false);
  private static final String ANSWER =
      """
      Intro with a note[^1], a [heading link](#key-points), a [page](../../other/q/index.html#x)
      and ![a *diagram*](pic.png).

      ```
      one
      \ttwo
      ```

      ## Key points

      - Point with [external](https://example.com)

      [^1]: The note.
      """;

  private static String render(Placement placement) {
    Document doc = MARKDOWN.parse(ANSWER);
    Marks ids = Marks.of(doc);
    List<Node> nodes = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      nodes.add(n);
    }
    return MARKDOWN.render(nodes, ids, placement);
  }

  @Test
  void bookletPrefixesEveryIdAndEveryInPageLinkFollows() {
    Element html = Jsoup.parseBodyFragment(render(Placement.booklet("cat/q/", "q-cat-q"))).body();
    assertFalse(html.select("[id]").isEmpty());
    html.select("[id]").forEach(e -> assertTrue(e.id().startsWith("q-cat-q-"), e.outerHtml()));
    for (Element a : html.select("a[href^=#]")) {
      assertNotNull(html.getElementById(a.attr("href").substring(1)), "target of " + a.outerHtml());
    }
    assertNotNull(html.selectFirst("a[href=../other/q/index.html#x]"), html.html());
    assertNotNull(html.selectFirst("a[href=https://example.com]"));
    assertEquals(
        "../cat/q/pic.png",
        html.selectFirst("img").attr("src"),
        "images are re-pointed from the page's folder, like links");
  }

  @Test
  void ankiWithoutBaseUrlUnlinksSiteLinksAndKeepsTheirText() {
    String out = render(Placement.away("cat/q/", path -> null));
    Element html = Jsoup.parseBodyFragment(out).body();
    assertTrue(html.select("[id]").isEmpty(), out);
    assertEquals(List.of("https://example.com"), html.select("a[href]").eachAttr("href"), out);
    assertTrue(html.text().contains("a heading link, a page and a diagram."), html.text());
    assertTrue(html.select("img").isEmpty());
    assertFalse(out.contains("\n") || out.contains("\t"), out);
  }

  @Test
  void ankiWithBaseUrlMakesSiteLinksAbsoluteAndCodeKeepsItsLines() {
    String out = render(Placement.away("cat/q/", path -> "https://example.org/guide/" + path));
    Element html = Jsoup.parseBodyFragment(out).body();
    assertNotNull(html.selectFirst("a[href=https://example.org/guide/other/q/index.html#x]"), out);
    assertNotNull(
        html.selectFirst("a[href=https://example.org/guide/cat/q/index.html#key-points]"));
    assertEquals("https://example.org/guide/cat/q/pic.png", html.selectFirst("img").attr("src"));
    assertTrue(out.contains("<pre><code>one<br>&#9;two</code></pre>"), out);
  }

  @Test
  void aFlashcardOnTheStudyPageLinksThroughTheRoot() {
    Element html = Jsoup.parseBodyFragment(render(Placement.moved("cat/q/", "study/"))).body();
    assertNotNull(html.selectFirst("a[href=../other/q/index.html#x]"));
    assertNotNull(html.selectFirst("a[href=../cat/q/index.html#key-points]"));
    assertEquals("../cat/q/pic.png", html.selectFirst("img").attr("src"));
  }
}
