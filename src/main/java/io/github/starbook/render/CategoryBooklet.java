package io.github.starbook.render;

import io.github.starbook.compile.Placement;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Question;
import java.util.regex.Pattern;

/**
 * A question's answer in a large guide's booklet of its category ({@code all/<category>/}): the
 * booklet copy of {@link Booklet}, made for {@code all/}, with its relative links and images
 * re-pointed one folder further up.
 */
public record CategoryBooklet(Question question, String href, String categoryTitle, String anchor) {
  /**
   * A relative link or image of the booklet copy: {@link Placement#booklet} writes every one of
   * them from {@code all/}, so as {@code ../…} (in-page links start with '#'). Attribute values are
   * always in double quotes, and a quote in text is escaped, so only attributes match.
   */
  private static final Pattern UP = Pattern.compile("(\\s(?:href|src)=\")\\.\\./");

  public static CategoryBooklet of(Question q, String categoryTitle) {
    return new CategoryBooklet(
        q,
        Layout.page(Layout.booklet(q.category()), q.url()),
        categoryTitle,
        Placement.bookletAnchor(q.category(), q.slug()));
  }

  /** The answer's sections, in reading order, as booklet HTML. Called by the template. */
  public String html() {
    return UP.matcher(question.copies().booklet()).replaceAll("$1../../");
  }
}
