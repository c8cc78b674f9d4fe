package io.github.starbook.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Renders the guide's own content with flexmark-java, a second and independent Markdown
 * implementation, and lists every file where it disagrees with ours beyond whitespace and the
 * attributes we add (heading ids, rel).
 */
class DifferentialTest {
  static final Path CONTENT = Path.of("content");

  @Test
  void flexmarkAndCommonmarkAgreeOnTheGuide() throws IOException {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            TaskListExtension.create(),
            AutolinkExtension.create()));
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    Parser parser = Parser.builder(options).build();
    HtmlRenderer flexmark = HtmlRenderer.builder(options).build();
    Markdown ours = new Markdown(false);

    List<Path> files;
    try (Stream<Path> s = Files.walk(CONTENT)) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    List<String> disagreements = new ArrayList<>();
    for (Path f : files) {
      String body = body(Files.readString(f, StandardCharsets.UTF_8));
      String a = shape(ours.toHtml(body));
      String b = shape(flexmark.render(parser.parse(body)));
      if (!a.equals(b)) {
        disagreements.add(f + "\n  commonmark: " + a + "\n  flexmark:   " + b);
      }
    }
    assertTrue(files.size() >= 50, "content files: " + files.size());
    assertEquals("", String.join("\n", disagreements));
  }

  /** The Markdown after the front matter. */
  static String body(String text) {
    int close = text.indexOf("\n---\n", 4);
    return close < 0 ? text : text.substring(close + 5);
  }

  /**
   * Attributes that differ only in presentation: ids and rel, ours' loading="lazy" on images, and
   * the readonly flag flexmark adds to task-list checkboxes (its task-list-item classes are dropped
   * below).
   */
  static final Set<String> IGNORED = Set.of("id", "rel", "readonly", "loading");

  /** Boolean attributes: flexmark writes disabled="disabled", commonmark disabled="". */
  static final Set<String> BOOLEAN = Set.of("disabled", "checked");

  /** The element tree with text, whitespace collapsed, presentational attributes dropped. */
  static String shape(String html) {
    StringBuilder sb = new StringBuilder();
    for (Node n : Jsoup.parseBodyFragment(html).body().childNodes()) {
      shape(n, sb);
    }
    return sb.toString().replaceAll("\\s+", " ").replace("> <", "><").strip();
  }

  private static void shape(Node n, StringBuilder sb) {
    if (n instanceof TextNode t) {
      sb.append(t.text());
    } else if (n instanceof Element e) {
      sb.append('<').append(e.tagName());
      e.attributes().asList().stream()
          .filter(a -> !IGNORED.contains(a.getKey()))
          .filter(a -> !(a.getKey().equals("class") && a.getValue().startsWith("task-list-item")))
          .sorted((x, y) -> x.getKey().compareTo(y.getKey()))
          .forEach(
              a ->
                  sb.append(' ')
                      .append(a.getKey())
                      .append("=\"")
                      .append(BOOLEAN.contains(a.getKey()) ? "" : a.getValue())
                      .append('"'));
      sb.append('>');
      for (Node c : e.childNodes()) {
        shape(c, sb);
      }
      sb.append("</").append(e.tagName()).append('>');
    }
  }
}
