package io.github.starbook.content;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Site;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks {@code content/site.yaml}. */
public final class SiteSettings {
  public static final Set<String> KEYS =
      Set.of(
          "title",
          "description",
          "baseUrl",
          "language",
          "repo",
          "editBranch",
          "allowHtml",
          "cname",
          "params");

  private SiteSettings() {}

  public static Site read(SourceFile file, String baseUrlOverride, List<Diagnostic> problems) {
    if (file == null) {
      return new Site("", "", baseUrlOverride, "en", null, null, false, null, Map.of());
    }
    List<Diagnostic> local = new ArrayList<>();
    Map<String, YamlValue.Entry> map = Yaml.load(file.text(), 1, file.display(), local);
    problems.addAll(local);
    if (map == null) {
      return new Site("", "", baseUrlOverride, "en", null, null, false, null, Map.of());
    }
    checkKeys(map, file.display(), problems);
    Fields f = new Fields(map, file.display(), problems);
    String title = f.string("title", true, "My interview guide");
    String description = f.string("description", true, "\"What the guide is for\"");
    String baseUrl = baseUrl(f, baseUrlOverride, file.display(), problems);
    String language = f.string("language", false, "en");
    String repo = repo(f, file.display(), problems);
    String branch = f.string("editBranch", false, "main");
    boolean allowHtml = f.bool("allowHtml");
    return new Site(
        title == null ? "" : title,
        description == null ? "" : description,
        baseUrl,
        language == null ? "en" : language,
        repo,
        branch == null ? "main" : branch,
        allowHtml,
        cname(f, file.display(), problems),
        params(map.get("params"), file.display(), problems));
  }

  /** A key site.yaml does not know is an error, with the nearest known key. */
  private static void checkKeys(
      Map<String, YamlValue.Entry> map, String display, List<Diagnostic> problems) {
    for (YamlValue.Entry e : map.values()) {
      if (!KEYS.contains(e.key())) {
        String near = Fields.nearest(e.key(), KEYS);
        problems.add(
            Diagnostic.error(
                display,
                e.line(),
                e.column(),
                "unknown site.yaml key '" + e.key() + "'",
                near != null
                    ? "did you mean '" + near + "'?"
                    : "allowed keys: " + String.join(", ", KEYS.stream().sorted().toList())));
      }
    }
  }

  /** baseUrl: from --base-url or site.yaml, an http(s) URL; its absence is a warning. */
  private static String baseUrl(
      Fields f, String baseUrlOverride, String display, List<Diagnostic> problems) {
    String baseUrl = baseUrlOverride != null ? baseUrlOverride : f.string("baseUrl", false, "");
    if (baseUrl != null && !baseUrl.matches("https?://[^\\s\"'<>]+")) {
      int line = baseUrlOverride != null ? 1 : f.line("baseUrl");
      problems.add(
          Diagnostic.error(
              baseUrlOverride != null ? "--base-url" : display,
              line,
              1,
              "baseUrl '" + baseUrl + "' is not an http(s) URL",
              "write e.g. https://user.github.io/repo/"));
      baseUrl = null;
    }
    if (baseUrl == null) {
      problems.add(
          Diagnostic.warning(
              display,
              1,
              1,
              "no baseUrl: canonical links, sitemap and Open Graph URLs are left out",
              "add 'baseUrl: https://user.github.io/repo/' or pass --base-url"));
    }
    return baseUrl;
  }

  /** repo: an https URL, for "Edit this page" links. */
  private static String repo(Fields f, String display, List<Diagnostic> problems) {
    String repo = f.string("repo", false, "https://github.com/user/repo");
    if (repo != null && !repo.matches("https://[^\\s\"'<>]+")) {
      problems.add(
          Diagnostic.error(
              display,
              f.line("repo"),
              1,
              "repo '" + repo + "' is not an https URL",
              "write e.g. https://github.com/user/repo"));
      repo = null;
    }
    return repo;
  }

  /** {@code cname:}, the custom domain GitHub Pages serves the site at, e.g. guide.example.com. */
  static String cname(Fields f, String display, List<Diagnostic> problems) {
    String cname = f.string("cname", false, "guide.example.com");
    if (cname != null
        && !cname.matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
      problems.add(
          Diagnostic.error(
              display,
              f.line("cname"),
              1,
              "cname '" + cname + "' is not a domain name",
              "write the domain alone, e.g. guide.example.com (no https://, no path)"));
      return null;
    }
    return cname;
  }

  /** {@code params:}, a mapping of the author's own values, as plain Java values. */
  static Map<String, Object> params(
      YamlValue.Entry entry, String display, List<Diagnostic> problems) {
    if (entry == null || entry.value().value() == null) {
      return Map.of();
    }
    if (!(entry.value().value() instanceof Map<?, ?>)) {
      problems.add(
          Diagnostic.error(
              display,
              entry.value().line(),
              entry.value().column(),
              "params must be a mapping of your own keys, not " + entry.value().typeName(),
              "write e.g. 'params:' and below it '  author: Jane Doe'"));
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) plain(entry.value());
    return plain;
  }

  private static Object plain(YamlValue v) {
    if (v.value() instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(plain((YamlValue) item));
      }
      return Collections.unmodifiableList(out);
    }
    if (v.value() instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Object e : map.values()) {
        YamlValue.Entry entry = (YamlValue.Entry) e;
        out.put(entry.key(), plain(entry.value()));
      }
      return Collections.unmodifiableMap(out);
    }
    return v.value();
  }
}
