package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import io.github.starbook.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help, build, check, new, version, and their exit codes. */
class MainTest {
  static final Path BASIC = FixtureSiteTest.CONTENT;
  @TempDir Path tmp;

  @Test
  void helpListsTheCommands() {
    Run r = Run.main(tmp, "--help");
    assertEquals(0, r.exit());
    for (String cmd : new String[] {"build", "check", "new"}) {
      assertTrue(r.out().contains("  " + cmd + " "), r.out());
    }
    Run build = Run.main(tmp, "build", "--help");
    assertEquals(0, build.exit());
    for (String opt :
        new String[] {
          "--content", "--templates", "--out", "--base-url", "--drafts", "--strict", "--verbose"
        }) {
      assertTrue(build.out().contains(opt), opt);
    }
    assertEquals(0, Run.main(tmp, "check", "--help").exit());
    assertEquals(0, Run.main(tmp, "new", "--help").exit());
  }

  @Test
  void versionPrintsThePomsVersion() throws Exception {
    Run r = Run.main(tmp, "--version");
    assertEquals(0, r.exit());
    String pom = Files.readString(Path.of("pom.xml"));
    String version =
        pom.replaceFirst(
            "(?s).*?<artifactId>starbook</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
    assertTrue(
        r.out().matches("starbook " + Pattern.quote(version) + "( \\([0-9a-f]{7,40}\\))?\n"),
        r.out());
  }

  @Test
  void usageErrorsExitTwo() {
    Run r = Run.main(tmp, "build", "--no-such-option");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
    assertEquals(2, Run.main(tmp, "frobnicate").exit());
  }

  @Test
  void checkValidatesWithoutWriting() {
    Run r =
        Run.main(
            tmp, "check", "--content", BASIC.toString(), "--templates", Run.TEMPLATES.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("checked 17 pages in "), r.out());
    assertFalse(Files.exists(tmp.resolve("site")));
  }

  @Test
  void aGuideWithoutTemplatesIsBuiltWithTheBuiltInTheme() throws IOException {
    Path content = copyBasic();
    Run own = Run.build(tmp, content, tmp.resolve("own"));
    assertEquals(0, own.exit(), own.toString());
    Run builtIn = Run.main(tmp, "build", "--content", content.toString(), "--out", "builtin");
    assertEquals(0, builtIn.exit(), builtIn.toString());
    assertFalse(Files.exists(tmp.resolve("templates")), "no templates folder here");
    assertEquals(Trees.hash(tmp.resolve("own")), Trees.hash(tmp.resolve("builtin")));
  }

  @Test
  void aTemplatesFolderThatIsNamedButMissingIsAnError() {
    Run r = Run.main(tmp, "check", "--content", BASIC.toString(), "--templates", "nope");
    assertEquals(1, r.exit());
    assertTrue(
        r.err().startsWith("nope:1:1: error: templates folder not found (pass an existing"),
        r.err());
  }

  @Test
  void initRefusesAFolderThatIsNotEmptyAndWritesNothing() throws IOException {
    Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(tmp.resolve("taken/notes.txt"), "mine");
    Run r = Run.main(tmp, "init", "taken");
    assertEquals(1, r.exit());
    assertEquals(
        "starbook init: taken is not an empty folder; nothing written (choose a new folder"
            + " name)\n",
        r.err());
    try (var files = Files.list(tmp.resolve("taken"))) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void buildPrintsOutputPathRelativeToTheWorkingDirectory() {
    Run r = Run.build(tmp, BASIC, tmp.resolve("public/site"));
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().endsWith(" → public/site/\n"), r.out());
  }

  @Test
  void verbosePrintsEachStep() {
    Run r = Run.build(tmp, BASIC, tmp.resolve("site"), "--verbose");
    assertEquals(0, r.exit(), r.toString());
    for (String step : new String[] {"read", "assemble", "render", "output", "write"}) {
      assertTrue(r.out().contains("  " + step + " "), r.out());
    }
  }

  @Test
  void anUnfinishedQuestionFailsCheckStrict() throws IOException {
    Path content = copyBasic();
    Run made = Run.main(tmp, "new", "strategy/fresh", "--star", "--content", content.toString());
    assertEquals(0, made.exit(), made.toString());
    Files.writeString(
        content.resolve("strategy/empty.md"), "---\ntitle: \"Empty?\"\ntags: [a]\n---\n");
    Run strict = check(content, "--strict");
    assertEquals(1, strict.exit());
    String placeholder =
        ": error: placeholder text from 'starbook new' is still here (replace it with your own"
            + " words)";
    for (String where :
        List.of("fresh.md:6:11", "fresh.md:10:1", "fresh.md:14:1", "fresh.md:26:3")) {
      assertTrue(strict.err().contains(where + placeholder), where + "\n" + strict.err());
    }
    assertTrue(
        strict.err().contains("empty.md:5:1: error: question has no answer text"), strict.err());
  }

  @Test
  void strictTurnsWarningsIntoErrors() throws IOException {
    Path content = copyBasic();
    Files.writeString(
        content.resolve("strategy/untagged.md"), "---\ntitle: \"No tags here?\"\n---\nBody.\n");
    Run lax = check(content);
    assertEquals(0, lax.exit(), lax.toString());
    assertTrue(lax.err().contains("untagged.md:1:1: warning: question has no tags"), lax.err());
    Run strict = check(content, "--strict");
    assertEquals(1, strict.exit());
    assertTrue(strict.err().contains("untagged.md:1:1: error: question has no tags"), strict.err());
  }

  @Test
  void newWritesAValidSkeletonAndRefusesToOverwrite() throws IOException {
    Path content = copyBasic();
    Run r =
        Run.main(
            tmp,
            "new",
            "people/first-hire",
            "--star",
            "--title",
            "Tell me about \"a\" hire.",
            "--content",
            content.toString());
    assertEquals(0, r.exit(), r.toString());
    String text = Files.readString(content.resolve("people/first-hire.md"));
    assertTrue(text.contains("title: \"Tell me about \\\"a\\\" hire.\"\nformat: star\n"), text);
    assertTrue(text.indexOf("## Situation") < text.indexOf("## Result"));
    // A valid skeleton: it builds, and its placeholders are warnings (errors with --strict).
    Run check = check(content);
    assertEquals(0, check.exit(), check.toString());
    assertTrue(check.err().contains("first-hire.md:6:11: warning: placeholder text"), check.err());
    Run again = Run.main(tmp, "new", "people/first-hire", "--content", content.toString());
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("already exists; not overwriting it"), again.err());
    assertEquals(text, Files.readString(content.resolve("people/first-hire.md")));
    assertEquals(2, Run.main(tmp, "new", "Bad Slug", "--content", content.toString()).exit());
  }

