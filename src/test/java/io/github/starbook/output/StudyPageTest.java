package io.github.starbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

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

  /** The cards' index, JSON inside the study page. */
  static String cards() throws IOException {
    Element script = page("study/index.html").selectFirst("script#study-cards");
    assertNotNull(script);
    assertEquals("application/json", script.attr("type"));
    return script.data();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> index() throws IOException {
    return (Map<String, Object>) new Yaml().load(cards()); // JSON is YAML
  }

  @SuppressWarnings("unchecked")
  static List<Object> column(String name) throws IOException {
    return (List<Object>) ((Map<String, Object>) index().get("cards")).get(name);
  }

  /** A chunk of the cards' texts, study/cards/N.js. */
  static String chunk(int n) throws IOException {
    return Files.readString(site.resolve("study/cards/" + n + ".js"));
  }

  @Test
  void shipsEveryQuestionWithItsStableIdAndTheHashItsPageShows() throws IOException {
    List<Object> ids = column("id");
    List<Object> hashes = column("hash");
    assertEquals(List.of("strategy/say-no", "strategy/roadmap", "people/hiring"), ids);
    for (String id : List.of("strategy/say-no", "strategy/roadmap", "people/hiring")) {
      Element review = page(id + "/index.html").selectFirst("aside#review");
      assertNotNull(review, id);
      assertEquals(id, review.attr("data-id"));
      String hash = review.attr("data-hash");
      assertTrue(hash.matches("[0-9a-f]{12}"), hash);
      assertEquals(hash, hashes.get(ids.indexOf(id)), id);
      // study.js links each card to pages + id + "/index.html"
      String href = index().get("pages") + id + "/index.html";
      assertTrue(Files.isRegularFile(site.resolve("study").resolve(href).normalize()), href);
    }
  }

  @Test
  void indexHasTheDeckFieldsAsNumbersAndTheChunkLayout() throws IOException {
    Map<String, Object> index = index();
    assertEquals(2, index.get("version"));
    assertEquals("../", index.get("pages"));
    assertEquals("cards/", index.get("chunkDir"));
    assertEquals(1, index.get("chunks"), "a small guide has one chunk");
    assertEquals(Cards.CHUNK, index.get("chunkSize"));
    assertEquals(List.of(0, 0, 1), column("category"));
    assertEquals(List.of("hiring", "saying-no", "stakeholders", "strategy"), index.get("tagNames"));
    assertEquals(3, column("tags").size());
    assertEquals(3, column("difficulty").size());
    String stamp = (String) index.get("stamp");
    assertTrue(stamp.matches("[0-9a-f]{12}"), stamp);
    assertTrue(chunk(0).contains("\"chunk\":0,\"stamp\":\"" + stamp + "\""), chunk(0));
    assertFalse(Files.exists(site.resolve("study/cards/1.js")));
  }

  @Test
  void titleWithClosingScriptTagCannotEndTheDataEarly() throws IOException {
    assertTrue(cards().endsWith("]}}"), cards());
    assertFalse(cards().contains("Why say"), "titles are in the chunks, not the page");
    String chunk = chunk(0);
    assertTrue(
        chunk.startsWith(
            "/* starbook study cards 0: generated, do not edit */\n"
                + "(self.STARBOOK_CARDS = self.STARBOOK_CARDS || []).push({"),
        chunk);
    assertTrue(
        chunk.contains("[\"Why say \\\"no\\\" to the CEO \\u003c/script\\u003e at all?\",0,"),
        chunk);
    assertTrue(chunk.endsWith("]]});\n"), chunk);
  }

  @Test
  void keyPointsLinksArePointedFromTheStudyPage() throws IOException {
    String json = chunk(0);
    assertTrue(json.contains("href=\\\"../strategy/roadmap/index.html\\\""), json);
    assertFalse(json.contains("Key points"), "the section heading is dropped");
    // No key points: the answer's first paragraph stands in.
    assertTrue(json.contains(",\"\\u003cp\\u003eStart from the north-star metric."), json);
  }

  @Test
  void theWorkerSavesTheChunks() throws IOException {
    String sw = Files.readString(site.resolve("sw.js"));
    assertTrue(sw.contains("\"study/cards/0.js\""), sw);
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
            "cards/0.js",
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
