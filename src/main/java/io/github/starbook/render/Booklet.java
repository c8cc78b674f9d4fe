package io.github.starbook.render;

import io.github.starbook.markdown.Urls;
import io.github.starbook.model.Question;
import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A question's answer as it appears in the print booklet ({@code all/index.html}): heading ids are
 * prefixed so they stay unique on the one page, and relative links are re-pointed from the
 * question's folder to the booklet's.
 */
public record Booklet(Question question, String href, String categoryTitle, String anchor) {
  static final String FROM = "all/";

  public static Booklet of(Question q, String categoryTitle) {
    return new Booklet(q, Urls.page(FROM, q.url()), categoryTitle,
        "q-" + q.category() + "-" + q.slug());
  }

  /** The answer's sections, in reading order, as booklet HTML. Called by the template. */
  public String html() {
    var s = question.sections();
    String joined = s.body() + s.situation() + s.task() + s.action() + s.result() + s.keyPoints()
        + s.followUps() + s.pitfalls();
    Document doc = Jsoup.parseBodyFragment(joined);
    doc.outputSettings().prettyPrint(false);
    URI base = URI.create("https://x.invalid/" + question.url());
    for (Element e : doc.select("[id]")) {
      e.attr("id", anchor + "-" + e.attr("id"));
    }
    for (Element a : doc.select("a[href]")) {
      String href = a.attr("href");
      if (href.startsWith("#")) {
        a.attr("href", "#" + anchor + "-" + href.substring(1));
      } else if (!href.contains(":") && !href.startsWith("//")) {
        String path = base.resolve(href).getPath().substring(1);
        String fragment = URI.create("x:" + href).getFragment();
        String dir = path.endsWith("index.html") ? path.substring(0, path.length() - 10) : path;
        a.attr("href", Urls.root(FROM) + dir + (path.endsWith("index.html") ? "index.html" : "")
            + (fragment == null ? "" : "#" + fragment));
      }
    }
    return doc.body().html();
  }
}
