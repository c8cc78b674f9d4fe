package io.github.starbook.output;

import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Output;
import io.github.starbook.model.Question;
import io.github.starbook.model.SectionKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search document list, written as a script ({@code assets/search-data.js}) rather than JSON so
 * that it loads from {@code file://} too, where fetch() is refused. The browser builds the lunr
 * index from it on first use.
 */
public final class SearchData {
  public static final String PATH = Layout.ASSETS + "search-data.js";

  private SearchData() {}

  public static List<Output> plan(Guide guide) {
    return List.of(new Output(PATH, "(search index)", out -> write(guide, out)));
  }

  /**
   * The whole script: {@code self.STARBOOK_SEARCH = {"sections":[...],"docs":[...]};}, the section
   * kinds (key and label, in reading order) first, then one document at a time.
   */
  static void write(Guide guide, OutputStream out) throws IOException {
    out.write(HEAD.getBytes(StandardCharsets.UTF_8));
    out.write(Json.write(sections()).getBytes(StandardCharsets.UTF_8));
    out.write(DOCS.getBytes(StandardCharsets.UTF_8));
    Chunks.write(out, guide.questions(), ",", q -> Json.write(document(guide, q)));
    out.write(TAIL.getBytes(StandardCharsets.UTF_8));
  }

  private static final String HEAD =
      "/* starbook search data: generated, do not edit */\nself.STARBOOK_SEARCH = {\"sections\":";
  private static final String DOCS = ",\"docs\":[";
  private static final String TAIL = "]};\n";

  /** Each section kind's key and its label in search results, in reading order. */
  static List<Map<String, String>> sections() {
    List<Map<String, String>> out = new ArrayList<>();
    for (SectionKind kind : SectionKind.all()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("key", kind.key());
      m.put("label", kind.heading());
      out.add(m);
    }
    return out;
  }

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
    for (SectionKind kind : SectionKind.all()) {
      String text = q.text().get(kind.key());
      if (text != null) {
        sections.put(kind.key(), text);
      }
    }
    d.put("sections", sections);
    return d;
  }
}
