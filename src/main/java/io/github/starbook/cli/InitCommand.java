package io.github.starbook.cli;

import io.github.starbook.init.Starter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code starbook init DIR}: a new guide that builds at once and passes check --strict. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Start a new guide in DIR (a new or empty folder): content, workflow, README.")
final class InitCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "DIR", description = "The new guide's folder.")
  Path dir;

  @Option(names = "--title", paramLabel = "TEXT", description = "The guide's title.")
  String title;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Where it will be published (default: from --repo, else a placeholder).")
  String baseUrl;

  @Option(
      names = "--repo",
      paramLabel = "URL",
      description = "Its GitHub repository, e.g. https://github.com/you/guide (edit links).")
  String repo;

  @Override
  public Integer call() throws IOException {
    Path target = main.cwd.resolve(dir).toAbsolutePath().normalize();
    String shown = Main.shown(main.cwd, target);
    if (baseUrl != null && !baseUrl.matches("https?://[^\\s\"'<>]+")) {
      main.err.println(
          "starbook init: --base-url must be an http(s) URL, e.g. https://you.github.io/guide/");
      return 2;
    }
    if (repo != null && !repo.matches("https://[^\\s\"'<>]+")) {
      main.err.println(
          "starbook init: --repo must be an https URL, e.g. https://github.com/you/guide");
      return 2;
    }
    if (Files.exists(target) && !isEmptyFolder(target)) {
      main.err.println(
          "starbook init: "
              + shown
              + " is not an empty folder; nothing written (choose a new folder name)");
      return 1;
    }
    String version = Main.version();
    String sha = Starter.releaseJarSha256(version);
    Map<String, String> files =
        Starter.files(
            new Starter.Choices(
                title != null ? title : "My interview guide",
                Starter.baseUrl(baseUrl, repo, target.getFileName().toString()),
                repo,
                version,
                sha != null ? sha : "SET-THE-SHA-256-OF-starbook-" + version + ".jar"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = target.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }
    main.out.println("created a new guide in " + shown + " (" + files.size() + " files)");
    if (sha == null) {
      main.out.println(
          "note: not run from a release jar, so .github/workflows/pages.yml has no SHA-256 to"
              + " pin: set STARBOOK_SHA256 there from the release page");
    }
    main.out.println(
        "next: in "
            + shown
            + ", run 'java -jar starbook-"
            + version
            + ".jar serve' (the jar's"
            + " path as you have it) and open the address it prints");
    return 0;
  }

  private static boolean isEmptyFolder(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.findAny().isEmpty();
    }
  }
}
