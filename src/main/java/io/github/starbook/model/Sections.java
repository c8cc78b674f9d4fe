package io.github.starbook.model;

import java.util.List;

/**
 * A question's body as rendered HTML, split into the sections templates show apart. Missing
 * sections are empty strings.
 */
public record Sections(
    String body,
    String situation,
    String task,
    String action,
    String result,
    String keyPoints,
    String followUps,
    String pitfalls) {

  /** The section names in reading order, as the components above and the search text name them. */
  public static final List<String> KEYS = List.of(
      "body", "situation", "task", "action", "result", "keyPoints", "followUps", "pitfalls");
}
