package io.github.starbook.study;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A question's rendered HTML, moved to another place: its relative links re-pointed from the
 * question's folder to the study page or to absolute URLs (for Anki), headings dropped or kept.
 */
final class AnswerHtml {
  private static final String HOST = "site.invalid";
  private static final Pattern BREAKS = Pattern.compile("[\\r\\n]+");
  private static final Pattern HEADING = Pattern.compile("h[1-6]");

  private AnswerHtml() {}

  /** Parses an HTML fragment into a body element, with output on one line and no reformatting. */
  static Element parse(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings().prettyPrint(false);
    return doc.body();
  }

  /**
   * The site path a relative link points to (e.g. {@code business/vendors/index.html#cost}),
   * resolved from the page folder {@code fromDir}; null for external, root-absolute and
   * unparseable links, which are left as they are.
   */
  static String sitePath(String href, String fromDir) {
    if (href == null || href.isEmpty() || href.startsWith("/")) {
      return null;
    }
    URI u;
    try {
      u = new URI(href);
    } catch (URISyntaxException e) {
      return null;
    }
    if (u.isAbsolute() || u.getRawAuthority() != null) {
      return null;
    }
    URI r = URI.create("http://" + HOST + "/" + fromDir).resolve(u);
    String path = r.getRawPath() == null ? "" : r.getRawPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    if (path.startsWith("..")) {
      return null;
    }
    if (path.isEmpty() || path.endsWith("/")) {
      path += "index.html";
    }
    return path + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery())
        + (r.getRawFragment() == null ? "" : "#" + r.getRawFragment());
  }

  /**
   * Re-points every relative {@code href} and {@code src} under {@code root}. {@code target} maps
   * a site path to the new URL, or to null when the link cannot work there: a link is then
   * replaced by its content, an image by its alt text.
   */
  static void relink(Element root, String fromDir, UnaryOperator<String> target) {
    for (Element a : root.select("a[href]")) {
      String p = sitePath(a.attr("href"), fromDir);
      if (p != null) {
        String t = target.apply(p);
        if (t == null) {
          a.unwrap();
        } else {
          a.attr("href", t);
        }
      }
    }
    for (Element img : root.select("img[src]")) {
      String p = sitePath(img.attr("src"), fromDir);
      if (p != null) {
        String t = target.apply(p);
        if (t == null) {
          img.replaceWith(new TextNode(img.attr("alt")));
        } else {
          img.attr("src", t);
        }
      }
    }
  }

  /** Removes a leading heading (the "Key points" title of a section). */
  static void dropLeadingHeading(Element root) {
    Element first = root.firstElementChild();
    if (first != null && HEADING.matcher(first.tagName()).matches()) {
      first.remove();
    }
  }

  /**
   * The element's inner HTML on one line with no tab: line breaks in {@code <pre>} become
   * {@code <br>}, other line breaks become spaces (HTML collapses them anyway), tabs become
   * {@code &#9;}.
   */
  static String oneLine(Element root) {
    for (Element pre : root.select("pre")) {
      List<TextNode> texts = new ArrayList<>();
      pre.traverse((node, depth) -> {
        if (node instanceof TextNode t) {
          texts.add(t);
        }
      });
      if (!texts.isEmpty()) {
        TextNode last = texts.get(texts.size() - 1);
        last.text(last.getWholeText().replaceFirst("\\r?\\n$", ""));
      }
      texts.forEach(AnswerHtml::breakLines);
    }
    return BREAKS.matcher(root.html()).replaceAll(" ").replace("\t", "&#9;").strip();
  }

  private static void breakLines(TextNode t) {
    String text = t.getWholeText().replace("\r\n", "\n").replace('\r', '\n');
    if (text.indexOf('\n') < 0) {
      return;
    }
    String[] lines = text.split("\n", -1);
    Node at = t;
    t.text(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      Element br = new Element("br");
      at.after(br);
      at = br;
      if (!lines[i].isEmpty()) {
        TextNode next = new TextNode(lines[i]);
        at.after(next);
        at = next;
      }
    }
  }
}
