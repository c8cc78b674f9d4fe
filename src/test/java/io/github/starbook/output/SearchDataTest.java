package io.github.starbook.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.RealGuide;
import io.github.starbook.testing.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search document list, the search page and the header search box, as built. */
class SearchDataTest {
  @TempDir Path tmp;

  private Path build(String name) {
    Path site = tmp.resolve(name);
    Run r = Run.build(tmp, Path.of("content").toAbsolutePath(), site);
    assertEquals(0, r.exit(), r.toString());
    return site;
  }

  @Test
  void theDocumentListIsAScriptWithEveryQuestionAndItsSectionTexts() throws Exception {
    String js = Files.readString(build("site").resolve(SearchData.PATH));
    assertTrue(
        js.startsWith(
            "/* starbook search data: generated, do not edit */\nself.STARBOOK_SEARCH = {\"sections\":[{\"key\":\"in30Seconds\",\"label\":\"In 30 seconds\"},"));
    assertTrue(js.endsWith("]};\n"));
    assertEquals(RealGuide.questionCount(), js.split("\\{\"id\":\"", -1).length - 1);
    // A STAR answer: sections by name, heading and list bullets gone, running text.
    assertTrue(
        js.contains(
            "{\"id\":\"reliability/major-outage\",\"url\":\"reliability/major-outage/index.html\","
                + "\"title\":\"Tell me about a major outage you led the response to.\""),
        js.substring(0, 300));
    assertTrue(
        js.contains(
            "\"action\":\"At 9:52 I declared a SEV1, appointed our most experienced SRE as incident"
                + " commander, and pulled everyone into one channel and one bridge. I took the communications role"));
    assertTrue(
        js.contains(
            "\"tags\":[\"incidents\",\"reliability\",\"communication\",\"leadership\"],"
                + "\"difficulty\":\"advanced\",\"format\":\"star\""));
    // Links keep their text, not their address.
    assertTrue(
        js.contains("see measuring engineering performance. Speak in time and money Above all"));
    assertFalse(js.contains("index.html)"), "a link address leaked into the search text");
    // '&' is escaped so the data can never close a script element.
    assertTrue(js.contains("\"categoryTitle\":\"Strategy \\u0026 Vision\""));
  }

  @Test
  void theDocumentListIsByteIdenticalAcrossBuilds() throws Exception {
    byte[] a = Files.readAllBytes(build("a").resolve(SearchData.PATH));
    byte[] b = Files.readAllBytes(build("b").resolve(SearchData.PATH));
    assertArrayEquals(a, b);
  }

  @Test
  void jsonStringsAreSafeInsideAScript() {
    StringBuilder sb = new StringBuilder();
    Json.write(sb, Map.of("t", List.of("</script><!-- \"q\" \\ \n\u2028\u0001", 3, true)));
    assertEquals(
        "{\"t\":[\"\\u003c/script\\u003e\\u003c!-- \\\"q\\\" \\\\ \\n\\u2028\\u0001\",3,true]}",
        sb.toString());
  }

  @Test
  void theSearchPageOffersTheGuidesFiltersAndEveryPageHasTheSearchBox() throws Exception {
    Path site = build("site");
    Document page = Jsoup.parse(site.resolve("search/index.html").toFile(), "UTF-8");
    assertEquals(
        List.of(
            "",
            "strategy",
            "business",
            "leadership",
            "people",
            "delivery",
            "architecture",
            "reliability",
            "security",
            "faq"),
        page.select("#filter-category option").eachAttr("value"));
    assertEquals(
        List.of("", "foundational", "intermediate", "advanced"),
        page.select("#filter-difficulty option").eachAttr("value"));
    assertEquals(
        List.of("", "star", "answer"), page.select("#filter-format option").eachAttr("value"));
    assertTrue(page.select("#filter-tag option[value=incidents]").size() == 1);
    String noscript = page.select("main noscript").outerHtml();
    assertTrue(
        noscript.contains("Search needs JavaScript.")
            && noscript.contains("href=\"../all/index.html#az-title\""),
        noscript);

    List<Path> pages;
    try (Stream<Path> s = Files.walk(site)) {
      pages = s.filter(p -> p.toString().endsWith(".html") && !p.endsWith("404.html")).toList();
    }
    for (Path p : pages) {
      Document d = Jsoup.parse(p.toFile(), "UTF-8");
      Element form = d.selectFirst("header form.search[role=search]");
      assertTrue(
          form != null && form.hasAttr("hidden"), p + ": the search form waits for JavaScript");
      assertTrue(
          Files.isRegularFile(p.getParent().resolve(form.attr("action")).normalize()),
          p + ": " + form.attr("action"));
      Element fallback = d.selectFirst("header a.search-fallback");
      String href = fallback.attr("href");
      assertTrue(href.endsWith("all/index.html#az-title"), href);
      Path target = p.getParent().resolve(href.substring(0, href.indexOf('#'))).normalize();
      assertEquals(site.resolve("all/index.html"), target, p.toString());
      assertEquals(1, Jsoup.parse(target.toFile(), "UTF-8").select("#az-title").size());
      String root = d.selectFirst("html").attr("data-root");
      assertTrue(
          Files.isRegularFile(p.getParent().resolve(root + "assets/site.js").normalize()),
          p + " " + root);
    }
    String bytes = Files.readString(site.resolve("404.html"), StandardCharsets.UTF_8);
    assertTrue(bytes.contains("data-root=\"/starbook/\""), "the 404 page links from the site root");
  }
}
