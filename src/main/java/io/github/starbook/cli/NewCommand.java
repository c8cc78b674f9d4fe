package io.github.starbook.cli;

import io.github.starbook.model.Placeholders;
import io.github.starbook.model.SectionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code starbook new category/slug}: writes a valid question skeleton. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = "Create a question file with valid front matter (never overwrites).")
final class NewCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "CATEGORY/SLUG", description = "e.g. strategy/tech-debt")
  String id;

  @Option(names = "--title", paramLabel = "TEXT", description = "The question as asked.")
  String title;

  @Option(names = "--star", description = "A behavioural question with STAR headings.")
  boolean star;

  @Option(
      names = "--content",
      paramLabel = "DIR",
      defaultValue = "content",
      description = "Content folder (default: ${DEFAULT-VALUE}).")
  Path content;

  @Override
  public Integer call() {
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*")) {
      main.err.println(
          "starbook new: '"
              + id
              + "' is not category/slug"
              + " (use lowercase letters, digits and hyphens, e.g. strategy/tech-debt)");
      return 2;
    }
    Path dir = main.cwd.resolve(content);
    Path file = dir.resolve(id + ".md");
    String display = main.cwd.relativize(file.toAbsolutePath().normalize()).toString();
    String category = id.substring(0, id.indexOf('/'));
    String heading =
        title != null ? title : (star ? "Tell me about a time when ..." : "How do you ...?");
    StringBuilder text = new StringBuilder();
    text.append("---\n");
    text.append("title: \"")
        .append(heading.replace("\\", "\\\\").replace("\"", "\\\""))
        .append("\"\n");
    text.append("format: ").append(star ? "star" : "answer").append('\n');
    text.append("tags: [").append(category).append("]\n");
    text.append("difficulty: intermediate\n");
    text.append("summary: \"").append(Placeholders.SUMMARY).append("\"\n");
    text.append("---\n");
    if (star) {
      for (SectionKind part : SectionKind.starParts()) {
        text.append("## ")
            .append(part.heading())
            .append("\n\n")
            .append(Placeholders.part(part.heading()))
            .append("\n\n");
      }
    } else {
      text.append(Placeholders.ANSWER).append("\n\n");
    }
    text.append("## Key points\n\n- ").append(Placeholders.KEY_POINT).append('\n');
    try {
      Files.createDirectories(file.getParent());
      Path index = dir.resolve(category).resolve("_index.md");
      if (!Files.exists(index)) {
        Files.writeString(
            index,
            "---\ntitle: \"" + category + "\"\n---\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW);
        main.out.println("created " + main.cwd.relativize(index.toAbsolutePath().normalize()));
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      main.err.println("starbook new: " + display + " already exists; not overwriting it");
      return 1;
    } catch (IOException e) {
      main.err.println("starbook new: cannot write " + display + ": " + e.getMessage());
      return 1;
    }
    main.out.println("created " + display);
    return 0;
  }
}
