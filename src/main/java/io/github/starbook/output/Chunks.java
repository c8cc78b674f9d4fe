package io.github.starbook.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Writes one long file made of one piece per item (a line, a JSON object): the pieces are made over
 * the cores a chunk at a time and written in order, so a file for 10,000 questions is neither built
 * by one thread nor held as one giant string.
 */
public final class Chunks {
  static final int SIZE = 128;

  private Chunks() {}

  /** Writes {@code piece(item)} for every item in order, {@code separator} between two. */
  public static <T> void write(
      OutputStream out, List<T> items, String separator, Function<T, String> piece)
      throws IOException {
    byte[] sep = separator.getBytes(StandardCharsets.UTF_8);
    for (int start = 0; start < items.size(); start += SIZE) {
      List<byte[]> parts =
          items.subList(start, Math.min(items.size(), start + SIZE)).parallelStream()
              .map(item -> piece.apply(item).getBytes(StandardCharsets.UTF_8))
              .toList();
      for (int i = 0; i < parts.size(); i++) {
        if (start + i > 0) {
          out.write(sep);
        }
        out.write(parts.get(i));
      }
    }
  }
}
