package io.github.starbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional section {@code ## In 30 seconds}, added as one line of {@link SectionKind}: its own
 * box at the top of the question page, first on the flashcard back and in the Anki note, first in
 * the booklet, and searchable under its label.
 */
class InThirtySecondsTest {
  static final String SHORT = "Pay debt down where it slows the roadmap, in small slices.";

  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void build() throws IOException {
    Path content = tmp.resolve("content");
    write(content.resolve("site.yaml"), "title: T\ndescription: D\nbaseUrl: https://x.test/g/\n");
    write(content.resolve("strategy/_index.md"), "---\ntitle: Strategy\n---\nIntro.\n");
    write(
        content.resolve("strategy/debt.md"),
        """
        ---
        title: "How do you handle debt?"
        tags: [debt, roadmap]
        ---
        ## In 30 seconds
        %s

        ## How I decide
        The long answer.

        ## Key points
        - Small slices.
        """
            .formatted(SHORT));
    write(
        content.resolve("strategy/story.md"),
        """
        ---
        title: "Tell me about a rewrite."
        format: star
        tags: [rewrite, debt]
        ---
        ## In 30 seconds
        We rewrote one service at a time.

        ## Situation
        Old code.

        ## Task
        Replace it.

        ## Action
        One service at a time.

        ## Result
        Done in a year.
        """);
    site = tmp.resolve("site");
    Run r = Run.build(tmp, content, site);
    assertEquals(0, r.exit(), r.toString());
  }

  static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  @Test
  void isItsOwnBoxAboveTheAnswer() throws IOException {
    Element article = page("strategy/debt/index.html").selectFirst("article.question");
    Element box = article.selectFirst("section.box.in-30-seconds");
    assertEquals("In 30 seconds", box.selectFirst("h2").text());
    assertEquals(SHORT, box.selectFirst("p").text());
    List<String> order =
        article.select("section.in-30-seconds, div.answer, section.key-points").eachAttr("class");
    assertEquals(List.of("box in-30-seconds prose", "prose answer", "box key-points prose"), order);
    assertTrue(
        !article.selectFirst("div.answer").text().contains(SHORT), "not repeated in the body");
  }

  @Test
  void comesBeforeTheStarParts() throws IOException {
    Element article = page("strategy/story/index.html").selectFirst("article.question");
    assertEquals(
        List.of("box in-30-seconds prose", "star"),
        article.select("section.in-30-seconds, div.star").eachAttr("class"));
    assertEquals(4, article.select(".star-part").size(), "STAR structure still valid");
  }

  @Test
  void isFirstOnTheFlashcardBack() throws IOException {
    String json =
        Files.readString(site.resolve("study/cards/0.js"))
            .replace("\\u003c", "<")
            .replace("\\u003e", ">");
    String card = json.substring(json.indexOf("[\"How do you handle debt?\""));
    String points = card.substring(card.indexOf(",\"") + 2);
    assertTrue(points.startsWith("<p>" + SHORT + "</p>"), points);
    assertTrue(points.indexOf("Small slices.") > 0, "key points follow: " + points);
  }

  @Test
  void isFirstInTheAnkiNoteAndTheBooklet() throws IOException {
    String anki = Files.readString(site.resolve("starbook-anki.txt"), StandardCharsets.UTF_8);
    String note =
        anki.lines().filter(l -> l.contains("How do you handle debt?")).findFirst().orElseThrow();
    int shortAt = note.indexOf(SHORT);
    assertTrue(shortAt > 0 && shortAt < note.indexOf("The long answer."), note);
    String booklet = page("all/index.html").text();
    assertTrue(booklet.indexOf(SHORT) < booklet.indexOf("The long answer."), "booklet order");
  }

  @Test
  void isSearchableUnderItsLabel() throws IOException {
    String js = Files.readString(site.resolve("assets/search/index.js"), StandardCharsets.UTF_8);
    assertTrue(js.contains("{\"key\":\"in30Seconds\",\"label\":\"In 30 seconds\"}"), js);
    String docs = io.github.starbook.testing.Trees.readAll(site.resolve("assets/search/d"));
    assertTrue(docs.contains("\"in30Seconds\":\"" + SHORT + "\""), docs);
  }
}
