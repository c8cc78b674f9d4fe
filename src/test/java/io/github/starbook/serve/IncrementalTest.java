package io.github.starbook.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental rebuilds serve exactly what a full build of the same files writes, after any kind of
 * edit and after a burst of saves.
 */
class IncrementalTest {
  static final Pattern LIVE =
      Pattern.compile("<script src=\"/__starbook/live.js\" data-starbook-live[^>]*></script>\n");

  @TempDir Path tmp;

  private static String question(String title, String summary) {
    return "---\ntitle: \""
        + title
        + "\"\nformat: answer\ntags: [alpha]\n"
        + "difficulty: advanced\nsummary: \""
        + summary
        + "\"\n---\nThe answer.\n";
  }

  @Test
  void twentyRapidSavesEndInOneConsistentFinalState() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      String one = f.read("alpha/one.md");
      for (int i = 0; i < 20; i++) {
        switch (i % 4) {
          case 0 ->
              f.write(
                  "alpha/one.md",
                  one.replace("How do you answer question one?", "Save " + i + " of question one"));
          case 1 -> f.write("alpha/three.md", question("Save " + i + " of question three", "s"));
          case 2 -> {
            // An editor that saves by writing a temp file and renaming it over the original.
            Path temp = f.content.resolve("alpha/.two.md.tmp");
            Files.writeString(
                temp,
                f.read("alpha/two.md")
                    .replaceFirst("title: \".*\"", "title: \"Save " + i + " of question two\""));
            Files.move(
                temp,
                f.content.resolve("alpha/two.md"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          }
          default -> f.write("alpha/_index.md", "---\ntitle: \"Alpha " + i + "\"\norder: 1\n---\n");
        }
      }
      f.await(
          "/guide/alpha/",
          b ->
              b.contains("Save 16 of question one")
                  && b.contains("Save 17 of question three")
                  && b.contains("Save 18 of question two")
                  && b.contains("<h1>Alpha 19</h1>"));
      assertSameAsFullBuild(f);
      assertTrue(f.preview.errors().isEmpty(), f.log());
    }
  }

  @Test
  void everyKindOfEditServesWhatAFullBuildWrites() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      Fixture.Events events = f.events("?since=" + f.preview.generation());
      List<Runnable> edits =
          List.of(
              () -> write(f, "alpha/one.md", f, s -> s.replace("first version", "second version")),
              () ->
                  write(
                      f,
                      "alpha/one.md",
                      f,
                      s ->
                          s.replace("tags: [alpha, basics]", "tags: [basics]")
                              .replace(
                                  "How do you answer question one?", "Question one, renamed?")),
              () ->
                  write(
                      f,
                      "alpha/two.md",
                      f,
                      s ->
                          s.replace("related: [one]", "related: []")
                              .replace("The second question.", "Second, summarised again.")),
              () ->
                  write(
                      f,
                      "alpha/two.md",
                      f,
                      s ->
                          s.replace("question two", "question 2")
                              .replace("tags: [alpha]", "tags: [alpha, beta]")),
              () -> write(f, "alpha/four.md", f, s -> question("A new question four?", "Four.")),
              () -> delete(f, "alpha/draft.md"),
              () -> write(f, "site.yaml", f, s -> s.replace("Serve Fixture", "Renamed Fixture")));
      for (Runnable edit : edits) {
        edit.run();
        String e = events.next();
        assertTrue(e.startsWith("reload "), e + "\n" + f.log());
        assertSameAsFullBuild(f);
      }
    }
  }

  private static void write(
      Fixture f, String path, Fixture g, java.util.function.UnaryOperator<String> change) {
    try {
      Path p = f.content.resolve(path);
      f.write(path, change.apply(Files.exists(p) ? f.read(path) : ""));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Fixture f, String path) {
    try {
      Files.delete(f.content.resolve(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every file of a fresh full build is served with the same bytes (less the live script). */
  private void assertSameAsFullBuild(Fixture f) throws Exception {
    Path out = Files.createTempDirectory(tmp, "full-");
    Files.delete(out);
    Run r = Run.build(f.root, f.content, out, "--drafts");
    assertEquals(0, r.exit(), r.toString());
    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(files.size() > 10);
    Set<String> built = new TreeSet<>();
    for (Path p : files) {
      String rel = out.relativize(p).toString().replace('\\', '/');
      if (rel.startsWith(SHARDS)) { // the preview groups the shards into buckets: compared below
        built.addAll(shards(Files.readString(p)));
        continue;
      }
      if (rel.equals("sw.js")) { // lists those shard files; the preview never registers it
        continue;
      }
      HttpResponse<byte[]> served =
          f.http.send(
              HttpRequest.newBuilder(f.url("/guide/" + rel)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, served.statusCode(), rel);
      byte[] body = served.body();
      if (rel.endsWith(".html")) {
        body =
            LIVE.matcher(new String(body, StandardCharsets.UTF_8))
                .replaceFirst("")
                .getBytes(StandardCharsets.UTF_8);
      }
      if (rel.equals("assets/search/index.js")) {
        body =
            new String(body, StandardCharsets.UTF_8)
                .replace(BUCKETS, "")
                .getBytes(StandardCharsets.UTF_8);
      }
      assertArrayEquals(Files.readAllBytes(p), body, rel);
    }
    Set<String> served = new TreeSet<>();
    for (int b = 0; b < 64; b++) {
      served.addAll(shards(f.get("/guide/" + SHARDS + "h-" + b + ".js").body()));
    }
    assertEquals(built, served, "the same shards, grouped otherwise");
  }

  static final String SHARDS = "assets/search/t/";
  static final String BUCKETS = "\"buckets\":64,";

  /** The shard statements of a shard or bucket file, one a line. */
  private static List<String> shards(String js) {
    return js.lines().filter(l -> l.startsWith("StarbookSearchFiles.shard(")).toList();
  }
}
