package io.github.starbook.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's width and height, read from its header only: JDK ImageIO for PNG, JPEG and GIF, the
 * root element's own width/height (or viewBox) for SVG. Formats the JDK cannot read (WebP, AVIF)
 * give no size; a file that claims to be an image and is not raises {@link Unreadable}.
 */
final class ImageSize {
  private static final Pattern SVG_TAG = Pattern.compile("<svg\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");

  /** The file is not a readable image of its kind. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  private ImageSize() {}

  /** {width, height}, or {0, 0} when the format gives none. */
  static int[] of(Path file, String extension) throws IOException, Unreadable {
    return switch (extension) {
      case "svg" -> svg(file);
      case "png", "jpg", "jpeg", "gif" -> raster(file, extension);
      default -> new int[] {0, 0};
    };
  }

  private static int[] raster(Path file, String extension) throws IOException, Unreadable {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new Unreadable("not a readable " + extension.toUpperCase() + " image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } catch (IOException | RuntimeException e) {
        throw new Unreadable("not a readable " + extension.toUpperCase() + " image");
      } finally {
        reader.dispose();
      }
    }
  }

  /** The root element's width and height in pixels, else its viewBox; never parsed as XML. */
  private static int[] svg(Path file) throws IOException, Unreadable {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
    }
    Matcher tag = SVG_TAG.matcher(head);
    if (!tag.find()) {
      throw new Unreadable("not an SVG image (no <svg> element near the start)");
    }
    String attrs = tag.group(1);
    int w = pixels(attribute(attrs, "width"));
    int h = pixels(attribute(attrs, "height"));
    if (w > 0 && h > 0) {
      return new int[] {w, h};
    }
    String box = attribute(attrs, "viewBox");
    if (box != null) {
      String[] parts = box.trim().split("[\\s,]+");
      if (parts.length == 4) {
        int bw = pixels(parts[2]);
        int bh = pixels(parts[3]);
        if (bw > 0 && bh > 0) {
          return new int[] {bw, bh};
        }
      }
    }
    return new int[] {0, 0};
  }

  private static String attribute(String attrs, String name) {
    Matcher m = Pattern.compile("(?:^|\\s)" + name + "\\s*=\\s*([\"'])(.*?)\\1").matcher(attrs);
    return m.find() ? m.group(2) : null;
  }

  private static int pixels(String value) {
    if (value == null) {
      return 0;
    }
    Matcher m = NUMBER.matcher(value);
    return m.matches() ? (int) Math.round(Double.parseDouble(m.group(1))) : 0;
  }
}
