package io.github.starbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text {@code starbook new} writes for the author to replace: one place for the command that
 * writes it and the check that finds it left in a page (a warning; an error with --strict).
 */
public final class Placeholders {
  public static final String SUMMARY = "What this question tests, in one sentence.";
  public static final String ANSWER =
      "Write the answer here: what a strong candidate says in about two minutes.";
  public static final String KEY_POINT = "The first thing a reader should check their answer for.";

  private Placeholders() {}

  /** The text under a STAR heading, e.g. "Write the situation here." */
  public static String part(String heading) {
    return "Write the " + heading.toLowerCase(Locale.ROOT) + " here.";
  }

  /** Every placeholder, as written into a file. */
  public static List<String> all() {
    List<String> all = new ArrayList<>(List.of(SUMMARY, ANSWER, KEY_POINT));
    for (SectionKind k : SectionKind.starParts()) {
      all.add(part(k.heading()));
    }
    return all;
  }
}
