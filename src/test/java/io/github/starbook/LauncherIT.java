package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./starbook} launcher in a fresh copy of the repository's tool (the launcher, the jar
 * and its lib/, as a clean clone has them after its first build): the first run writes the
 * class-data-sharing archive beside the jar, later runs start from it (picocli's classes too), a
 * newer jar gets a new archive, and the site is the same byte for byte with and without it.
 */
class LauncherIT {
  /** The JVM options of the launcher's builds, which the archive must have been made with. */
  static final List<String> OPTS =
      List.of(
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Xss4m",
          "-Xmn32m",
          "-XX:MaxRAMPercentage=50");

  @TempDir Path home;

  record Result(int exit, String out) {}

  Result run(Map<String, String> env, List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
    // The launcher runs the java on the PATH: make it this test's.
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().remove("STARBOOK_JAVA_OPTS");
    pb.environment().remove("STARBOOK_CDS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), String.join(" ", cmd));
    return new Result(p.exitValue(), out);
  }

  Result build(String out, Map<String, String> env) throws Exception {
    Path content = Path.of("content").toAbsolutePath();
    Result r =
        run(
            env,
            List.of(
                "./starbook", "build", "--content", content.toString(), "--out", out, "--strict"));
    assertEquals(0, r.exit(), r.out());
    return r;
  }

  @Test
  void writesTheArchiveOnceAndStartsFromIt() throws Exception {
    Path target = Files.createDirectories(home.resolve("target"));
    Files.copy(Path.of("starbook"), home.resolve("starbook"));
    assertTrue(home.resolve("starbook").toFile().setExecutable(true));
    Path jar = Files.copy(Path.of("target/starbook.jar"), target.resolve("starbook.jar"));
    Trees.copy(Path.of("target/lib"), target.resolve("lib"));
    Path jsa = target.resolve("starbook.jsa");

    build("site-first", Map.of());
    assertTrue(Files.isRegularFile(jsa), "the first run writes target/starbook.jsa");
    try (Stream<Path> s = Files.list(target)) {
      assertEquals(
          List.of(),
          s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".jsa.")).toList(),
          "no temporary files left beside the jar");
    }

    // The archive maps (-Xshare:on fails when it cannot) and holds picocli's old-bytecode classes.
    List<String> check = new ArrayList<>();
    check.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    check.addAll(OPTS);
    check.addAll(
        List.of(
            "-Xshare:on",
            "-XX:SharedArchiveFile=" + jsa,
            "-Xlog:class+load=info",
            "-jar",
            jar.toString(),
            "--help"));
    Result mapped = run(Map.of(), check);
    assertEquals(0, mapped.exit(), mapped.out());
    assertTrue(
        mapped.out().contains("picocli.CommandLine source: shared objects file"), mapped.out());
    assertTrue(mapped.out().contains("io.github.starbook.cli.Main source: shared objects file"));

    FileTime written = Files.getLastModifiedTime(jsa);
    build("site-archive", Map.of());
    assertEquals(written, Files.getLastModifiedTime(jsa), "a later run keeps the archive");
    build("site-plain", Map.of("STARBOOK_CDS", "0"));
    Map<String, String> first = Trees.hash(home.resolve("site-first"));
    assertEquals(first, Trees.hash(home.resolve("site-archive")));
    assertEquals(first, Trees.hash(home.resolve("site-plain")));

    // A rebuilt jar (newer than the archive) gets a new archive on its next run.
    FileTime older = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000);
    Files.setLastModifiedTime(jsa, older);
    build("site-new-jar", Map.of());
    assertTrue(
        Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) >= 0,
        "the archive is written again");
    assertEquals(first, Trees.hash(home.resolve("site-new-jar")));
  }
}
