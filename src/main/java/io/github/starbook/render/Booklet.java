package io.github.starbook.render;

import io.github.starbook.compile.Placement;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Question;

/**
 * A question's answer as it appears in the print booklet ({@code all/index.html}): heading ids are
 * prefixed so they stay unique on the one page, and relative links are re-pointed from the
 * question's folder to the booklet's.
 */
public record Booklet(Question question, String href, String categoryTitle, String anchor) {
  static final String FROM = Layout.ALL;

  public static Booklet of(Question q, String categoryTitle) {
    return new Booklet(
        q,
        Layout.page(FROM, q.url()),
        categoryTitle,
        Placement.bookletAnchor(q.category(), q.slug()));
  }

  /** The answer's sections, in reading order, as booklet HTML. Called by the template. */
  public String html() {
    return question.copies().booklet();
  }
}
