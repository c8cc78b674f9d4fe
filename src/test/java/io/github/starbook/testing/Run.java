package io.github.starbook.testing;

import io.github.starbook.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the starbook command line in-process and captures what it prints. */
public record Run(int exit, String out, String err) {
  /** The repository's own templates folder (tests run with the project root as working dir). */
  public static final Path TEMPLATES = Path.of("templates").toAbsolutePath();

  public static Run main(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            cwd,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Builds {@code content} with the project's templates into {@code out}. */
  public static Run build(Path cwd, Path content, Path out, String... extra) {
    String[] base = {
      "build",
      "--content",
      content.toString(),
      "--templates",
      TEMPLATES.toString(),
      "--out",
      out.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return main(cwd, args);
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }
}
