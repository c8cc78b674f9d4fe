package io.github.starbook.model;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of section a question's answer has, in reading order: the one list that the Markdown
 * splitter, the page template, the booklet, the flashcard, the Anki note and search all follow.
 * Adding a kind is one line here (plus its CSS class in the theme).
 */
public enum SectionKind {
  IN_30_SECONDS("in30Seconds", "In 30 seconds", Place.TOP, "in-30-seconds", true, true),
  BODY("body", "", Place.BODY, "answer", false, true),
  SITUATION("situation", "Situation", Place.STAR, "star-situation", false, true),
  TASK("task", "Task", Place.STAR, "star-task", false, true),
  ACTION("action", "Action", Place.STAR, "star-action", false, true),
  RESULT("result", "Result", Place.STAR, "star-result", false, true),
  KEY_POINTS("keyPoints", "Key points", Place.BOX, "key-points", true, true),
  FOLLOW_UPS("followUps", "Follow-up questions", Place.BOX, "follow-ups", false, false),
  PITFALLS("pitfalls", "Pitfalls", Place.BOX, "pitfalls", false, false);

  /** Where a kind appears on the question page. */
  public enum Place {
    /** A box above the answer. */
    TOP,
    /** The answer's own text: everything under no recognised heading. */
    BODY,
    /** One part of a STAR story (format: star only, required there, in this order). */
    STAR,
    /** A box below the answer. */
    BOX
  }

  private final String key;
  private final String heading;
  private final Place place;
  private final String cssClass;
  private final boolean onCard;
  private final boolean inAnki;

  SectionKind(
      String key, String heading, Place place, String cssClass, boolean onCard, boolean inAnki) {
    this.key = key;
    this.heading = heading;
    this.place = place;
    this.cssClass = cssClass;
    this.onCard = onCard;
    this.inAnki = inAnki;
  }

  /** The name templates, search data and study data use, e.g. {@code keyPoints}. */
  public String key() {
    return key;
  }

  /** The level-2 heading that opens the section, also its label in search results ("" for body). */
  public String heading() {
    return heading;
  }

  public Place place() {
    return place;
  }

  /** The CSS class of its box or STAR part in the built-in theme. */
  public String cssClass() {
    return cssClass;
  }

  /** First letter of the heading, shown beside a STAR part. */
  public String letter() {
    return heading.isEmpty() ? "" : heading.substring(0, 1);
  }

  /** Shown on the back of the flashcard (and as the mock interview's checklist). */
  public boolean onCard() {
    return onCard;
  }

  /** Part of the Anki note's back. */
  public boolean inAnki() {
    return inAnki;
  }

  public boolean star() {
    return place == Place.STAR;
  }

  /** Every kind in reading order. */
  public static List<SectionKind> all() {
    return List.of(values());
  }

  /** The STAR parts in order. */
  public static List<SectionKind> starParts() {
    return all().stream().filter(SectionKind::star).toList();
  }

  /** The kind a level-2 heading's text opens (case does not matter), or null. */
  public static SectionKind ofHeading(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (SectionKind k : values()) {
      if (!k.heading.isEmpty() && k.heading.toLowerCase(Locale.ROOT).equals(wanted)) {
        return k;
      }
    }
    return null;
  }
}
