package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import io.github.starbook.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README honest: its first commands are the two set-up commands CI runs, and every {@code
 * ./starbook} command it shows runs successfully here (in a copy of the project).
 */
class ReadmeTest {
  @TempDir Path tmp;

  /** The commands of the first shell block under a heading (e.g. "## Start your own guide"). */
  static List<String> section(String heading) throws IOException {
    String text = Files.readString(Path.of("README.md"));
    int at = text.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, "README has no section " + heading);
    int open = text.indexOf("\n```sh\n", at);
    int close = text.indexOf("\n```\n", open + 1);
    List<String> commands = new ArrayList<>();
    for (String line : text.substring(open + 7, close).split("\n")) {
      String cmd = line.replaceAll("\\s+#.*$", "").strip();
      if (!cmd.isEmpty()) {
        commands.add(cmd);
      }
    }
    return commands;
  }

  static List<List<String>> shellBlocks() throws IOException {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.equals("```sh")) {
        current = new ArrayList<>();
      } else if (line.equals("```") && current != null) {
        blocks.add(current);
        current = null;
      } else if (current != null) {
        String cmd = line.replaceAll("\\s+#.*$", "").strip();
        if (!cmd.isEmpty()) {
          current.add(cmd);
        }
      }
    }
    return blocks;
  }

  @Test
  void firstCommandsAreTheTwoSetUpCommandsThatCiRuns() throws IOException {
    assertEquals(List.of("./starbook build", "mvn verify"), shellBlocks().get(0));
    String ci = Files.readString(Path.of(".ci/run"));
    assertTrue(ci.contains("\n./starbook build\n"), ci);
    assertTrue(ci.contains("mvn -B -ntp verify"), ci);
  }

  @Test
  void everyStarbookCommandInTheReadmeRuns() throws IOException {
    Trees.copy(Path.of("content"), tmp.resolve("content"));
    Trees.copy(Path.of("templates"), tmp.resolve("templates"));
    int ran = 0;
    for (List<String> block : shellBlocks()) {
      for (String cmd : block) {
        if (!cmd.startsWith("./starbook ") || cmd.startsWith("./starbook serve")) {
          continue;
        }
        Run r = Run.main(tmp, split(cmd.substring("./starbook ".length())));
        assertEquals(0, r.exit(), cmd + "\n" + r);
        ran++;
      }
    }
    assertTrue(ran >= 7, "ran " + ran + " README commands");
  }

  @Test
  void benchmarkScriptsInTheReadmeExistAndAnswerHelp() throws Exception {
    int checked = 0;
    for (List<String> block : shellBlocks()) {
      for (String cmd : block) {
        if (!cmd.startsWith("bench/")) {
          continue;
        }
        String script = cmd.split(" ")[0];
        Process p = new ProcessBuilder("bash", script, "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), script + " --help\n" + out);
        assertTrue(out.contains(script + " "), out);
        checked++;
      }
    }
    assertTrue(checked >= 1, "the README shows how to run the benchmark");
  }

  /** Splits a command line at spaces, keeping "double-quoted" words together. */
  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (!word.isEmpty()) {
          out.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      out.add(word.toString());
    }
    return out.toArray(String[]::new);
  }
}
