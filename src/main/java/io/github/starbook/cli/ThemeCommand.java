package io.github.starbook.cli;

import io.github.starbook.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code starbook theme}: the built-in theme. */
@Command(
    name = "theme",
    mixinStandardHelpOptions = true,
    description = "The built-in theme.",
    subcommands = {ThemeCommand.Eject.class})
final class ThemeCommand implements Runnable {
  @ParentCommand Main main;

  @Override
  public void run() {
    new CommandLine(this).usage(main.out);
  }

  /** {@code starbook theme eject}: copies the built-in theme out, never overwriting a file. */
  @Command(
      name = "eject",
      mixinStandardHelpOptions = true,
      description =
          "Copy the built-in theme into DIR (default: templates) to change all of it."
              + " Files already there are kept, never overwritten.")
  static final class Eject implements Callable<Integer> {
    @ParentCommand ThemeCommand theme;

    @Option(
        names = "--to",
        paramLabel = "DIR",
        defaultValue = "templates",
        description = "Where to copy it (default: ${DEFAULT-VALUE}).")
    Path to;

    @Override
    public Integer call() throws IOException {
      Main main = theme.main;
      Path target = main.cwd.resolve(to).toAbsolutePath().normalize();
      String shown = Main.shown(main.cwd, target);
      List<String> kept = new ArrayList<>();
      int copied = 0;
      for (Map.Entry<String, Path> f : Theme.builtInFiles().entrySet()) {
        Path p = target.resolve(f.getKey());
        if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          kept.add(f.getKey());
          continue;
        }
        Files.createDirectories(p.getParent());
        Files.copy(f.getValue(), p);
        copied++;
      }
      for (String k : kept) {
        main.out.println("kept your " + shown + "/" + k);
      }
      main.out.println("copied " + copied + " theme files to " + shown + "/");
      return 0;
    }
  }
}
