package io.github.starbook.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files (google-java-format's testdata style): every {@code golden/*.md} renders to its
 * {@code .html} twin byte for byte. Run with {@code -Dgolden.update=true} to rewrite the .html
 * files, then review the diff.
 */
class GoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");
  static final Markdown MARKDOWN = new Markdown(false);

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md"))
          .map(n -> n.substring(0, n.length() - 3))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsTheGoldenFile(String name) throws IOException {
    String md = Files.readString(DIR.resolve(name + ".md"), StandardCharsets.UTF_8);
    String html = MARKDOWN.toHtml(md);
    Path golden = DIR.resolve(name + ".html");
    if (UPDATE) {
      Files.writeString(golden, html, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(golden), "missing " + golden + " (run with -Dgolden.update=true)");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), html);
  }

  @Test
  void everyGoldenFileIsPaired() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      for (String n : names) {
        String twin =
            n.endsWith(".md") ? n.replaceAll("\\.md$", ".html") : n.replaceAll("\\.html$", ".md");
        assertTrue(names.contains(twin), n + " has no " + twin);
      }
      assertTrue(names.size() >= 10, "golden files: " + names);
    }
  }
}
