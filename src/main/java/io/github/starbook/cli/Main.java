package io.github.starbook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code starbook} command. {@link #run} takes its streams and returns the exit code. */
@Command(
    name = "starbook",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds a searchable study guide from Markdown questions.",
    subcommands = {
      BuildCommand.class,
      CheckCommand.class,
      NewCommand.class,
      ServeCommand.class,
      InitCommand.class,
      ThemeCommand.class,
      ImportAnswersCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
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
    CommandLine cl = new CommandLine(new Main(cwd, out, err));
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

  @Override
  public void run() {
    new CommandLine(this).usage(out);
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
