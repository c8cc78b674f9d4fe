package io.github.starbook.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --content} and {@code --templates} options every site command takes. */
final class Folders {
  @Option(
      names = "--content",
      paramLabel = "DIR",
      defaultValue = "content",
      description = "Content folder (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      defaultValue = "templates",
      description = "Templates folder (default: ${DEFAULT-VALUE}).")
  Path templates;
}
