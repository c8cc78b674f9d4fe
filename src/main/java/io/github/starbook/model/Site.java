package io.github.starbook.model;

import java.util.Map;

/**
 * The guide as a whole, from {@code content/site.yaml}.
 *
 * @param cname a custom domain for GitHub Pages (written to the site's CNAME file), or null
 * @param params the author's own values ({@code params:}), for templates as {@code site.params}:
 *     text, numbers, true/false, lists and mappings, in the file's order
 */
public record Site(
    String title,
    String description,
    String baseUrl,
    String language,
    String repo,
    String editBranch,
    boolean allowHtml,
    String cname,
    Map<String, Object> params) {

  /** The absolute URL of a site-relative path, or null when no baseUrl is known. */
  public String absolute(String sitePath) {
    if (baseUrl == null || baseUrl.isEmpty()) {
      return null;
    }
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return base + sitePath;
  }

  /** The path part of baseUrl, always starting and ending with '/'. */
  public String basePath() {
    if (baseUrl == null || baseUrl.isEmpty()) {
      return "/";
    }
    String p = java.net.URI.create(baseUrl).getPath();
    if (p == null || p.isEmpty()) {
      return "/";
    }
    return p.endsWith("/") ? p : p + "/";
  }
}
