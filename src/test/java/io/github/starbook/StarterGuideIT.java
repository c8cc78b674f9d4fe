package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Trees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user with only Java and the release jar, in an empty folder outside the repository: the
 * README's "Start your own guide" commands, a template override, {@code theme eject} and {@code
 * serve}, each run as {@code java -jar starbook-VERSION.jar} (failsafe runs this after package).
 */
class StarterGuideIT {
  static final Path JAR = Path.of(System.getProperty("starbook.jar", "target/starbook.jar"));

  @TempDir static Path home;
  static Path jar;

  @BeforeAll
  static void copyTheJar() throws IOException {
    assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR);
    jar = Files.copy(JAR, home.resolve(JAR.getFileName()));
  }

  record Result(int exit, String out) {}

  static Result starbook(Path dir, String... args) throws Exception {
    return run(dir, jar, args);
  }

  static Result run(Path dir, Path jar, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "starbook " + String.join(" ", args));
    return new Result(p.exitValue(), out);
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The README's "Start your own guide" block, run command by command as a user would. */
  @Test
  void theReadmeCommandsWork() throws Exception {
    List<String> block = ReadmeTest.section("## Start your own guide");
    String name = jar.getFileName().toString();
    assertTrue(block.get(0).startsWith("java -jar " + name + " init "), block.get(0));
    Path dir = home.resolve("readme"); // the user's folder, where they downloaded the jar
    Files.createDirectories(dir);
    Files.copy(jar, dir.resolve(name));
    int ran = 0;
    for (String line : block) {
      if (line.startsWith("cd ")) {
        dir = dir.resolve(line.substring(3)).normalize();
        continue;
      }
      String[] words = ReadmeTest.split(line);
      assertEquals("java", words[0], line);
      Path jarAsWritten = dir.resolve(words[2]).normalize();
      assertTrue(Files.exists(jarAsWritten), line + ": no jar at " + jarAsWritten);
      String[] args = java.util.Arrays.copyOfRange(words, 3, words.length);
      if (args[0].equals("serve")) {
        assertServes(dir, jarAsWritten);
      } else {
        Result r = run(dir, jarAsWritten, args);
        assertEquals(0, r.exit(), line + "\n" + r.out());
      }
      ran++;
    }
    assertTrue(ran >= 5, "ran " + ran);
    assertTrue(Files.isRegularFile(dir.resolve("site/index.html")));
    assertTrue(Files.isRegularFile(dir.resolve("templates/base.peb")), "theme ejected");
  }

  @Test
  void initWritesAGuideThatPassesCheckStrictAndRefusesAFullFolder() throws Exception {
    Result init = starbook(home, "init", "fresh", "--repo", "https://github.com/jane/guide");
    assertEquals(0, init.exit(), init.out());
    Path guide = home.resolve("fresh");
    for (String f :
        List.of(
            "content/site.yaml",
            "content/_index.md",
            "content/basics/_index.md",
            "content/pages/how-to-prepare.md",
            ".gitignore",
            ".github/workflows/pages.yml",
            "README.md")) {
      assertTrue(Files.isRegularFile(guide.resolve(f)), f);
    }
    String yaml = Files.readString(guide.resolve("content/site.yaml"));
    assertTrue(yaml.contains("baseUrl: \"https://jane.github.io/guide/\""), yaml);
    String workflow = Files.readString(guide.resolve(".github/workflows/pages.yml"));
    String sha = Trees.sha256(jar);
    assertTrue(workflow.contains("STARBOOK_SHA256: \"" + sha + "\""), "pinned to this jar");
    Result check = starbook(guide, "check", "--strict");
    assertEquals(0, check.exit(), check.out());
    assertTrue(check.out().endsWith(": no errors\n"), check.out());

    Result again = starbook(home, "init", "fresh");
    assertEquals(1, again.exit(), again.out());
    assertTrue(again.out().contains("fresh is not an empty folder; nothing written"), again.out());
  }

  /** One overridden template changes its part of every page and nothing else. */
  @Test
  void anOverriddenTemplateChangesOnlyItsPart() throws Exception {
    assertEquals(0, starbook(home, "init", "own").exit());
    Path guide = home.resolve("own");
    assertEquals(0, starbook(guide, "build", "--out", "before").exit());
    assertEquals(
        0, starbook(guide, "theme", "eject", "--to", home.resolve("theme").toString()).exit());
    String base = Files.readString(home.resolve("theme/base.peb"));
    String footer = "<footer class=\"site-footer\">";
    assertTrue(base.contains(footer), "the built-in base.peb has the footer to change");
    Files.createDirectories(guide.resolve("templates"));
    Files.writeString(
        guide.resolve("templates/base.peb"),
        base.replace(footer, footer + "<p class=\"author\">By {{ site.params.author }}</p>"));
    Path yaml = guide.resolve("content/site.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("author: \"\"", "author: \"Jane Doe\""));
    Result r = starbook(guide, "build", "--out", "after");
    assertEquals(0, r.exit(), r.out());
    Map<String, String> before = pages(guide.resolve("before"));
    Map<String, String> after = pages(guide.resolve("after"));
    assertEquals(before.keySet(), after.keySet());
    for (String page : before.keySet()) {
      Document a = Jsoup.parse(before.get(page));
      Document b = Jsoup.parse(after.get(page));
      assertEquals("By Jane Doe", b.select("footer .author").text(), page);
      b.select("footer .author").remove();
      assertEquals(a.outerHtml(), b.outerHtml(), page + ": only the footer changed");
    }
  }

  @Test
  void anEjectedThemeIsCompleteAndBuildsTheSameSite() throws Exception {
    assertEquals(0, starbook(home, "init", "ejected").exit());
    Path guide = home.resolve("ejected");
    assertEquals(0, starbook(guide, "build", "--out", "builtin").exit());
    Result eject = starbook(guide, "theme", "eject");
    assertEquals(0, eject.exit(), eject.out());
    assertEquals(files(Path.of("templates")), files(guide.resolve("templates")));
    Result again = starbook(guide, "theme", "eject");
    assertTrue(again.out().contains("kept your templates/base.peb"), again.out());
    assertTrue(again.out().contains("copied 0 theme files"), again.out());
    assertEquals(0, starbook(guide, "build", "--out", "ejected-site").exit());
    assertEquals(Trees.hash(guide.resolve("builtin")), Trees.hash(guide.resolve("ejected-site")));
  }

  @Test
  void versionIsThePomsVersion() throws Exception {
    Result r = starbook(home, "--version");
    String version = jar.getFileName().toString().replaceAll("^starbook-|\\.jar$", "");
    assertTrue(r.out().startsWith("starbook " + version), r.out());
  }

  /** Starts {@code serve} on a free port, fetches the home page, stops it. */
  static void assertServes(Path dir, Path jar) throws Exception {
    List<String> cmd = List.of(java(), "-jar", jar.toString(), "serve", "--port", "0");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String address = null;
      for (String line; address == null && (line = out.readLine()) != null; ) {
        if (line.startsWith("serving http://")) {
          address = line.substring("serving ".length()).split(" ")[0];
        }
      }
      assertTrue(address != null, "serve printed its address");
      HttpClient http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(address)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("My interview guide"), page.body());
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  static Map<String, String> pages(Path site) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(site)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".html")).toList()) {
        out.put(site.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
