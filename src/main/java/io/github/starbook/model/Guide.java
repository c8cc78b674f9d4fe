package io.github.starbook.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the renderer needs: validated, linked, Markdown already turned into HTML. */
public record Guide(
    Site site, Page home, List<Category> categories, List<Question> questions, List<Page> pages) {

  /** The category with this slug, or null. */
  public Category category(String slug) {
    return categories.stream().filter(c -> c.slug().equals(slug)).findFirst().orElse(null);
  }

  /** Tag to its questions, tags sorted, questions in guide order. */
  public Map<String, List<Question>> tags() {
    Map<String, List<Question>> byTag = new TreeMap<>();
    for (Question q : questions) {
      for (String t : q.tags()) {
        byTag.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(q);
      }
    }
    return new LinkedHashMap<>(byTag);
  }
}
