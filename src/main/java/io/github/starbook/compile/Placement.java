package io.github.starbook.compile;

import io.github.starbook.model.Layout;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * Where an answer's HTML is shown when it is not on its own page: the print booklet, a flashcard,
 * an Anki note. Rendering for a placement re-points links ({@code href}: null unlinks) and images
 * ({@code src}: null leaves the alt text), renames or drops element ids ({@code id}: null drops),
 * and with {@code oneLine} writes no line break or tab (code keeps its lines as {@code <br>}).
 * {@code unlinks} tells whether {@code href} or {@code src} may give null at all. Raw HTML (allowed
 * by {@code allowHtml}) is copied as written.
 */
public record Placement(
    UnaryOperator<String> href,
    UnaryOperator<String> src,
    UnaryOperator<String> id,
    boolean oneLine,
    boolean unlinks) {

  private static final String HOST = "site.invalid";

  /** The id of a question's article in the booklet, which prefixes the ids inside it. */
  public static String bookletAnchor(String category, String slug) {
    return "q-" + category + "-" + slug;
  }

  /**
   * In the booklet at {@code all/}: ids prefixed with the question's anchor (unique on the one
   * page), in-page links to match, relative links re-pointed from the page's folder.
   */
  public static Placement booklet(String pageDir, String anchor) {
    String up = Layout.root(Layout.ALL);
    UnaryOperator<String> relink =
        url -> {
          if (url.contains(":") || url.startsWith("//")) {
            return url;
          }
          try {
            String path =
                URI.create("https://x.invalid/" + pageDir).resolve(url).getRawPath().substring(1);
            String fragment = URI.create("x:" + url).getRawFragment();
            return up + path + (fragment == null ? "" : "#" + fragment);
          } catch (IllegalArgumentException e) {
            return url; // not a URL, or a page folder that is none (already reported)
          }
        };
    return new Placement(
        href -> href.startsWith("#") ? "#" + anchor + "-" + href.substring(1) : relink.apply(href),
        relink,
        id -> anchor + "-" + id,
        false,
        false);
  }

  /**
   * Moved to the page folder {@code toDir} (a flashcard on the study page): relative links and
   * images re-pointed through the site root; ids kept; on one line.
   */
  public static Placement moved(String pageDir, String toDir) {
    String up = Layout.root(toDir);
    UnaryOperator<String> relink =
        url -> {
          String p = sitePath(url, pageDir);
          return p == null ? url : up + p;
        };
    return new Placement(relink, relink, id -> id, true, false);
  }

  /**
   * Away from the site (an Anki note): relative links and images made absolute with {@code
   * absolute} (which gives null when the site has no base URL: they are unlinked), ids dropped, on
   * one line.
   */
  public static Placement away(String pageDir, UnaryOperator<String> absolute) {
    UnaryOperator<String> relink =
        url -> {
          String p = sitePath(url, pageDir);
          return p == null ? url : absolute.apply(p);
        };
    return new Placement(relink, relink, id -> null, true, true);
  }

  /**
   * The site path a relative link points to (e.g. {@code business/vendors/index.html#cost}),
   * resolved from the page folder {@code fromDir}; null for external, root-absolute and unparseable
   * links, which are left as they are.
   */
  public static String sitePath(String href, String fromDir) {
    if (href == null || href.isEmpty() || href.startsWith("/")) {
      return null;
    }
    URI u;
    try {
      u = new URI(href);
    } catch (java.net.URISyntaxException e) {
      return null;
    }
    if (u.isAbsolute() || u.getRawAuthority() != null) {
      return null;
    }
    URI r;
    try {
      r = URI.create("http://" + HOST + "/" + fromDir).resolve(u);
    } catch (IllegalArgumentException e) {
      return null; // a page folder that is no URL path (already reported as a bad file name)
    }
    String path = r.getRawPath() == null ? "" : r.getRawPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    if (path.startsWith("..")) {
      return null;
    }
    if (path.isEmpty() || path.endsWith("/")) {
      path += "index.html";
    }
    return path
        + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery())
        + (r.getRawFragment() == null ? "" : "#" + r.getRawFragment());
  }

  /**
   * HTML on one line: in {@code <pre>} the last line break goes and the others become {@code <br>};
   * elsewhere runs of line breaks become a space (HTML collapses them anyway); tabs become {@code
   * &#9;}.
   */
  static String oneLine(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int at = 0;
    while (at < html.length()) {
      int pre = html.indexOf("<pre", at);
      int end = pre < 0 ? -1 : html.indexOf("</pre>", pre);
      if (pre < 0 || end < 0) {
        spaces(html, at, html.length(), out);
        break;
      }
      spaces(html, at, pre, out);
      String inside = html.substring(pre, end);
      if (inside.endsWith("\n</code>")) {
        inside = inside.substring(0, inside.length() - 8) + "</code>";
      } else if (inside.endsWith("\n")) {
        inside = inside.substring(0, inside.length() - 1);
      }
      out.append(inside.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "<br>"))
          .append("</pre>");
      at = end + 6;
    }
    return out.toString().replace("\t", "&#9;").strip();
  }

  private static void spaces(String s, int from, int to, StringBuilder out) {
    int i = from;
    while (i < to) {
      int run = i;
      while (run < to && s.charAt(run) != '\n' && s.charAt(run) != '\r') {
        run++;
      }
      out.append(s, i, run);
      if (run == to) {
        return;
      }
      while (run < to && (s.charAt(run) == '\n' || s.charAt(run) == '\r')) {
        run++;
      }
      out.append(' ');
      i = run;
    }
  }
}
