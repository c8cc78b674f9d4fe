package io.github.starbook.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Anki export of the "study" fixture site, read the way Anki's importer reads it: header lines,
 * then tab-separated, double-quoted fields; the answer HTML parsed with jsoup.
 */
class AnkiDeckTest {
  static final Path CONTENT = Path.of("src/test/resources/sites/study/content").toAbsolutePath();

  @TempDir static Path tmp;
  static List<String> lines;
  static List<List<String>> notes = new ArrayList<>();

  @BeforeAll
  static void build() throws IOException {
    Run r = Run.build(tmp, CONTENT, tmp.resolve("site"));
    assertEquals(0, r.exit(), r.toString());
    String text = Files.readString(tmp.resolve("site/starbook-anki.txt"), StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n"), "file ends with a line break");
    assertFalse(text.contains("\r"), "no carriage returns");
    lines = List.of(text.split("\n"));
    for (String line : lines) {
      if (!line.startsWith("#")) {
        notes.add(fields(line));
      }
    }
  }

  /** Splits one record the RFC 4180 way with a tab separator; every field must be quoted. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (true) {
      assertEquals('"', line.charAt(i), "field starts with a quote at " + i + ": " + line);
      StringBuilder f = new StringBuilder();
      i++;
      while (true) {
        char c = line.charAt(i);
        assertFalse(c == '\t' || c == '\n', "raw tab or line break inside a field: " + line);
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i += 2;
            continue;
          }
          i++;
          break;
        }
        f.append(c);
        i++;
      }
      out.add(f.toString());
      if (i == line.length()) {
        return out;
      }
      assertEquals('\t', line.charAt(i), "fields are separated by one tab: " + line);
      i++;
    }
  }

  static List<String> note(String guid) {
    return notes.stream().filter(n -> n.get(0).equals(guid)).findFirst().orElseThrow();
  }

  @Test
  void startsWithAnkisHeadersAndHasOneNoteOfFourFieldsPerQuestion() {
    assertEquals(
        List.of(
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:Study Fixture",
            "#guid column:1",
            "#tags column:4"),
        lines.subList(0, 6));
    assertEquals(3, notes.size());
    for (List<String> n : notes) {
      assertEquals(4, n.size(), n.toString());
    }
    assertEquals(
        List.of("starbook:strategy/say-no", "starbook:strategy/roadmap", "starbook:people/hiring"),
        notes.stream().map(n -> n.get(0)).toList());
  }

  @Test
  void frontIsTheEscapedQuestionTitle() {
    String front = note("starbook:strategy/say-no").get(1);
    assertEquals(
        "Why say \"no\" to the CEO </script> at all?", Jsoup.parseBodyFragment(front).text());
    assertFalse(front.contains("<"), "title markup is escaped: " + front);
  }

  @Test
  void backIsTheAnswerHtmlWithAbsoluteLinksAndKeyPoints() {
    Document back = Jsoup.parseBodyFragment(note("starbook:strategy/say-no").get(2));
    List<String> hrefs = back.select("a").eachAttr("href");
    assertEquals(
        List.of(
            "https://example.org/guide/people/hiring/index.html#result",
            "https://example.org/guide/strategy/roadmap/index.html",
            "https://example.org/guide/strategy/roadmap/index.html",
            "https://example.org/guide/strategy/say-no/"),
        hrefs);
    assertEquals(
        List.of(
            "Bring data, not opinions",
            "Offer an alternative: roadmap",
            "Say \"not now\" rather than \"never\""),
        back.select("ul > li").eachText());
    assertEquals("data", back.selectFirst("li strong").text());
    assertTrue(back.select("[id]").isEmpty(), "heading ids are dropped");
  }

  @Test
  void codeKeepsItsLineBreaksAndTabsWithoutRawOnes() {
    Element pre =
        Jsoup.parseBodyFragment(note("starbook:strategy/say-no").get(2)).selectFirst("pre");
    assertNotNull(pre);
    assertEquals(1, pre.select("br").size(), pre.outerHtml());
    // jsoup reads <br> as a line break: the code reads exactly as written.
    assertEquals("line one\n\tindented with a tab", pre.wholeText());
  }

  @Test
  void starAnswerCarriesAllFourParts() {
    Document back = Jsoup.parseBodyFragment(note("starbook:people/hiring").get(2));
    assertEquals(
        List.of("Situation", "Task", "Action", "Result", "Key points"),
        back.select("h2").eachText());
    assertEquals(
        "We parted ways kindly; our loop now has a work sample.",
        back.select("h2:contains(Result) + p").text());
  }

  @Test
  void tagsColumnHasCategoryDifficultyAndQuestionTags() {
    assertEquals(
        "category::strategy difficulty::advanced saying-no stakeholders",
        note("starbook:strategy/say-no").get(3));
    assertEquals(
        "category::people difficulty::intermediate hiring", note("starbook:people/hiring").get(3));
  }

  @Test
  void sameContentGivesTheSameBytes() throws IOException {
    Run again = Run.build(tmp, CONTENT, tmp.resolve("again"));
    assertEquals(0, again.exit(), again.toString());
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("site/starbook-anki.txt")),
        Files.readAllBytes(tmp.resolve("again/starbook-anki.txt")));
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("site/study/index.html")),
        Files.readAllBytes(tmp.resolve("again/study/index.html")));
  }
}
