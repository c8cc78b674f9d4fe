package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images and downloads beside the content: published at the same place, and shown correctly on the
 * page, in the booklet, on the flashcard, in the Anki note and in search; a favicon and a custom
 * domain; and the mistakes an author makes with them, at their file:line:col.
 */
class FilesBesideContentTest {
  @TempDir static Path tmp;
  static Path content;
  static Path site;
  static Run run;

  @BeforeAll
  static void build() throws IOException {
    content = tmp.resolve("content");
    write(
        "site.yaml", "title: T\ndescription: D\nbaseUrl: https://x.test/g/\ncname: guide.x.test\n");
    write("strategy/_index.md", "---\ntitle: Strategy\n---\nIntro.\n");
    write(
        "strategy/costs.md",
        """
        ---
        title: "How do you show costs?"
        tags: [costs, charts]
        ---
        The chart:

        ![A bar chart of costs](img/chart.png)

        ![A diagram of the flow](img/flow.svg) and [the notes (PDF)](files/notes.pdf).

        ## Key points
        - See ![the chart](img/chart.png) again.
        """);
    png(content.resolve("strategy/img/chart.png"), 40, 30);
    write(
        "strategy/img/flow.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\"><rect/></svg>\n");
    write("strategy/files/notes.pdf", "%PDF-1.4 not really\n");
    write(
        "favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\"/>\n");
    site = tmp.resolve("site");
    run = Run.build(tmp, content, site);
  }

  static void write(String path, String text) throws IOException {
    Path p = content.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  static void png(Path p, int w, int h) throws IOException {
    Files.createDirectories(p.getParent());
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  @Test
  void filesArePublishedWhereTheyAre() throws IOException {
    assertEquals(0, run.exit(), run.toString());
    assertEquals("", run.err());
    for (String f :
        List.of("strategy/img/chart.png", "strategy/img/flow.svg", "strategy/files/notes.pdf")) {
      assertArrayEquals(
          Files.readAllBytes(content.resolve(f)), Files.readAllBytes(site.resolve(f)), f);
    }
    assertEquals("guide.x.test\n", Files.readString(site.resolve("CNAME")));
  }

  @Test
  void theQuestionPageShowsImagesWithTheirSizeLazily() throws IOException {
    Document d = page("strategy/costs/index.html");
    Element chart = d.selectFirst(".answer img[alt=A bar chart of costs]");
    assertEquals("../../strategy/img/chart.png", chart.attr("src"));
    assertEquals("40", chart.attr("width"));
    assertEquals("30", chart.attr("height"));
    assertEquals("lazy", chart.attr("loading"));
    Element flow = d.selectFirst("img[alt=A diagram of the flow]");
    assertEquals("../../strategy/img/flow.svg", flow.attr("src"));
    assertEquals(List.of("200", "100"), List.of(flow.attr("width"), flow.attr("height")));
    assertEquals(
        "../../strategy/files/notes.pdf", d.selectFirst("a:contains(the notes)").attr("href"));
    assertTrue(d.select("svg").isEmpty(), "an SVG is never inlined");
  }

  @Test
  void theBookletAndTheFlashcardPointAtTheSameFiles() throws IOException {
    Document booklet = page("all/index.html");
    assertEquals(
        "../strategy/img/chart.png",
        booklet.selectFirst("img[alt=A bar chart of costs]").attr("src"));
    assertEquals(
        "../strategy/files/notes.pdf", booklet.selectFirst("a:contains(the notes)").attr("href"));
    String cards =
        Files.readString(site.resolve("study/cards/0.js"))
            .replace("\\u003c", "<")
            .replace("\\u003e", ">");
    assertTrue(cards.contains("src=\\\"../strategy/img/chart.png\\\""), cards);
    for (String p : List.of("all/index.html", "study/index.html")) {
      for (Element img : page(p).select("img")) {
        Path target = site.resolve(p).getParent().resolve(img.attr("src")).normalize();
        assertTrue(Files.isRegularFile(target), p + ": " + img.attr("src"));
      }
    }
  }

  @Test
  void theAnkiNoteUsesAbsoluteUrlsAndSearchKeepsTheAltText() throws IOException {
    String anki = Files.readString(site.resolve("starbook-anki.txt"));
    assertTrue(anki.contains("src=\"\"https://x.test/g/strategy/img/chart.png\"\""), anki);
    String search = io.github.starbook.testing.Trees.readAll(site.resolve("assets/search/d"));
    assertTrue(search.contains("A bar chart of costs"), "alt text is searchable");
  }

  @Test
  void withoutABaseUrlTheAnkiNoteKeepsTheAltTextInsteadOfTheImage() throws IOException {
    Path copy = tmp.resolve("copy");
    io.github.starbook.testing.Trees.copy(content, copy);
    Files.writeString(copy.resolve("site.yaml"), "title: T\ndescription: D\n");
    Path out = tmp.resolve("no-base-site");
    Run noBase = Run.build(tmp, copy, out);
    assertEquals(0, noBase.exit(), noBase.toString());
    String anki = Files.readString(out.resolve("starbook-anki.txt"));
    assertFalse(anki.contains("<img"), anki);
    assertTrue(anki.contains("A bar chart of costs"), anki);
  }

  @Test
  void everyPageDeclaresTheGuidesOwnIcon() throws IOException {
    assertEquals(
        "../../favicon.svg",
        page("strategy/costs/index.html").selectFirst("link[rel=icon]").attr("href"));
    assertEquals("favicon.svg", page("index.html").selectFirst("link[rel=icon]").attr("href"));
  }

  @Test
  void mistakesAreReportedAtTheirPlace() throws IOException {
    Path bad = tmp.resolve("bad");
    io.github.starbook.testing.Trees.copy(content, bad);
    Files.writeString(
        bad.resolve("strategy/oops.md"),
        """
        ---
        title: "Oops?"
        tags: [a, b]
        ---
        ![A missing chart](img/nope.png) and ![](img/chart.png)

        [root](/strategy/costs/) and [folder](../strategy/)
        """);
    Files.writeString(bad.resolve("strategy/img/unused.svg"), "<svg width=\"1\" height=\"1\"/>");
    Run lax = Run.main(tmp, "check", "--content", bad.toString());
    assertEquals(1, lax.exit());
    String d = "bad/strategy/";
    assertEquals(
        String.join(
            "\n",
            d
                + "img/unused.svg:1:1: warning: file is not used by any page (link it from a page"
                + " (e.g. ![What it shows](img/file.svg)) or remove it)",
            d
                + "oops.md:5:1: error: no file at bad/strategy/img/nope.png (images and"
                + " downloads go beside the Markdown inside content/, linked by a path relative to"
                + " this file, e.g. img/diagram.svg)",
            d
                + "oops.md:5:38: warning: image has no alt text (say what it shows, for readers"
                + " who cannot see it: ![A diagram of …](img/chart.png))",
            d
                + "oops.md:7:1: warning: link '/strategy/costs/' starts at the domain root, so it"
                + " breaks under a sub-path (link the .md file by a relative path, e.g."
                + " ../strategy/build-vs-buy.md)",
            d
                + "oops.md:7:30: warning: link '../strategy/' points at a folder (link the .md file"
                + " by a relative path, e.g. ../strategy/build-vs-buy.md)",
            "check failed: 1 error(s)"),
        lax.err().strip());
  }
}
