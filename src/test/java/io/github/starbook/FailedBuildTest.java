package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import io.github.starbook.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed build (bad content, a template error at write time) leaves the previous site exactly as
 * it was, and a folder starbook did not build is never replaced; a good build is deterministic.
 * (Interrupted and killed builds: {@code hostile.InterruptedBuildTest}.)
 */
class FailedBuildTest {
  @TempDir Path tmp;

  @Test
  void twoBuildsOfTheSameContentAreByteIdentical() throws Exception {
    Path content = Path.of("content").toAbsolutePath();
    assertEquals(0, Run.build(tmp, content, tmp.resolve("a")).exit());
    assertEquals(0, Run.build(tmp, content, tmp.resolve("b")).exit());
    Map<String, String> a = Trees.hash(tmp.resolve("a"));
    long files = a.keySet().stream().filter(k -> !k.endsWith("/")).count();
    assertTrue(files > 100, "the guide builds to " + files + " files");
    assertEquals(a, Trees.hash(tmp.resolve("b")));
  }

  @Test
  void failedBuildLeavesThePreviousSiteUntouched() throws Exception {
    Path content = tmp.resolve("content");
    Trees.copy(FixtureSiteTest.CONTENT, content);
    Path site = tmp.resolve("site");
    assertEquals(0, Run.build(tmp, content, site).exit());
    Map<String, String> before = Trees.hash(site);
    Files.writeString(
        content.resolve("strategy/roadmap.md"),
        "---\ntitle: [unclosed\n---\nBroken [link](nowhere.md).\n");
    Run r = Run.build(tmp, content, site);
    assertEquals(1, r.exit());
    assertTrue(r.err().endsWith("build failed: 1 error(s); site/ was left as it was\n"), r.err());
    assertEquals(before, Trees.hash(site));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(
          java.util.List.of("content", "site"),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary folder is left");
    }
  }

  @Test
  void templateErrorAtWriteTimeAlsoLeavesTheSiteUntouched() throws Exception {
    Path templates = tmp.resolve("templates");
    Trees.copy(Run.TEMPLATES, templates);
    Path site = tmp.resolve("site");
    String[] args = {
      "build",
      "--content",
      FixtureSiteTest.CONTENT.toString(),
      "--templates",
      templates.toString(),
      "--out",
      site.toString()
    };
    assertEquals(0, Run.main(tmp, args).exit());
    Map<String, String> before = Trees.hash(site);
    Files.writeString(
        templates.resolve("page.peb"),
        "{% extends \"base.peb\" %}\n{% block content %}\n{{ pageTitel }}\n{% endblock %}\n");
    Run r = Run.main(tmp, args);
    assertEquals(1, r.exit());
    assertTrue(
        r.err().startsWith("templates/page.peb:3:4: error: no variable 'pageTitel' ("), r.err());
    assertEquals(before, Trees.hash(site));
  }

  @Test
  void refusesToReplaceAFolderItDidNotBuild() throws Exception {
    Path out = tmp.resolve("src");
    Files.createDirectories(out);
    Files.writeString(out.resolve("Important.java"), "class Important {}");
    Run r = Run.build(tmp, FixtureSiteTest.CONTENT, out);
    assertEquals(1, r.exit());
    assertTrue(
        r.err().contains("refusing to replace a folder that starbook did not build"), r.err());
    assertTrue(Files.exists(out.resolve("Important.java")));
  }
}
