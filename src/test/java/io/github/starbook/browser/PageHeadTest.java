package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of the real guide and of the basic fixture, as built (no browser needed): the
 * Content-Security-Policy meta comes right after the charset, the favicon is the theme's SVG under
 * the page's root, and nothing in the page needs what the policy forbids (inline scripts other than
 * JSON data blocks, inline handlers, style attributes or elements, javascript: URLs, a base
 * element). ContentSecurityPolicyBrowserTest shows the same in Chromium.
 */
class PageHeadTest {
  /** The policy of the built-in theme's base.peb. */
  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; font-src 'self';"
          + " connect-src 'self'; worker-src 'self'; media-src 'self' blob:; object-src 'none';"
          + " base-uri 'none';"
          + " form-action 'self'";

  @TempDir Path tmp;

  @Test
  void everyPageOfTheGuideHasThePolicyAndTheIconAndNothingThePolicyForbids() throws IOException {
    Path site = GuideSite.build(tmp);
    assertEveryPage(site);
  }

  @Test
  void everyPageOfTheBasicFixtureToo() throws IOException {
    Path site = tmp.resolve("site");
    Run r =
        Run.build(tmp, Path.of("src/test/resources/sites/basic/content").toAbsolutePath(), site);
    assertEquals(0, r.exit(), r.toString());
    assertEveryPage(site);
  }

  @Test
  void theIconIsASmallSquareSvg() throws IOException {
    String svg = Files.readString(Path.of("templates/assets/favicon.svg"));
    Document d = Jsoup.parse(svg, "", Parser.xmlParser());
    Element root = d.selectFirst("svg");
    assertEquals("http://www.w3.org/2000/svg", root.attr("xmlns"));
    assertEquals("0 0 32 32", root.attr("viewBox"));
    assertTrue(svg.length() < 1024, "a small file: " + svg.length() + " bytes");
    assertTrue(d.select("script, foreignObject, image, use").isEmpty(), "nothing active or linked");
  }

  static void assertEveryPage(Path site) throws IOException {
    assertTrue(Files.isRegularFile(site.resolve("assets/favicon.svg")), "the icon is published");
    List<Path> pages;
    try (Stream<Path> s = Files.walk(site)) {
      pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() > 5, "pages: " + pages);
    List<String> problems = new ArrayList<>();
    for (Path p : pages) {
      String name = site.relativize(p).toString();
      for (String problem : problems(Jsoup.parse(p.toFile(), "UTF-8"))) {
        problems.add(name + ": " + problem);
      }
    }
    assertEquals(List.of(), problems);
  }

  static List<String> problems(Document doc) {
    List<String> out = new ArrayList<>();
    Element head = doc.head();
    List<Element> csp = doc.select("meta[http-equiv=Content-Security-Policy]");
    if (csp.size() != 1
        || head.childrenSize() < 2
        || !head.child(0).hasAttr("charset")
        || head.child(1) != csp.get(0)) {
      out.add("the policy is not the one meta right after the charset");
    } else if (!POLICY.equals(csp.get(0).attr("content"))) {
      out.add("policy " + csp.get(0).attr("content"));
    }
    List<Element> icons = doc.select("link[rel~=(?i)icon]");
    String root = doc.selectFirst("html").attr("data-root");
    if (icons.size() != 1
        || !icons.get(0).attr("href").equals(root + "assets/favicon.svg")
        || !icons.get(0).attr("type").equals("image/svg+xml")) {
      out.add("icon links " + icons);
    }
    for (Element s : doc.select("script")) {
      if (!s.hasAttr("src") && !s.attr("type").equals("application/json")) {
        out.add("inline script " + s.outerHtml().lines().findFirst().orElse(""));
      }
    }
    if (!doc.select("style, base").isEmpty()) {
      out.add("style or base element");
    }
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(java.util.Locale.ROOT);
        if (key.equals("style") || key.startsWith("on")) {
          out.add(key + " attribute on <" + e.tagName() + ">");
        }
        if ((key.equals("href") || key.equals("src") || key.equals("action"))
            && a.getValue().trim().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:")) {
          out.add("javascript: URL on <" + e.tagName() + ">");
        }
      }
    }
    return out;
  }
}
