package io.github.starbook.search;

import io.github.starbook.site.Json;
import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Question;
import io.github.starbook.site.Output;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search document list, written as a script ({@code assets/search-data.js}) rather than JSON
 * so that it loads from {@code file://} too, where fetch() is refused. The browser builds the lunr
 * index from it on first use.
 */
public final class SearchData {
  public static final String PATH = "assets/search-data.js";

  /** Section keys in reading order, as the Question's text map names them. */
  static final List<String> SECTIONS = List.of(
      "body", "situation", "task", "action", "result", "keyPoints", "followUps", "pitfalls");

  private SearchData() {}

  public static List<Output> plan(Guide guide) {
    byte[] data = script(guide).getBytes(StandardCharsets.UTF_8);
    return List.of(Output.bytes(PATH, "(search index)", data));
  }

  /** The whole script: {@code self.STARBOOK_SEARCH = {"docs":[...]};}. */
  public static String script(Guide guide) {
    StringBuilder sb = new StringBuilder(256 * 1024);
    sb.append("/* starbook search data: generated, do not edit */\n");
    sb.append("self.STARBOOK_SEARCH = ");
    Json.write(sb, Map.of("docs", documents(guide)));
    sb.append(";\n");
    return sb.toString();
  }

  static List<Map<String, Object>> documents(Guide guide) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Question q : guide.questions()) {
      Category c = guide.category(q.category());
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", q.id());
      d.put("url", q.url() + "index.html");
      d.put("title", q.title());
      d.put("summary", q.summary());
      d.put("category", q.category());
      d.put("categoryTitle", c == null ? q.category() : c.title());
      d.put("tags", q.tags());
      d.put("difficulty", q.difficulty() == null ? "" : q.difficulty());
      d.put("format", q.format());
      Map<String, Object> sections = new LinkedHashMap<>();
      for (String key : SECTIONS) {
        String text = q.text().get(key);
        if (text != null && !text.isBlank()) {
          sections.put(key, key.equals("body") ? squash(text) : squash(withoutHeading(text)));
        }
      }
      d.put("sections", sections);
      docs.add(d);
    }
    return docs;
  }

  /** A named section's text starts with its heading ("Situation"); the result names it anyway. */
  static String withoutHeading(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? "" : text.substring(nl + 1);
  }

  /**
   * Plain running text: the text renderer's link form {@code "text" (url)} becomes the link text,
   * list bullets and numbers go, runs of whitespace become one space.
   */
  static String squash(String text) {
    return LINK.matcher(text).replaceAll("$1")
        .replaceAll("(?m)^\\s*(?:[-*+]|\\d+[.)])\\s+", "")
        .strip().replaceAll("\\s+", " ");
  }

  private static final java.util.regex.Pattern LINK =
      java.util.regex.Pattern.compile("\"([^\"\\n]*)\" \\([^)\\s]*\\)");
}
