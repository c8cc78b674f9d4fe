package io.github.starbook.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of {@link FuzzTarget}. {@link #fuzz} is a Jazzer fuzz test: in {@code mvn verify} it
 * replays its seed inputs (src/test/resources/io/github/starbook/hostile/HostileFuzzTestInputs/);
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=HostileFuzzTest#fuzz} runs coverage-guided fuzzing for
 * {@code maxDuration}. {@link #seededMutations} needs no native fuzzer: it mutates the seeds and
 * every hostile case's Markdown with a fixed random seed, {@code -Dfuzz.count=N} inputs (2,000 by
 * default; raise it for a longer run, change {@code -Dfuzz.seed} for other inputs).
 */
class HostileFuzzTest {
  private static final String[] TOKENS = {
    "---\n",
    "...\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\uFEFF",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!str ",
    "!!javax.script.ScriptEngineManager ",
    "!x ",
    "<<: ",
    "? ",
    "|\n",
    ">\n",
    "'",
    "\"",
    "#",
    "> ",
    "* ",
    "1. ",
    "```\n",
    "~~~",
    "    ",
    "## Situation\n",
    "## Task\n",
    "## Action\n",
    "## Result\n",
    "## Key points\n",
    "[x](",
    ")",
    "![i](",
    "<",
    ">",
    "](#",
    "javascript:",
    "JaVaScRiPt:",
    "java&#115;cript:",
    "data:text/html,",
    "vbscript:",
    "&#0;",
    "<script>",
    "<img src=x onerror=alert(1)>",
    "../",
    "missing.md",
    "good.md#key-points",
    "[^1]",
    "[^1]: note\n",
    "|a|b|\n|-|-|\n",
    "- [ ] ",
    "~~",
    "**",
    "__",
    "\\",
    "`",
    "\u0000",
    "\uD83D\uDE00",
    "title: ",
    "tags: ",
    "related: ",
    "order: ",
    "draft: ",
    "format: star\n"
  };

  @FuzzTest(maxDuration = "5m")
  void fuzz(byte[] data) {
    FuzzTarget.run(data);
  }

  @Test
  void seededMutations() throws IOException {
    List<byte[]> seeds = seeds();
    Random random = new Random(Long.getLong("fuzz.seed", 6L));
    int count = Integer.getInteger("fuzz.count", 2_000);
    for (int i = 0; i < count; i++) {
      byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
      try {
        FuzzTarget.run(input);
      } catch (Throwable t) {
        Path saved = Files.createTempFile("starbook-fuzz-", ".md");
        Files.write(saved, input);
        throw new AssertionError("input " + i + " (saved to " + saved + ") threw " + t, t);
      }
    }
  }

  static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (Path root :
        List.of(
            Path.of("src/test/resources/io/github/starbook/hostile"),
            Path.of("src/test/resources/hostile"))) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
          if (p.toString().endsWith(".md")
              || p.getParent().getFileName().toString().equals("fuzz")) {
            seeds.add(Files.readAllBytes(p));
          }
        }
      }
    }
    return seeds;
  }

  static byte[] mutate(byte[] seed, List<byte[]> seeds, Random r) {
    byte[] b = seed.clone();
    int steps = 1 + r.nextInt(8);
    for (int s = 0; s < steps; s++) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      switch (r.nextInt(6)) {
        case 0 -> { // flip a byte
          if (b.length > 0) {
            b[Math.min(at, b.length - 1)] = (byte) r.nextInt(256);
          }
        }
        case 1, 2 ->
            b =
                insert(
                    b,
                    at,
                    TOKENS[r.nextInt(TOKENS.length)]
                        .repeat(r.nextInt(10) == 0 ? 1 + r.nextInt(300) : 1)
                        .getBytes(StandardCharsets.UTF_8));
        case 3 -> { // delete a range
          int len = Math.min(b.length - Math.min(at, b.length), r.nextInt(40));
          byte[] c = new byte[b.length - len];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + len, c, at, b.length - at - len);
          b = c;
        }
        case 4 -> { // duplicate a range
          int len = Math.min(b.length - Math.min(at, b.length), r.nextInt(80));
          byte[] piece = new byte[len];
          System.arraycopy(b, at, piece, 0, len);
          b = insert(b, at, piece);
        }
        default -> { // splice in part of another seed
          byte[] other = seeds.get(r.nextInt(seeds.size()));
          int from = other.length == 0 ? 0 : r.nextInt(other.length);
          int len = Math.min(other.length - from, r.nextInt(200));
          byte[] piece = new byte[len];
          System.arraycopy(other, from, piece, 0, len);
          b = insert(b, at, piece);
        }
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, int at, byte[] piece) {
    byte[] c = new byte[b.length + piece.length];
    System.arraycopy(b, 0, c, 0, at);
    System.arraycopy(piece, 0, c, at, piece.length);
    System.arraycopy(b, at, c, at + piece.length, b.length - at);
    return c;
  }
}
