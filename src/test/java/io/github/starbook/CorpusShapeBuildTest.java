package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guide shaped like bench/run's generated corpora (no repo, related questions named by bare slug
 * from other categories) builds with the real templates, and builds byte-identically twice although
 * pages are parsed and rendered in parallel.
 */
class CorpusShapeBuildTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve("content").resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private Build.Result build(String out) throws Exception {
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Path templates = Path.of("templates").toAbsolutePath();
    return new Build(dir, log)
        .run(
            new Build.Options(
                Path.of("content"), templates, Path.of(out), null, false, false, false, true));
  }

  @Test
  void generatedShapeBuildsAndIsByteIdenticalTwice() throws Exception {
    write(
        "site.yaml",
        "title: Synthetic\ndescription: Generated.\n"
            + "baseUrl: https://example.github.io/guide/\nlanguage: en\n");
    write("_index.md", "---\ntitle: Synthetic\n---\nHello.\n");
    write("strategy/_index.md", "---\ntitle: Strategy\norder: 1\n---\nS.\n");
    write("hiring/_index.md", "---\ntitle: Hiring\norder: 2\n---\nH.\n");
    for (int i = 0; i < 40; i++) {
      String cat = i % 2 == 0 ? "strategy" : "hiring";
      String related = i > 0 ? "related: [q" + (i - 1) + "-x]\n" : "";
      write(
          cat + "/q" + i + "-x.md",
          "---\ntitle: \"Question "
              + i
              + "?\"\nformat: answer\n"
              + "tags: [tech-debt]\ndifficulty: advanced\nsummary: \"S "
              + i
              + ".\"\n"
              + related
              + "---\n\nBody of "
              + i
              + " with **bold**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    }
    Build.Result first = build("site");
    // questions, categories, home, tags, tag, all, 404, search, study
    assertEquals(40 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1, first.pages());

    Document q = Jsoup.parse(dir.resolve("site/hiring/q1-x/index.html").toFile());
    assertNotNull(
        q.selectFirst("section.related a[href=../../strategy/q0-x/index.html]"),
        "bare slug q0-x from another category resolves to strategy/q0-x");
    assertTrue(q.select("p.edit").isEmpty(), "no repo, no edit link");

    build("again");
    List<Path> files = files(dir.resolve("site"));
    assertEquals(files, files(dir.resolve("again")));
    for (Path f : files) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("site").resolve(f)),
          Files.readAllBytes(dir.resolve("again").resolve(f)),
          f.toString());
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
