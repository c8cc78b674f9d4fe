package io.github.starbook.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** How hard a question is, easiest first: the order of every filter and list that shows it. */
public enum Difficulty {
  FOUNDATIONAL,
  INTERMEDIATE,
  ADVANCED;

  /** The word written in front matter and shown to readers, e.g. {@code intermediate}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every difficulty's key, easiest first. */
  public static List<String> keys() {
    return List.of(values()).stream().map(Difficulty::key).toList();
  }

  /** The keys the questions use, easiest first (a question without one adds nothing). */
  public static List<String> used(Collection<Question> questions) {
    List<String> out = new ArrayList<>();
    for (Difficulty d : values()) {
      if (questions.stream().anyMatch(q -> d.key().equals(q.difficulty()))) {
        out.add(d.key());
      }
    }
    return out;
  }
}
