package io.github.starbook.model;

/** A free page from {@code content/pages/<slug>.md}, or the home introduction. */
public record Page(
    String slug,
    String title,
    String summary,
    int order,
    String html,
    String url,
    String source,
    String contentPath) {}
