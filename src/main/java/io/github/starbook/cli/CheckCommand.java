package io.github.starbook.cli;

import io.github.starbook.Build;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code starbook check}: everything a build does, without writing the site. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Validate content and templates without writing anything.")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "Content folder (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
      description = "Templates folder (default: ${DEFAULT-VALUE}).")
  Path templates;

  @Option(names = "--drafts", description = "Also check questions marked draft: true.")
  boolean drafts;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Override
  public Integer call() {
    return BuildCommand.run(main,
        new Build.Options(content, templates, Path.of("site"), null, drafts, strict, false, false));
  }
}
