package io.github.starbook.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Trees;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build integrity: an interrupted or killed build leaves the old site or the new one, never a mix;
 * the same input gives byte-identical output, whatever order its files were created in. (That a
 * failing build leaves site/ byte-identical is checked by every failing case of {@link
 * HostileCasesTest}.)
 */
class InterruptedBuildTest {
  /** Enough pages that writing takes a while, so a kill lands in the middle of it. */
  static void writeGuide(Path root, int categories, int perCategory, boolean reverse)
      throws IOException {
    Path content = root.resolve("content");
    Files.createDirectories(content);
    List<Runnable> writes = new ArrayList<>();
    writes.add(
        () ->
            write(
                content.resolve("site.yaml"),
                "title: \"Integrity\"\ndescription: \"Generated.\"\nbaseUrl: \"https://example.org/g/\"\n"));
    for (int c = 0; c < categories; c++) {
      String cat = "category-" + c;
      writes.add(
          () ->
              write(
                  content.resolve(cat + "/_index.md"),
                  "---\ntitle: \"Category " + cat + "\"\n---\nIntro.\n"));
      for (int q = 0; q < perCategory; q++) {
        String slug = "question-" + q;
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 12; p++) {
          body.append("Paragraph ")
              .append(p)
              .append(" of ")
              .append(slug)
              .append(" with *emphasis*, `code` and [a link](https://example.org/")
              .append(p)
              .append(").\n\n");
        }
        String text =
            "---\ntitle: \"Question "
                + q
                + " of "
                + cat
                + "?\"\ntags: [tag-"
                + (q % 7)
                + ", "
                + cat
                + "]\n---\n"
                + body
                + "## Key points\n- one\n- two\n";
        writes.add(() -> write(content.resolve(cat + "/" + slug + ".md"), text));
      }
    }
    if (reverse) {
      java.util.Collections.reverse(writes);
    }
    writes.forEach(Runnable::run);
    Trees.copy(HostileCasesTest.TEMPLATES, root.resolve("templates"));
  }

  private static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void sameInputTwiceAndInAnotherOrderIsByteIdentical(@TempDir Path a, @TempDir Path b)
      throws IOException {
    writeGuide(a, 3, 15, false);
    writeGuide(b, 3, 15, true);
    assertEquals(0, HostileCasesTest.run(a, "build").exit());
    Map<String, String> first = Trees.hash(a.resolve("site"));
    assertEquals(0, HostileCasesTest.run(a, "build").exit());
    assertEquals(first, Trees.hash(a.resolve("site")), "second build of the same input differs");
    assertEquals(0, HostileCasesTest.run(b, "build").exit());
    assertEquals(
        first,
        Trees.hash(b.resolve("site")),
        "the same files created in reverse order (in another folder) build differently");
  }

  @Test
  void interruptingTheBuildThreadLeavesOldOrNew(@TempDir Path dir, @TempDir Path fresh)
      throws Exception {
    writeGuide(fresh, 4, 30, false);
    assertEquals(0, HostileCasesTest.run(fresh, "build").exit());
    Map<String, String> newHash = Trees.hash(fresh.resolve("site"));
    writeGuide(dir, 1, 3, false);
    assertEquals(0, HostileCasesTest.run(dir, "build").exit());
    Map<String, String> oldHash = Trees.hash(dir.resolve("site"));
    writeGuide(dir, 4, 30, false);

    Thread t = new Thread(() -> HostileCasesTest.run(dir, "build"), "build-under-test");
    t.start();
    waitForTemporaryFolder(dir, t);
    t.interrupt();
    t.join(TimeUnit.MINUTES.toMillis(2));
    assertTrue(!t.isAlive(), "the build did not end after an interrupt");
    Map<String, String> after = Trees.hash(dir.resolve("site"));
    assertTrue(
        after.equals(oldHash) || after.equals(newHash),
        "site/ after an interrupt is neither the old nor the new site");
    assertEquals(List.of(), leftovers(dir), "temporary folders left after an interrupt");
  }

  @Test
  void killingTheBuildProcessLeavesOldOrNew(@TempDir Path dir, @TempDir Path fresh)
      throws Exception {
    writeGuide(fresh, 4, 30, false);
    assertEquals(0, HostileCasesTest.run(fresh, "build").exit());
    Map<String, String> newHash = Trees.hash(fresh.resolve("site"));
    writeGuide(dir, 1, 3, false);
    assertEquals(0, HostileCasesTest.run(dir, "build").exit());
    Map<String, String> oldHash = Trees.hash(dir.resolve("site"));
    assertNotEquals(oldHash, newHash);
    writeGuide(dir, 4, 30, false);

    Random random = new Random(6);
    int killedMidWrite = 0;
    for (int round = 0; round < 3; round++) {
      Process p = startBuild(dir);
      boolean sawWrite = waitForTemporaryFolder(dir, p);
      if (round > 0) {
        Thread.sleep(random.nextInt(200)); // land at different points of the write
      }
      boolean finished = !p.isAlive();
      p.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
      Map<String, String> after = Trees.hash(dir.resolve("site"));
      assertTrue(
          after.equals(oldHash) || after.equals(newHash),
          "round " + round + ": site/ after kill -9 is neither the old nor the new site");
      if (sawWrite && !finished && after.equals(oldHash)) {
        killedMidWrite++;
      }
      // A killed build leaves its temporary folder beside site/ (git ignores .site.*); clear it.
      for (Path left : leftovers(dir)) {
        io.github.starbook.output.SiteWriter.deleteTree(left);
      }
      if (after.equals(newHash)) {
        break; // this kill came after the swap: the new site is complete
      }
    }
    assertTrue(killedMidWrite > 0, "no kill landed while the site was being written");
  }

  private static Process startBuild(Path dir) throws IOException {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-cp", cp, "io.github.starbook.cli.Main", "build")
        .directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Polls until the writer's temporary folder appears; false if the build ended first. */
  private static boolean waitForTemporaryFolder(Path dir, Object build) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      if (!leftovers(dir).isEmpty()) {
        return true;
      }
      boolean alive = build instanceof Process p ? p.isAlive() : ((Thread) build).isAlive();
      if (!alive) {
        return false;
      }
      Thread.sleep(1);
    }
    return false;
  }

  private static List<Path> leftovers(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".site.")).sorted().toList();
    }
  }

  static {
    assertTrue(File.separatorChar == '/', "these tests assume a POSIX file system");
  }
}
