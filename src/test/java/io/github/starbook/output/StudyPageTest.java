package io.github.starbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study page and the question pages' review box, built from the "study" fixture site. */
class StudyPageTest {
  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void build() {
    site = tmp.resolve("site");
    Run r = Run.build(tmp, AnkiDeckTest.CONTENT, site);
    assertEquals(0, r.exit(), r.toString());
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  static String cards() throws IOException {
    Element script = page("study/index.html").selectFirst("script#study-cards");
    assertNotNull(script);
    assertEquals("application/json", script.attr("type"));
    return script.data();
  }

  @Test
  void shipsEveryQuestionWithItsStableIdAndTheHashItsPageShows() throws IOException {
    String json = cards();
    for (String id : List.of("strategy/say-no", "strategy/roadmap", "people/hiring")) {
      Element review = page(id + "/index.html").selectFirst("aside#review");
      assertNotNull(review, id);
      assertEquals(id, review.attr("data-id"));
      String hash = review.attr("data-hash");
      assertTrue(hash.matches("[0-9a-f]{12}"), hash);
      assertTrue(
          json.contains("{\"id\":\"" + id + "\",\"hash\":\"" + hash + "\""), id + " in " + json);
      assertTrue(json.contains("\"href\":\"../" + id + "/index.html\""), id);
    }
  }

  @Test
  void titleWithClosingScriptTagCannotEndTheDataEarly() throws IOException {
    String json = cards();
    assertTrue(json.contains("Why say \\\"no\\\" to the CEO \\u003c/script\\u003e at all?"), json);
    assertTrue(json.endsWith("]}"), json);
  }

  @Test
  void keyPointsLinksArePointedFromTheStudyPage() throws IOException {
    String json = cards();
    assertTrue(json.contains("href=\\\"../strategy/roadmap/index.html\\\""), json);
    assertFalse(json.contains("Key points"), "the section heading is dropped");
    // No key points: the answer's first paragraph stands in.
    assertTrue(
        json.contains("\"points\":\"\\u003cp\\u003eStart from the north-star metric."), json);
  }

  @Test
  void studyPageOffersDeckFiltersAndTheAnkiDeck() throws IOException {
    Document d = page("study/index.html");
    assertEquals("starbook:/guide/", d.selectFirst("#study").attr("data-store"));
    assertEquals(
        List.of("", "strategy", "people"),
        d.select("select[name=category] option").eachAttr("value"));
    assertEquals(
        List.of("", "hiring", "saying-no", "stakeholders", "strategy"),
        d.select("select[name=tag] option").eachAttr("value"));
    assertEquals(
        List.of("", "foundational", "intermediate", "advanced"),
        d.select("select[name=difficulty] option").eachAttr("value"));
    assertEquals("../starbook-anki.txt", d.selectFirst(".anki a").attr("href"));
    // The theme's own scripts (theme, search) come first, from base.peb.
    assertEquals(
        List.of(
            "../assets/theme.js",
            "../assets/site.js",
            "../assets/study-core.js",
            "../assets/study-answers.js",
            "../assets/study-voice.js",
            "../assets/study.js"),
        d.select("script[src]").eachAttr("src"));
    assertNotNull(d.selectFirst("link[href=../assets/study.css]"));
  }

  @Test
  void everyPageLinksToStudyMode() throws IOException {
    assertNotNull(page("index.html").selectFirst(".site-nav a[href=study/index.html]"));
    Document q = page("people/hiring/index.html");
    assertNotNull(q.selectFirst(".site-nav a[href=../../study/index.html]"));
    assertEquals("starbook:/guide/", q.selectFirst("#review").attr("data-store"));
    assertTrue(q.selectFirst("#review").hasAttr("hidden"), "shown by its script only");
  }
}
