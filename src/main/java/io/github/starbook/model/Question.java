package io.github.starbook.model;

import java.util.List;
import java.util.Map;

/**
 * One interview question with its model answer.
 *
 * @param id stable id {@code category/slug}
 * @param url site-relative output directory, e.g. {@code strategy/tech-debt/}
 * @param source content path as shown to the writer, e.g. {@code content/strategy/tech-debt.md}
 * @param contentPath path inside content/, e.g. {@code strategy/tech-debt.md}
 * @param sections per section kind (its key), the HTML; "" where the answer has none
 * @param text per section kind, its plain text on one line (no heading), for search
 * @param difficulty foundational, intermediate, advanced, or "" when not given
 * @param hash short hash of the answer's Markdown, so study mode can tell an answer changed
 * @param copies the answer as the booklet, the study page and the Anki deck show it
 */
public record Question(
    String id,
    String category,
    String slug,
    String title,
    String format,
    List<String> tags,
    String difficulty,
    String summary,
    List<String> related,
    int order,
    boolean draft,
    String url,
    String source,
    String contentPath,
    Map<String, String> sections,
    Map<String, String> text,
    String hash,
    Copies copies) {

  /** This question with its {@code related} ids resolved. */
  public Question withRelated(List<String> ids) {
    return new Question(
        id,
        category,
        slug,
        title,
        format,
        tags,
        difficulty,
        summary,
        List.copyOf(ids),
        order,
        draft,
        url,
        source,
        contentPath,
        sections,
        text,
        hash,
        copies);
  }

  public boolean star() {
    return "star".equals(format);
  }
}
