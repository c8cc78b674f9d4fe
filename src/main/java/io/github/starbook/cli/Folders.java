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
      description =
          "Your own templates and assets, each overriding the built-in theme's file of the same"
              + " name (default: templates, when it exists).")
  Path templates;
}
