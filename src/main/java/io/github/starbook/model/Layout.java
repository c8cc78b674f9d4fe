package io.github.starbook.model;

import java.util.regex.Pattern;

/**
 * Where things go in the built site, in one place: the reserved folders, the page URL of a content
 * file, and relative URLs between pages (so the site works under any base path and from disk).
 */
public final class Layout {
  /**
   * The print booklet: every question on one page; in a large guide, an index of one booklet per
   * category ({@code all/<category>/}, see {@link #booklet}).
   */
  public static final String ALL = "all/";

  /**
   * A large guide's list of every question A–Z, on pages of its own ({@link #paged}): {@code
   * all/az/}, {@code all/az/page/2/}… A category named {@code az} clashes with it there.
   */
  public static final String AZ = ALL + "az/";

  /** The folder of a long list's second and later pages, inside the list's own folder. */
  public static final String PAGE = "page/";

  /** Study mode's page. */
  public static final String STUDY = "study/";

  /** The full search page. */
  public static final String SEARCH = "search/";

  /** The tag index; each tag is {@code tags/<tag>/}. */
  public static final String TAGS = "tags/";

  /** The theme's CSS and JavaScript, lunr and the search data. */
  public static final String ASSETS = "assets/";

  /** The content folder of free pages, published at the site root. */
  public static final String PAGES = "pages";

  /** A guide's own icon, at the top of content/, used instead of the theme's. */
  public static final java.util.List<String> FAVICONS =
      java.util.List.of("favicon.svg", "favicon.png");

  /** The file a custom domain on GitHub Pages needs, written from site.yaml's cname. */
  public static final String CNAME = "CNAME";

  /** A slug: a category folder, a file name without {@code .md}, or a tag. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** How to write a slug, for hints. */
  public static final String SLUG_RULE =
      "use lowercase letters, digits and hyphens, e.g. tech-debt";

  private Layout() {}

  /** A tag's page folder. */
  public static String tag(String tag) {
    return TAGS + tag + "/";
  }

  /** A large guide's print booklet of one category. */
  public static String booklet(String category) {
    return ALL + category + "/";
  }

  /**
   * Page {@code n} (from 1) of a list whose first page is {@code dir}: {@code dir} itself, then
   * {@code dir/page/2/}, {@code dir/page/3/}…
   */
  public static String paged(String dir, int n) {
    return n <= 1 ? dir : dir + PAGE + n + "/";
  }

  /** The page URL of a content path, e.g. strategy/tech-debt.md → strategy/tech-debt/; or null. */
  public static String urlOf(String contentPath) {
    String[] parts = contentPath.split("/");
    String name = parts[parts.length - 1];
    if (!name.endsWith(".md") || parts.length > 2) {
      return null;
    }
    String stem = name.substring(0, name.length() - 3);
    boolean index = name.equals("_index.md");
    if (parts.length == 1) {
      return index ? "" : null;
    }
    if (parts[0].equals(PAGES)) {
      return index ? null : stem + "/";
    }
    return index ? parts[0] + "/" : parts[0] + "/" + stem + "/";
  }

  /** The prefix from a page's folder (e.g. {@code strategy/tech-debt/}) back to the site root. */
  public static String root(String fromDir) {
    int depth = 0;
    for (int i = 0; i < fromDir.length(); i++) {
      if (fromDir.charAt(i) == '/') {
        depth++;
      }
    }
    return "../".repeat(depth);
  }

  /** A link from one page folder to another page folder's index.html. */
  public static String page(String fromDir, String toDir) {
    return root(fromDir) + toDir + "index.html";
  }
}
