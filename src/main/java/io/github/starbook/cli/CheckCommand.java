package io.github.starbook.cli;

import io.github.starbook.Build;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code starbook check}: everything a build does, without writing the site. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Validate content and templates without writing anything.")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin Folders folders;

  @Option(names = "--drafts", description = "Also check questions marked draft: true.")
  boolean drafts;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Override
  public Integer call() {
    return BuildCommand.run(
        main,
        new Build.Options(
            folders.content,
            folders.templates,
            Path.of("site"),
            null,
            drafts,
            strict,
            false,
            false));
  }
}
