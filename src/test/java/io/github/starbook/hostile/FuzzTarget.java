package io.github.starbook.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.compile.Links;
import io.github.starbook.compile.Markdown;
import io.github.starbook.compile.Marks;
import io.github.starbook.compile.Placement;
import io.github.starbook.compile.SectionSplitter;
import io.github.starbook.content.Fields;
import io.github.starbook.content.FrontMatter;
import io.github.starbook.content.SourceFile;
import io.github.starbook.content.TextReader;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Attachment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;

/**
 * The fuzz target: bytes → strict UTF-8 → front-matter splitter and YAML loader → typed field reads
 * → Markdown parse, link resolution, STAR sections, render, and the booklet, flashcard and Anki
 * copies. Bad input may only produce diagnostics (or {@link TextReader.BadText}, our diagnostic
 * type for undecodable bytes); any other throwable is a finding. The rendered HTML must also pass
 * {@link SafeHtml#checkPage}.
 */
final class FuzzTarget {
  static final String DISPLAY = "content/strategy/fuzz.md";
  private static final Markdown MARKDOWN = new Markdown(false);
  private static final Map<String, Links.Target> TARGETS =
      Map.of(
          "strategy/good.md", new Links.Target("strategy/good/", Set.of("key-points"), false),
          "strategy/draft.md", new Links.Target("strategy/draft/", Set.of(), true));

  /** One image beside the content, so fuzzed image links can find a file too. */
  private static final Map<String, Attachment> FILES =
      Map.of(
          "strategy/img/chart.png",
          new Attachment(
              "strategy/img/chart.png",
              "content/strategy/img/chart.png",
              java.nio.file.Path.of("chart.png"),
              100,
              40,
              30));

  private FuzzTarget() {}

  static void run(byte[] data) {
    String text;
    try {
      text = TextReader.decode(data, DISPLAY);
    } catch (TextReader.BadText e) {
      check(List.of(e.diagnostic()), data.length + 1);
      return;
    }
    int lastLine = (int) text.chars().filter(c -> c == '\n').count() + 1;
    List<Diagnostic> problems = new ArrayList<>();
    SourceFile file = new SourceFile("strategy/fuzz.md", DISPLAY, text);
    FrontMatter fm = FrontMatter.parse(file, problems);
    String body = fm == null ? text : fm.body();
    int bodyLine = fm == null ? 1 : fm.bodyLine();
    boolean star = false;
    if (fm != null) {
      fm.checkKeys(
          Set.of("title", "format", "tags", "order", "draft", "related"), DISPLAY, problems);
      Fields f = new Fields(fm.fields(), DISPLAY, problems);
      f.string("title", true, "\"...\"");
      star = "star".equals(f.oneOf("format", List.of("answer", "star"), "answer"));
      f.stringList("tags");
      f.stringList("related");
      f.integer("order");
      f.bool("draft");
    }
    Document doc = MARKDOWN.parse(body, DISPLAY, bodyLine, problems);
    if (doc != null) {
      Marks ids = Marks.of(doc);
      Links.Found found =
          Links.resolve(
              doc,
              new Links.From(
                  "strategy/fuzz.md",
                  "strategy/fuzz/",
                  new LinkedHashSet<>(ids.headingIds().values()),
                  DISPLAY,
                  bodyLine,
                  FILES),
              problems);
      ids.images().putAll(found.images());
      for (Links.Ref ref : found.refs()) {
        Links.check(ref, TARGETS, false, DISPLAY, problems);
      }
      Map<String, List<Node>> parts =
          SectionSplitter.split(doc, star, DISPLAY, bodyLine, lastLine, problems);
      List<Node> all = new ArrayList<>();
      for (List<Node> nodes : parts.values()) {
        String html = MARKDOWN.render(nodes, ids).html();
        SafeHtml.checkPage("(fuzz)", Jsoup.parseBodyFragment(html));
        all.addAll(nodes);
      }
      // The copies for the booklet, a flashcard and an Anki note (which may unlink: last).
      for (Placement place :
          List.of(
              Placement.booklet("strategy/fuzz/", "q-strategy-fuzz"),
              Placement.moved("strategy/fuzz/", "study/"),
              Placement.away("strategy/fuzz/", p -> "https://example.org/" + p),
              Placement.away("strategy/fuzz/", p -> null))) {
        String html = MARKDOWN.render(all, ids, place);
        SafeHtml.checkPage("(fuzz copy)", Jsoup.parseBodyFragment(html));
      }
    }
    check(problems, lastLine);
  }

  /** Every diagnostic points into the file and says something. */
  private static void check(List<Diagnostic> problems, int lastLine) {
    for (Diagnostic d : problems) {
      assertTrue(
          d.line() >= 1 && d.line() <= lastLine + 1 && d.column() >= 1,
          "diagnostic outside the file: " + d.format());
      assertTrue(!d.message().isBlank(), "empty diagnostic: " + d.format());
    }
  }
}
