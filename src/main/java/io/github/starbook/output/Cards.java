package io.github.starbook.output;

import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data study mode needs, as JSON for the study page: per question its stable id, the hash of
 * its source (so a changed answer can be marked for review), title, category, tags, difficulty, a
 * link to the full answer and the key points as HTML, links re-pointed to work from the page.
 */
public record Cards(Guide guide, String pageDir) {
  /**
   * The JSON, made when the study page is written (the template calls this), so a preview that
   * never shows the study page never makes it. Equal {@code Cards} give equal JSON.
   */
  public String json() {
    return json(guide, pageDir);
  }

  static String json(Guide guide, String pageDir) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", 1);
    data.put("categories", categories(guide));
    data.put("cards", guide.questions().parallelStream().map(q -> card(q, pageDir)).toList());
    return Json.write(data);
  }

  private static Map<String, Object> card(Question q, String pageDir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", q.id());
    m.put("hash", q.hash());
    m.put("title", q.title());
    m.put("category", q.category());
    m.put("difficulty", q.difficulty() == null ? "" : q.difficulty());
    m.put("tags", q.tags());
    m.put("star", q.star());
    m.put("href", Layout.page(pageDir, q.url()));
    m.put("points", q.copies().card()); // key points, else the answer's first paragraph
    return m;
  }

  /** Each category's slug and title, in guide order (the card data and the study page's filter). */
  static List<Map<String, Object>> categories(Guide guide) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Category c : guide.categories()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("slug", c.slug());
      m.put("title", c.title());
      out.add(m);
    }
    return out;
  }
}
