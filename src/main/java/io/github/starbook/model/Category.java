package io.github.starbook.model;

/** A folder of questions, from {@code content/<slug>/_index.md}. */
public record Category(
    String slug,
    String title,
    int order,
    String summary,
    String introHtml,
    String url,
    String source,
    String contentPath) {}
