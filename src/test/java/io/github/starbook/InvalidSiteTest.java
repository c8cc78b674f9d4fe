package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.starbook.testing.Cases;
import io.github.starbook.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per invalid site under src/test/resources/invalid/: the shared site in {@code _base/}
 * plus the case's own files, laid out as the hostile cases are (see {@link Cases}: {@code content/}
 * over the base, {@code setup.txt} for files to make or delete), with the exact diagnostics it must
 * produce in {@code expected.txt}. Every problem is reported in one run, exit code 1.
 */
class InvalidSiteTest {
  static final Path ROOT = Path.of("src/test/resources/invalid").toAbsolutePath();

  static Stream<String> cases() throws IOException {
    return Cases.names(ROOT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactDiagnostics(String name, @TempDir Path dir) throws Exception {
    List<String> expected = Files.readAllLines(ROOT.resolve(name).resolve("expected.txt"));
    assertFalse(expected.isEmpty(), "expected.txt of " + name + " is empty");
    Cases.layOut(ROOT, name, dir);
    Run r = Run.main(dir, "check", "--templates", Run.TEMPLATES.toString());
    assertEquals(1, r.exit(), r.toString());
    List<String> lines = Arrays.asList(r.err().split("\n"));
    long errors = expected.stream().filter(l -> l.contains(": error: ")).count();
    assertEquals(expected, lines.subList(0, lines.size() - 1), r.toString());
    assertEquals("check failed: " + errors + " error(s)", lines.get(lines.size() - 1));
  }
}
