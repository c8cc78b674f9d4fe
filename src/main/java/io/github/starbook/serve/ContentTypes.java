package io.github.starbook.serve;

import java.util.Locale;
import java.util.Map;

/** The Content-Type of a site file, from its extension. */
final class ContentTypes {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json; charset=utf-8"),
          Map.entry("map", "application/json; charset=utf-8"),
          Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
          Map.entry("xml", "application/xml; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("md", "text/markdown; charset=utf-8"),
          Map.entry("csv", "text/csv; charset=utf-8"),
          Map.entry("tsv", "text/tab-separated-values; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("avif", "image/avif"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("otf", "font/otf"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("wasm", "application/wasm"));

  private ContentTypes() {}

  static String of(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return name.isEmpty() || name.equals(".nojekyll")
          ? "text/plain; charset=utf-8"
          : "application/octet-stream";
    }
    return TYPES.getOrDefault(
        name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
  }

  static boolean isHtml(String type) {
    return type.startsWith("text/html");
  }
}
