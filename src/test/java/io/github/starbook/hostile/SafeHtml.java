package io.github.starbook.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Checks a built site for anything that could run script or leave the site. */
final class SafeHtml {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Set<String> URL_ATTRS =
      Set.of("href", "src", "action", "formaction", "poster", "data", "xlink:href", "background");
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

  private SafeHtml() {}

  /** Every HTML page: no foreign script, no event handler, no active element, no bad scheme. */
  static void checkSite(Path site) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(site)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String rel = site.relativize(f).toString();
      if (rel.endsWith(".html")) {
        checkPage(rel, Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8)));
      } else if (rel.replace('\\', '/').matches("study/cards/[0-9]+\\.js")) {
        checkCards(rel, Files.readString(f, StandardCharsets.UTF_8));
      } else if (rel.endsWith(".xml")) {
        Document x =
            Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8), "", Parser.xmlParser());
        for (Element e : x.getAllElements()) {
          assertTrue(
              Set.of("#root", "urlset", "url", "loc").contains(e.tagName()),
              rel + ": unexpected XML element <" + e.tagName() + ">");
        }
      }
    }
  }

  static void checkPage(String rel, Document doc) {
    for (Element e : doc.getAllElements()) {
      String tag = e.tagName();
      if (Set.of("iframe", "object", "embed", "frame", "frameset", "base", "applet")
          .contains(tag)) {
        fail(rel + ": active element <" + tag + "> in output: " + e.outerHtml());
      }
      if (tag.equals("script")) {
        String src = e.attr("src");
        // The theme's own scripts (relative, or from the base path on the 404 page), or data.
        boolean theme = src.matches("((\\.\\./)*|/([a-z0-9._-]+/)*)assets/[a-z0-9./-]+\\.js");
        boolean data = src.isEmpty() && e.attr("type").equals("application/json");
        // The study page's first chunk of card texts (checked by checkCards).
        boolean cards = rel.equals("study/index.html") && src.matches("cards/[0-9]+\\.js");
        assertTrue(
            theme || data || cards,
            rel + ": script that is not one of the theme's: " + e.outerHtml());
      }
      if (tag.equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
        fail(rel + ": meta refresh in output: " + e.outerHtml());
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on")) {
          fail(rel + ": event handler attribute in output: " + e.outerHtml());
        }
        if (URL_ATTRS.contains(name)) {
          String compact = a.getValue().replaceAll("[\\x00-\\x20\\x7f]", "");
          Matcher m = SCHEME.matcher(compact);
          if (m.find()) {
            assertTrue(
                SAFE_SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT)),
                rel + ": unsafe URL scheme in output: " + e.outerHtml());
          }
        }
      }
    }
  }

  /**
   * A chunk of study cards is a comment, then one push of one JSON value (no raw {@code <}, since
   * the build escapes it): nothing in a card's text can end the JSON and run as script.
   */
  static void checkCards(String rel, String js) {
    Matcher m =
        Pattern.compile(
                "/\\* starbook study cards [0-9]+: generated, do not edit \\*/\n"
                    + "\\(self\\.STARBOOK_CARDS = self\\.STARBOOK_CARDS \\|\\| \\[\\]\\)\\.push\\("
                    + "(\\{\"chunk\":[0-9]+,.*\\})\\);\n",
                Pattern.DOTALL)
            .matcher(js);
    assertTrue(m.matches(), rel + ": not a chunk of study cards: " + js);
    assertFalse(m.group(1).contains("<"), rel + ": raw '<' in the card data");
    assertJsonValue(rel, m.group(1));
  }

  /** One JSON value and nothing else: outside strings only punctuation, numbers and literals. */
  private static void assertJsonValue(String rel, String json) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        } else {
          assertTrue(c >= 0x20 && c != '\u2028' && c != '\u2029', rel + ": raw control character");
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        assertTrue(depth > 0 || i == json.length() - 1, rel + ": text after the JSON value");
      } else {
        assertTrue(",:0123456789-+.eEtruefalsn".indexOf(c) >= 0, rel + ": '" + c + "' in JSON");
      }
    }
    assertEquals(0, depth, rel + ": unbalanced JSON");
    assertFalse(inString, rel + ": unterminated string");
  }

  /**
   * Runs one '@' line of a case's expected.txt against the built site: {@code @text PAGE LITERAL}
   * (the page's text contains it), {@code @attr PAGE SELECTOR ATTR LITERAL}, {@code @count PAGE N
   * SELECTOR}, {@code @contains FILE LITERAL} (raw bytes), {@code @absent FILE}, {@code @nowhere
   * LITERAL} (in no output file).
   */
  static void check(Path site, String directive) throws IOException {
    String[] w = directive.split(" ", 2);
    String[] a;
    switch (w[0]) {
      case "@text" -> {
        a = w[1].split(" ", 2);
        String text = page(site, a[0]).text();
        assertTrue(text.contains(a[1]), a[0] + ": text does not contain '" + a[1] + "': " + text);
      }
      case "@attr" -> {
        a = w[1].split(" ", 4);
        List<String> values = page(site, a[0]).select(a[1]).eachAttr(a[2]);
        assertTrue(
            values.contains(a[3]),
            a[0] + ": no " + a[1] + " with " + a[2] + "='" + a[3] + "', found " + values);
      }
      case "@count" -> {
        a = w[1].split(" ", 3);
        assertEquals(
            Integer.parseInt(a[1]),
            page(site, a[0]).select(a[2]).size(),
            a[0] + ": count of " + a[2]);
      }
      case "@contains" -> {
        a = w[1].split(" ", 2);
        String raw = Files.readString(site.resolve(a[0]), StandardCharsets.UTF_8);
        assertTrue(raw.contains(a[1]), a[0] + " does not contain '" + a[1] + "'");
      }
      case "@absent" -> assertTrue(!Files.exists(site.resolve(w[1])), w[1] + " was written");
      case "@nowhere" -> {
        try (Stream<Path> s = Files.walk(site)) {
          for (Path f : s.filter(Files::isRegularFile).toList()) {
            String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertTrue(!raw.contains(w[1]), site.relativize(f) + " contains '" + w[1] + "'");
          }
        }
      }
      default -> fail("unknown directive " + directive);
    }
  }

  private static Document page(Path site, String rel) throws IOException {
    return Jsoup.parse(Files.readString(site.resolve(rel), StandardCharsets.UTF_8));
  }
}
