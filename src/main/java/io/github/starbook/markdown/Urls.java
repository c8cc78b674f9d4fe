package io.github.starbook.markdown;

/** Relative URLs between output pages, so the site works under any base path and from disk. */
public final class Urls {
  private Urls() {}

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
