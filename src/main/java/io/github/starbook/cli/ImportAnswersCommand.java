package io.github.starbook.cli;

import io.github.starbook.answers.AnswerExport;
import io.github.starbook.answers.AnswerFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code starbook import-answers FILE}: study mode's "My answers" export as content files. */
@Command(
    name = "import-answers",
    mixinStandardHelpOptions = true,
    description =
        "Turn a starbook-answers.json export (study mode, My answers) into question files"
            + " (never overwrites without --force).")
final class ImportAnswersCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "FILE", description = "The export, e.g. starbook-answers.json")
  Path file;

  @Option(
      names = "--content",
      paramLabel = "DIR",
      defaultValue = "content",
      description = "Content folder (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(names = "--force", description = "Overwrite question files that already exist.")
  boolean force;

  @Override
  public Integer call() {
    Path source = main.cwd.resolve(file);
    AnswerExport.Contents contents;
    try {
      contents = AnswerExport.parse(Files.readString(source, StandardCharsets.UTF_8));
    } catch (IOException e) {
      main.err.println(
          "starbook import-answers: cannot read " + Main.shown(main.cwd, source) + ": " + e);
      return 1;
    } catch (IllegalArgumentException e) {
      main.err.println(
          "starbook import-answers: " + Main.shown(main.cwd, source) + ": " + e.getMessage());
      return 1;
    }
    contents.skipped().forEach(s -> main.err.println("skipped " + s));
    List<AnswerFiles.Written> written;
    try {
      written = AnswerFiles.write(main.cwd.resolve(content), contents.answers(), force);
    } catch (IOException e) {
      main.err.println("starbook import-answers: cannot write: " + e.getMessage());
      return 1;
    }
    boolean kept = false;
    for (AnswerFiles.Written w : written) {
      String shown = Main.shown(main.cwd, w.file().toAbsolutePath().normalize());
      if (w.written()) {
        main.out.println("created " + shown + (w.note().isEmpty() ? "" : " (" + w.note() + ")"));
      } else {
        kept = true;
        main.err.println("starbook import-answers: " + shown + " " + w.note());
      }
    }
    return kept ? 1 : 0;
  }
}
