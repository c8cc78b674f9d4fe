package io.github.starbook.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the renderer needs: validated, linked, Markdown already turned into HTML.
 *
 * @param files the images and downloads beside the content, published where they are
 * @param tags tag to its questions, tags sorted, questions in guide order (see {@link #of})
 */
public record Guide(
    Site site,
    Page home,
    List<Category> categories,
    List<Question> questions,
    List<Page> pages,
    List<Attachment> files,
    Map<String, List<Question>> tags) {

  /** The guide, with its tag index made from the questions. */
  public static Guide of(
      Site site,
      Page home,
      List<Category> categories,
      List<Question> questions,
      List<Page> pages,
      List<Attachment> files) {
    Map<String, List<Question>> byTag = new TreeMap<>();
    for (Question q : questions) {
      for (String t : q.tags()) {
        byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(q);
      }
    }
    Map<String, List<Question>> tags = new LinkedHashMap<>();
    byTag.forEach((t, qs) -> tags.put(t, List.copyOf(qs)));
    return new Guide(
        site, home, categories, questions, pages, files, Collections.unmodifiableMap(tags));
  }

  /** The category with this slug, or null. */
  public Category category(String slug) {
    return categories.stream().filter(c -> c.slug().equals(slug)).findFirst().orElse(null);
  }
}
