package io.github.starbook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code starbook} command. {@link #run} takes its streams and returns the exit code. */
@Command(
    name = "starbook",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds a searchable study guide from Markdown questions.")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order the help lists them. picocli reads a command's annotations by
   * reflection when it is added, so {@link #run} adds only the one named first on the command line
   * ({@code starbook build --help}: 0.38 → 0.34 s of CPU), and all of them for anything else (help,
   * a mistyped name, no arguments), where the usage text and suggestions need every name.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("build", BuildCommand::new);
    SUBCOMMANDS.put("check", CheckCommand::new);
    SUBCOMMANDS.put("new", NewCommand::new);
    SUBCOMMANDS.put("serve", ServeCommand::new);
    SUBCOMMANDS.put("init", InitCommand::new);
    SUBCOMMANDS.put("theme", ThemeCommand::new);
    SUBCOMMANDS.put("import-answers", ImportAnswersCommand::new);
    SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  final Path cwd;
  final PrintStream out;
  final PrintStream err;

  Main(Path cwd, PrintStream out, PrintStream err) {
    this.cwd = cwd;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, Path.of("").toAbsolutePath(), out, err));
  }

  /** Runs the command line: 0 on success, 1 when the content has errors, 2 on a usage error. */
  public static int run(String[] args, Path cwd, PrintStream out, PrintStream err) {
    CommandLine cl = commandLine(new Main(cwd, out, err), args.length > 0 ? args[0] : null);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(
        (e, line, parse) -> {
          err.println("starbook: internal error: " + e);
          e.printStackTrace(err);
          return 70;
        });
    return cl.execute(args);
  }

  /** The command line with the subcommand {@code first} names, or with all of them. */
  static CommandLine commandLine(Main main, String first) {
    CommandLine cl = new CommandLine(main);
    Supplier<Object> only = "help".equals(first) ? null : SUBCOMMANDS.get(first);
    if (only != null) {
      cl.addSubcommand(first, only.get());
    } else {
      SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }
    return cl;
  }

  @Override
  public void run() {
    commandLine(this, null).usage(out);
  }

  /** A path as messages show it: relative to the working directory, "." for itself. */
  static String shown(Path cwd, Path path) {
    String s = cwd.relativize(path).toString();
    return s.isEmpty() ? "." : s;
  }

  /** What the build wrote into starbook.properties: version, and the git commit (may be ""). */
  static Properties buildInfo() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/starbook.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return p;
  }

  /** starbook's version, e.g. 0.2.0 ("dev" when the build wrote none). */
  static String version() throws IOException {
    return buildInfo().getProperty("version", "dev");
  }

  /** The version, with the git commit when the build was given it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      String commit = buildInfo().getProperty("commit", "").strip();
      return new String[] {"starbook " + version() + (commit.isEmpty() ? "" : " (" + commit + ")")};
    }
  }
}
