package io.github.starbook.output;

import io.github.starbook.model.Category;
import io.github.starbook.model.Difficulty;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Output;
import io.github.starbook.render.PagePlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search outputs: the document list script and the full search page ({@code search/}) whose
 * filters (category, tag, difficulty, format) list what the guide actually has.
 */
public final class SearchPage {

  private SearchPage() {}

  /** The search page and the index; {@code preview}: the index only when first searched. */
  public static List<Output> plan(Guide guide, PagePlanner planner, boolean preview) {
    List<Output> out =
        new ArrayList<>(preview ? SearchData.planForPreview(guide) : SearchData.plan(guide));
    out.add(
        planner.extraPage(
            Layout.SEARCH,
            "(search page)",
            "Search",
            "Search every question and model answer of " + guide.site().title(),
            "search",
            "search.peb",
            Map.of("filters", filters(guide))));
    return out;
  }

  /** Filter name to its options, each a value and a label, in a stable order. */
  static Map<String, List<Map<String, String>>> filters(Guide guide) {
    Map<String, List<Map<String, String>>> f = new LinkedHashMap<>();
    List<Map<String, String>> categories = new ArrayList<>();
    for (Category c : guide.categories()) {
      categories.add(option(c.slug(), c.title()));
    }
    f.put("category", categories);
    List<Map<String, String>> tags = new ArrayList<>();
    for (String t : guide.tags().keySet()) {
      tags.add(option(t, "#" + t));
    }
    f.put("tag", tags);
    List<Map<String, String>> difficulties = new ArrayList<>();
    for (String d : Difficulty.used(guide.questions())) {
      difficulties.add(option(d, d));
    }
    f.put("difficulty", difficulties);
    f.put("format", List.of(option("star", "STAR story"), option("answer", "Answer")));
    return f;
  }

  private static Map<String, String> option(String value, String label) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("value", value);
    m.put("label", label);
    return m;
  }
}
