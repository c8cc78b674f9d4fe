package io.github.starbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files editors write beside the one being saved (sed -i, vim, Emacs, JetBrains…) start no
 * rebuild, natively watched or polled; the save itself still does.
 */
class EditorFilesTest {
  static final List<String> TEMPORARY =
      List.of(
          "sedAbc123",
          "sedXXXXXX",
          ".one.md.swp",
          ".one.md.swx",
          ".one.md.swo",
          "one.md.swp",
          "one.md~",
          "#one.md#",
          ".#one.md",
          "one.md___jb_tmp___",
          "one.md___jb_old___",
          "4913",
          "5036",
          ".one.md.kate-swp",
          ".goutputstream-AB12CD");

  @TempDir Path tmp;

  @Test
  void editorTemporaryFilesAreKnownByName() {
    for (String name : TEMPORARY) {
      assertTrue(Watcher.editorTemporary(Path.of("content/strategy", name)), name);
    }
    for (String name :
        List.of(
            "one.md",
            "sed.md",
            "sedation.md",
            "sedAbc12",
            "sedAbc1234",
            "site.yaml",
            "swap.md",
            "notes.swf.md",
            "2024",
            "4914",
            "style.css",
            "logo.svg",
            "_index.md",
            "a#b.md")) {
      assertFalse(Watcher.editorTemporary(Path.of("content/strategy", name)), name);
    }
    assertFalse(Watcher.editorTemporary(Path.of("/")), "a root has no name");
  }

  @ParameterizedTest(name = "poll={0}")
  @ValueSource(booleans = {false, true})
  void writingChangingAndDeletingThemStartsNoRebuildButTheSaveDoes(boolean poll) throws Exception {
    try (Fixture f = new Fixture(tmp, true, poll)) {
      long generation = f.preview.generation();
      Fixture.Events events = f.events("?since=" + generation);
      Path alpha = f.content.resolve("alpha");
      String good = f.read("alpha/one.md");
      for (String name : TEMPORARY) {
        if (name.startsWith(".#")) {
          // Emacs's lock file: a symbolic link to user@host.pid that points nowhere.
          Files.createSymbolicLink(alpha.resolve(name), Path.of("someone@host.1234"));
        } else {
          Files.writeString(alpha.resolve(name), good.replace("first version", "draft"));
        }
      }
      Thread.sleep(poll ? 600 : 400);
      for (String name : TEMPORARY) {
        if (!name.startsWith(".#")) {
          Files.writeString(alpha.resolve(name), good.replace("first version", "draft 2"));
        }
      }
      Thread.sleep(poll ? 600 : 400);
      for (String name : TEMPORARY) {
        Files.delete(alpha.resolve(name));
      }
      Thread.sleep(poll ? 600 : 400);
      assertEquals(generation, f.preview.generation(), f.log());
      assertFalse(f.log().contains("rebuilt"), f.log());

      f.write("alpha/one.md", good.replace("first version", "saved version"));
      assertEquals("reload " + (generation + 1), events.next());
      Pattern rebuilt = Pattern.compile("(?m)^rebuilt in .*\n");
      long end = System.nanoTime() + Fixture.WAIT.toNanos();
      while (!rebuilt.matcher(f.log()).find() && System.nanoTime() < end) {
        Thread.sleep(20); // the line is printed just after the reload is sent
      }
      Matcher m = rebuilt.matcher(f.log());
      assertTrue(m.find(), f.log());
      assertTrue(m.group().contains("(alpha/one.md)"), m.group());
      assertFalse(m.find(), "one rebuild only:\n" + f.log());
      assertTrue(f.get("/guide/alpha/one/").body().contains("saved version"));
    }
  }
}
