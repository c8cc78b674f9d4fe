package io.github.starbook.cli;

import io.github.starbook.Build;
import io.github.starbook.diag.BuildFailure;
import io.github.starbook.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code starbook build}: validates the content and writes the site. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Build the site from content/ and templates/ into site/.")
final class BuildCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin Folders folders;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "site",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Published URL of the site; overrides baseUrl in site.yaml.")
  String baseUrl;

  @Option(names = "--drafts", description = "Also build questions marked draft: true.")
  boolean drafts;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Option(names = "--verbose", description = "Print the time of each build step.")
  boolean verbose;

  @Override
  public Integer call() {
    return run(
        main,
        new Build.Options(
            folders.content, folders.templates, out, baseUrl, drafts, strict, verbose, true));
  }

  static int run(Main main, Build.Options options) {
    Build build = new Build(main.cwd, main.out);
    try {
      Build.Result r = build.run(options);
      print(main, r.warnings());
      if (options.write()) {
        main.out.printf(
            "built %d pages in %.2f s → %s/%n",
            r.pages(), r.millis() / 1000.0, build.display(options.out()));
      } else {
        main.out.printf(
            "checked %d pages in %.2f s: no errors%s%n",
            r.pages(),
            r.millis() / 1000.0,
            r.warnings().isEmpty() ? "" : ", " + r.warnings().size() + " warning(s)");
      }
      return 0;
    } catch (BuildFailure f) {
      print(main, f.diagnostics());
      long errors =
          f.diagnostics().stream()
              .filter(d -> d.severity() == io.github.starbook.diag.Severity.ERROR)
              .count();
      main.err.printf(
          "%s failed: %d error(s)%s%n",
          options.write() ? "build" : "check",
          errors,
          options.write() ? "; " + build.display(options.out()) + "/ was left as it was" : "");
      return 1;
    }
  }

  private static void print(Main main, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      main.err.println(d.format());
    }
  }
}
