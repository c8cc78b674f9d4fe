package io.github.starbook.output;

import io.github.starbook.model.Layout;

import io.github.starbook.output.Json;
import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Question;
import io.github.starbook.model.Sections;
import io.github.starbook.output.Chunks;
import io.github.starbook.model.Output;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search document list, written as a script ({@code assets/search-data.js}) rather than JSON
 * so that it loads from {@code file://} too, where fetch() is refused. The browser builds the lunr
 * index from it on first use.
 */
public final class SearchData {
  public static final String PATH = Layout.ASSETS + "search-data.js";

  private SearchData() {}

  public static List<Output> plan(Guide guide) {
    return List.of(new Output(PATH, "(search index)", out -> write(guide, out)));
  }

  /** The whole script: {@code self.STARBOOK_SEARCH = {"docs":[...]};}, one document at a time. */
  static void write(Guide guide, OutputStream out) throws IOException {
    out.write(HEAD.getBytes(StandardCharsets.UTF_8));
    Chunks.write(out, guide.questions(), ",", q -> Json.write(document(guide, q)));
    out.write(TAIL.getBytes(StandardCharsets.UTF_8));
  }

  private static final String HEAD =
      "/* starbook search data: generated, do not edit */\nself.STARBOOK_SEARCH = {\"docs\":[";
  private static final String TAIL = "]};\n";

  static Map<String, Object> document(Guide guide, Question q) {
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
    for (String key : Sections.KEYS) {
      String text = q.text().get(key);
      if (text != null) {
        sections.put(key, text);
      }
    }
    d.put("sections", sections);
    return d;
  }
}
