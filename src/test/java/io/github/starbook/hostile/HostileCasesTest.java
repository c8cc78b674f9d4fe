package io.github.starbook.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.cli.Main;
import io.github.starbook.testing.Cases;
import io.github.starbook.testing.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input suite: one folder per case under {@code src/test/resources/hostile/}. Each case
 * is the base content ({@code _base/}) plus the case's {@code content/} (and {@code templates/},
 * laid over the project's templates), plus files made at run time from {@code setup.txt} (see
 * {@link Cases}). It is built with {@code starbook build} over a previously built site, and {@code
 * expected.txt} gives the outcome: {@code @exit N}, the exact lines on standard error, and
 * {@code @} checks of the safe render (see {@link SafeHtml#check}). A failing build must leave the
 * previous site byte-identical; a passing one must pass {@link SafeHtml#checkSite}. {@code
 * -Dhostile.update=true} rewrites the expected error lines for review.
 */
class HostileCasesTest {
  static final Path CASES = Path.of("src/test/resources/hostile");
  static final Path TEMPLATES = Path.of("templates");
  static final Duration BOUND = Duration.ofSeconds(120);

  @TempDir static Path previous;

  @BeforeAll
  static void buildPreviousSite() throws IOException {
    Trees.copy(CASES.resolve(Cases.BASE).resolve("content"), previous.resolve("content"));
    Trees.copy(TEMPLATES, previous.resolve("templates"));
    Result r = run(previous, "build");
    assertEquals(0, r.exit, "the base content must build: " + r.err);
  }

  static Stream<String> cases() throws IOException {
    return Cases.names(CASES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileCase(String name, @TempDir Path dir) throws Exception {
    Path src = CASES.resolve(name);
    boolean update = Boolean.getBoolean("hostile.update");
    List<String> expected =
        update && !Files.exists(src.resolve("expected.txt"))
            ? List.of()
            : Files.readAllLines(src.resolve("expected.txt"), StandardCharsets.UTF_8);
    Trees.copy(TEMPLATES, dir.resolve("templates"));
    Trees.copy(previous.resolve("site"), dir.resolve("site"));
    boolean unreadable = Cases.layOut(CASES, name, dir);
    Assumptions.assumeFalse(
        unreadable && runningAsRoot(dir),
        "skipped: running as root, so file permissions cannot make a file unreadable");
    Map<String, String> before = Trees.hash(dir.resolve("site"));

    List<String> args = new ArrayList<>(List.of("build"));
    int exit = 0;
    List<String> lines = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    for (String l : expected) {
      if (l.startsWith("@exit ")) {
        exit = Integer.parseInt(l.substring(6).strip());
      } else if (l.startsWith("@args ")) {
        args.addAll(List.of(l.substring(6).strip().split(" ")));
      } else if (l.startsWith("@")) {
        checks.add(l);
      } else if (!l.startsWith("#")) {
        lines.add(l);
      }
    }
    Result r =
        assertTimeoutPreemptively(
            BOUND,
            () -> run(dir, args.toArray(String[]::new)),
            name + ": no result within " + BOUND);
    List<String> actual = r.err.lines().toList();
    if (update) {
      List<String> keep =
          new ArrayList<>(
              expected.stream()
                  .filter(l -> l.startsWith("#") || l.startsWith("@") && !l.startsWith("@exit"))
                  .toList());
      keep.add(0, "@exit " + r.exit);
      keep.addAll(actual);
      Files.write(src.resolve("expected.txt"), keep, StandardCharsets.UTF_8);
    }
    assertEquals(String.join("\n", lines), String.join("\n", actual), name + ": diagnostics");
    assertEquals(exit, r.exit, name + ": exit code; out: " + r.out);
    try (Stream<Path> s = Files.list(dir)) {
      List<String> left =
          s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site.")).toList();
      assertTrue(left.isEmpty(), name + ": temporary folders left beside site/: " + left);
    }
    if (exit != 0) {
      assertEquals(
          before,
          Trees.hash(dir.resolve("site")),
          name + ": a failing build changed the previous site/");
    } else {
      SafeHtml.checkSite(dir.resolve("site"));
      for (String c : checks) {
        SafeHtml.check(dir.resolve("site"), c);
      }
    }
  }

  private static boolean runningAsRoot(Path dir) throws IOException {
    Path probe = Files.writeString(dir.resolve("probe"), "x");
    Files.setPosixFilePermissions(probe, java.util.Set.of());
    try {
      Files.readAllBytes(probe);
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      Files.delete(probe);
    }
  }

  record Result(int exit, String out, String err) {}

  static Result run(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            cwd,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