  @Test
  void newCreatesTheCategoryWhenMissing() throws IOException {
    Path content = copyBasic();
    Run r = Run.main(tmp, "new", "vendors/pick-a-cloud", "--content", content.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(Files.exists(content.resolve("vendors/_index.md")));
    Run check = check(content);
    assertEquals(0, check.exit(), check.toString());
  }

  @Test
  void largeBuildsPrintProgress() throws IOException {
    Path content = tmp.resolve("big");
    Files.createDirectories(content.resolve("scale"));
    Files.writeString(
        content.resolve("site.yaml"),
        "title: Big\ndescription: Many questions.\nbaseUrl: https://example.org/\n");
    Files.writeString(content.resolve("scale/_index.md"), "---\ntitle: Scale\n---\n");
    for (int i = 0; i < 600; i++) {
      Files.writeString(
          content.resolve("scale/q" + i + ".md"),
          "---\ntitle: \"Question " + i + "?\"\ntags: [scale]\n---\nAnswer " + i + ".\n");
    }
    Run r = Run.build(tmp, content, tmp.resolve("site"));
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.size() >= 3, r.out());
    assertTrue(lines.get(0).matches("  wrote \\d+/\\d+ files"), r.out());
    // 600 questions, 3 pages of the category and of the tag, home, tags, booklet index and the
    // category's booklet, 2 A–Z pages, 404, search, study (a large guide: render/Paging).
    assertTrue(lines.get(lines.size() - 1).startsWith("built 615 pages in "), r.out());
  }

  @Test
  void gitIgnoresTheBuildOutputs() throws IOException {
    List<String> ignored = Files.readAllLines(Path.of(".gitignore"));
    assertTrue(ignored.contains("/site/") && ignored.contains("/target/"), ignored.toString());
  }

  private Path copyBasic() throws IOException {
    Path dest = tmp.resolve("content");
    Trees.copy(BASIC, dest);
    return dest;
  }

  /** {@code starbook check} of a content folder with the project's templates. */
  private Run check(Path content, String... more) {
    String[] args = {
      "check", "--content", content.toString(), "--templates", Run.TEMPLATES.toString()
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Run.main(tmp, all);
  }
}
