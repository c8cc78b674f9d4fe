package io.github.starbook.render;

import io.github.starbook.model.Layout;
import io.github.starbook.model.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every question sorted by title: the A–Z list. In a large guide it has pages of its own ({@link
 * Layout#AZ}), and a letter index on each page links to where each initial first appears.
 */
final class AzList {
  /** One entry of a page: the question, the link to it, its category's title, and an id or "". */
  public record Entry(Question question, String href, String categoryTitle, String anchor) {}

  /** A link of the letter index: the initial and where its first question is. */
  public record Letter(String label, String href) {}

  private final List<Question> sorted;

  /** Index in {@link #sorted} of the first question of each initial, in order. */
  private final Map<String, Integer> starts = new LinkedHashMap<>();

  private final String[] anchors;

  AzList(List<Question> questions) {
    this.sorted = sorted(questions);
    this.anchors = new String[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      String label = initial(sorted.get(i).title());
      if (starts.putIfAbsent(label, i) == null) {
        anchors[i] =
            "az-" + (label.matches("[A-Z]") ? label.toLowerCase(Locale.ROOT) : starts.size());
      }
    }
  }

  /** Questions by title, case-insensitively, then by id: the order of every A–Z list. */
  static List<Question> sorted(List<Question> questions) {
    // Sort keys computed once per question, not once per comparison (10k titles: ~130k compares).
    record Keyed(String key, Question q) {}
    return questions.stream()
        .map(q -> new Keyed(q.title().toLowerCase(Locale.ROOT), q))
        .sorted(Comparator.comparing(Keyed::key).thenComparing(k -> k.q().id()))
        .map(Keyed::q)
        .toList();
  }

  int size() {
    return sorted.size();
  }

  Question get(int i) {
    return sorted.get(i);
  }

  /** The id of the entry at {@code i} when an initial starts there, else "". */
  String anchorAt(int i) {
    return anchors[i] == null ? "" : anchors[i];
  }

  /** The letter index, with links relative to the page folder {@code from}. */
  List<Letter> letters(String from) {
    List<Letter> letters = new ArrayList<>();
    for (Map.Entry<String, Integer> e : starts.entrySet()) {
      int page = e.getValue() / Paging.AZ_PER_PAGE + 1;
      letters.add(
          new Letter(
              e.getKey(),
              Layout.page(from, Layout.paged(Layout.AZ, page)) + "#" + anchors[e.getValue()]));
    }
    return letters;
  }

  /** A title's initial: its first letter in upper case, "0–9" for a digit, "#" for the rest. */
  static String initial(String title) {
    String t = title.strip();
    if (t.isEmpty()) {
      return "#";
    }
    int c = t.codePointAt(0);
    if (Character.isLetter(c)) {
      return new String(Character.toChars(Character.toUpperCase(c)));
    }
    return Character.isDigit(c) ? "0–9" : "#";
  }
}
