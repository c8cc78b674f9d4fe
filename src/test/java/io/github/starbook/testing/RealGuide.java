package io.github.starbook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Facts about this repository's own guide (content/) that tests compare the built site with. */
public final class RealGuide {
  public static final Path CONTENT = Path.of("content");

  private RealGuide() {}

  /** How many questions content/ holds: content/CATEGORY/SLUG.md, pages/ and _index.md aside. */
  public static int questionCount() {
    return questionCount(null);
  }

  /** How many questions one category holds (all of them when {@code category} is null). */
  public static int questionCount(String category) {
    try (Stream<Path> s = Files.walk(CONTENT, 2)) {
      return (int)
          s.filter(p -> p.getNameCount() == 3 && p.toString().endsWith(".md"))
              .filter(p -> category == null || p.getName(1).toString().equals(category))
              .filter(p -> !p.getFileName().toString().equals("_index.md"))
              .filter(p -> !p.getParent().getFileName().toString().equals("pages"))
              .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
