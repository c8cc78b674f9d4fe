package io.github.starbook.model;

import java.nio.file.Path;

/**
 * A file beside the content (an image or a download), published at the same place in the site.
 *
 * @param contentPath path inside content/, e.g. {@code architecture/img/sharding.svg}
 * @param display the path as messages show it, e.g. {@code content/architecture/img/sharding.svg}
 * @param file where it is read from when the site is written
 * @param size its size in bytes
 * @param width an image's width in CSS pixels, or 0 when unknown (not an image, or a format the JDK
 *     cannot read, such as WebP or AVIF)
 * @param height likewise
 */
public record Attachment(
    String contentPath, String display, Path file, long size, int width, int height) {

  /** Images are shown with {@code <img>}; everything else is a download. */
  public static final java.util.Set<String> IMAGES =
      java.util.Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif");

  /** Downloads a guide may offer beside its pages. */
  public static final java.util.Set<String> DOWNLOADS =
      java.util.Set.of("pdf", "txt", "csv", "zip", "json", "xlsx", "docx", "pptx", "odt", "ods");

  /** Above this, a file slows readers on phones: a warning. */
  public static final long LARGE = 1024 * 1024;

  /** The lower-case extension of a path ("" when it has none). */
  public static String extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether a content file of this name is published beside the pages. */
  public static boolean publishable(String path) {
    String ext = extension(path);
    return IMAGES.contains(ext) || DOWNLOADS.contains(ext);
  }

  public boolean image() {
    return IMAGES.contains(extension(contentPath));
  }
}
