package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "basic" fixture site built end to end, asserted on the files and their parsed HTML. */
class FixtureSiteTest {
  static final Path CONTENT = Path.of("src/test/resources/sites/basic/content").toAbsolutePath();

  @TempDir static Path tmp;
  static Path site;
  static Run run;

  @BeforeAll
  static void build() {
    site = tmp.resolve("site");
    run = Run.build(tmp, CONTENT, site);
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  @Test
  void buildSucceedsAndPrintsOneSummaryLine() {
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().matches("built 17 pages in \\d+\\.\\d\\d s → site/\\n"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void writesEveryPrettyUrlAndSiteFile() {
    for (String p :
        List.of(
            "index.html",
            "strategy/index.html",
            "strategy/tech-debt/index.html",
            "strategy/roadmap/index.html",
            "people/index.html",
            "people/hard-feedback/index.html",
            "prepare/index.html",
            "tags/index.html",
            "tags/technical-debt/index.html",
            "all/index.html",
            "404.html",
            "sitemap.xml",
            "robots.txt",
            ".nojekyll",
            "assets/style.css",
            "assets/print.css",
            "assets/search-engine.js",
            "assets/search/index.js",
            "assets/search/stemmer.js",
            "assets/search/facets.js",
            "assets/search/d/0.js",
            "search/index.html")) {
      assertTrue(Files.isRegularFile(site.resolve(p)), p);
    }
    assertFalse(Files.exists(site.resolve("strategy/secret-plan")), "drafts are not built");
  }

  @Test
  void questionPageShowsMetadataSectionsAndNavigation() throws IOException {
    Document d = page("strategy/tech-debt/index.html");
    assertEquals("How do you balance technical debt and delivery?", d.selectFirst("h1").text());
    assertEquals("How do you balance technical debt and delivery? · Fixture Guide", d.title());
    assertEquals("Strategy", d.selectFirst(".badge-category").text());
    assertEquals("intermediate", d.selectFirst(".badge-intermediate").text());
    assertEquals(List.of("#technical-debt", "#delivery"), d.select(".tags a").eachText());
    assertEquals("../../tags/technical-debt/index.html", d.selectFirst(".tags a").attr("href"));
    assertEquals(
        "Keep a debt registry. Reserve capacity.",
        d.select(".key-points li").eachText().stream().reduce((a, b) -> a + " " + b).orElseThrow());
    assertEquals("How do you measure debt?", d.selectFirst(".follow-ups li").text());
    assertEquals("Saying \"we never take on debt\".", d.selectFirst(".pitfalls li").text());
    assertEquals("20%", d.selectFirst(".answer table td").text());
    assertEquals(
        List.of("../../strategy/roadmap/index.html", "../../people/hard-feedback/index.html"),
        d.select(".related a").eachAttr("href"));
    assertEquals(List.of("Home", "Strategy", "Question"), d.select(".breadcrumbs li").eachText());
    assertTrue(d.select(".pager .prev").isEmpty());
    assertEquals("../../strategy/roadmap/index.html", d.selectFirst(".pager .next").attr("href"));
    assertEquals(
        "https://github.com/example/fixture/edit/trunk/content/strategy/tech-debt.md",
        d.selectFirst(".edit a").attr("href"));
    assertEquals(
        "https://example.github.io/fixture/strategy/tech-debt/",
        d.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals(
        "https://example.github.io/fixture/strategy/tech-debt/",
        d.selectFirst("meta[property=og:url]").attr("content"));
  }

  @Test
  void markdownLinksToFilesBecomeRelativePageUrls() throws IOException {
    Document d = page("strategy/tech-debt/index.html");
    assertEquals(
        List.of(
            "../../strategy/roadmap/index.html#key-points",
            "../../people/hard-feedback/index.html#result"),
        d.select(".answer a").eachAttr("href"));
    assertEquals("prepare/index.html", page("index.html").selectFirst(".intro a").attr("href"));
  }

  @Test
  void starAnswerHasItsFourLabelledSectionsInOrder() throws IOException {
    Document d = page("people/hard-feedback/index.html");
    assertEquals(
        List.of("Situation", "Task", "Action", "Result"),
        d.select(".star .star-part h2").eachText());
    assertEquals(
        List.of("situation", "task", "action", "result"),
        d.select(".star .star-part h2").eachAttr("id"));
    assertEquals("Turnover dropped.", d.selectFirst(".star-result p").text());
    assertEquals("STAR answer", d.selectFirst(".badge-star").text());
  }

  @Test
  void listsLinkEveryQuestion() throws IOException {
    assertEquals(
        List.of(
            "How do you balance technical debt and delivery?",
            "How do you align the roadmap with business goals?"),
        page("strategy/index.html").select(".question-list > li > a").eachText());
    assertEquals(3, page("index.html").select(".question-list > li > a").size());
    assertEquals(
        List.of("../../strategy/tech-debt/index.html"),
        page("tags/technical-debt/index.html").select(".question-list > li > a").eachAttr("href"));
    Document all = page("all/index.html");
    assertEquals(3, all.select(".booklet-question").size());
    assertEquals(
        List.of(
            "../strategy/roadmap/index.html#key-points",
            "../people/hard-feedback/index.html#result"),
        all.select("#q-strategy-tech-debt .prose a").eachAttr("href"));
    assertEquals(
        "q-strategy-tech-debt-key-points", all.selectFirst("#q-strategy-tech-debt .prose h2").id());
  }

  @Test
  void notFoundPageUsesAbsolutePathsFromBaseUrl() throws IOException {
    Document d = page("404.html");
    assertEquals("/fixture/assets/style.css", d.selectFirst("link[rel=stylesheet]").attr("href"));
    assertEquals("/fixture/index.html", d.selectFirst(".brand").attr("href"));
  }

  @Test
  void sitemapAndRobotsUseTheBaseUrl() throws IOException {
    String sitemap = Files.readString(site.resolve("sitemap.xml"));
    assertTrue(
        sitemap.contains("<loc>https://example.github.io/fixture/strategy/tech-debt/</loc>"));
    assertFalse(sitemap.contains("secret-plan"));
    assertEquals(
        "User-agent: *\nAllow: /\nSitemap: https://example.github.io/fixture/sitemap.xml\n",
        Files.readString(site.resolve("robots.txt")));
  }

  @Test
  void everyInternalLinkPointsAtAFileOfTheSite() throws IOException {
    List<String> broken = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        if (f.getFileName().toString().equals("404.html")) {
          continue;
        }
        Document d = Jsoup.parse(f.toFile(), "UTF-8");
        for (Element e : d.select("a[href], link[href], script[src]")) {
          String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
          if (ref.startsWith("#") || ref.matches("^[a-z]+:.*")) {
            continue;
          }
          String path = URI.create(ref).getPath();
          Path target = f.getParent().resolve(path).normalize();
          if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            broken.add(site.relativize(f) + " → " + ref);
          }
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void draftsAndBaseUrlOverride(@TempDir Path other) throws IOException {
    Run r =
        Run.build(
            other,
            CONTENT,
            other.resolve("out"),
            "--drafts",
            "--base-url",
            "https://docs.example.org/guide/");
    assertEquals(0, r.exit(), r.toString());
    Document d =
        Jsoup.parse(other.resolve("out/strategy/secret-plan/index.html").toFile(), "UTF-8");
    assertEquals("draft", d.selectFirst(".badge-draft").text());
    assertEquals(
        "https://docs.example.org/guide/strategy/secret-plan/",
        d.selectFirst("link[rel=canonical]").attr("href"));
  }
}
