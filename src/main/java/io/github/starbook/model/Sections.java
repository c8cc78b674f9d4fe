package io.github.starbook.model;

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
    String pitfalls) {}
