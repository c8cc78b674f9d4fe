package io.github.starbook.output;

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

/** The search index files, the search page and the header search box, as built. */
class SearchDataTest {
  @TempDir Path tmp;

  private Path build(String name) {
    Path site = tmp.resolve(name);
    Run r = Run.build(tmp, Path.of("content").toAbsolutePath(), site);
    assertEquals(0, r.exit(), r.toString());
    return site;
  }

  @Test
  void theIndexHeadNamesItsFormatLanguageStemmerAndEveryShard() throws Exception {
    Path search = build("site").resolve(SearchData.DIR);
    String head = Files.readString(search.resolve("index.js"));
    assertTrue(
        head.startsWith(
            "/* starbook search index: generated, do not edit */\nself.STARBOOK_SEARCH ="
                + " {\"format\":1,\"language\":\"en\",\"stemmer\":\"english\",\"sections\":"
                + "[{\"key\":\"in30Seconds\",\"label\":\"In 30 seconds\"},"),
        head.substring(0, 300));
    assertTrue(head.contains(",\"docs\":" + RealGuide.questionCount() + ","), head);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"shards\":\\[([^\\]]*)\\]").matcher(head);
    assertTrue(m.find());
    List<String> files;
    try (Stream<Path> s = Files.list(search.resolve("t"))) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> listed =
        Stream.of(m.group(1).split(","))
            .map(k -> SearchIndex.fileOf(k.substring(1, k.length() - 1)))
            .sorted()
            .toList();
    assertTrue(
        listed.equals(files),
        "one file per shard the head lists, no other: " + listed.size() + " vs " + files.size());
    assertTrue(Files.readString(search.resolve("stemmer.js")).contains("self.StarbookStemmer"));
  }

  @Test
  void eachQuestionHasADocumentWithItsSectionTexts() throws Exception {
    Path docs = build("site").resolve(SearchData.DIR + "d");
    String js;
    try (Stream<Path> s = Files.list(docs)) {
      assertEquals(RealGuide.questionCount(), s.count());
    }
    js = io.github.starbook.testing.Trees.readAll(docs);
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
    assertTrue(
        Files.readString(docs.resolve("0.js"))
            .startsWith(
                "/* starbook search index: generated, do not edit */\nStarbookSearchFiles.doc(0,{"));
  }

  @Test
  void aWordAndItsStemPointAtTheQuestionsTheyAreIn() throws Exception {
    Path t = build("site").resolve(SearchData.DIR + "t");
    String mi = Files.readString(t.resolve(SearchIndex.fileOf("mi")));
    assertTrue(
        mi.startsWith(
            "/* starbook search index: generated, do not edit */\n"
                + "StarbookSearchFiles.shard(\"mi\",{\"t\":{"),
        mi.substring(0, 200));
    assertTrue(mi.contains("\"microservices\":["), "the word");
    assertTrue(mi.contains("\"microservic\":["), "its Snowball stem");
    // A typo in the first letters would look in another shard: the term is filed there too.
    String all = io.github.starbook.testing.Trees.readAll(t);
    assertTrue(all.contains("\"icroservices\":[\"microservices\"]"));
    assertTrue(all.contains("\"mcroservices\":[\"microservices\"]"));
  }

  @Test
  void shardFilesHaveSafeNamesOnEverySystem() {
    assertEquals("t-co.js", SearchIndex.fileOf("co"));
    assertEquals("t-con.js", SearchIndex.fileOf("con")); // CON.js would be a device on Windows
    assertEquals("x-00e9.js", SearchIndex.fileOf("é"));
    assertEquals("x-00fc0062.js", SearchIndex.fileOf("üb"));
  }

  @Test
  void theIndexIsByteIdenticalAcrossBuilds() throws Exception {
    assertEquals(
        io.github.starbook.testing.Trees.hash(build("a").resolve(SearchData.DIR)),
        io.github.starbook.testing.Trees.hash(build("b").resolve(SearchData.DIR)));
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
