package io.github.starbook.content;

/**
 * One content file as read from disk.
 *
 * @param contentPath path inside content/, '/'-separated (e.g. {@code strategy/tech-debt.md})
 * @param display path shown to the writer in diagnostics (relative to the working directory)
 * @param text decoded text with the BOM removed and every line ending turned into '\n', so line
 *     numbers stay those the writer's editor shows
 */
public record SourceFile(String contentPath, String display, String text) {}
