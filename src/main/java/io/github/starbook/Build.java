package io.github.starbook;

import io.github.starbook.assemble.GuideAssembler;
import io.github.starbook.content.ContentLoader;
import io.github.starbook.diag.BuildFailure;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Output;
import io.github.starbook.output.Extras;
import io.github.starbook.output.OutputPlan;
import io.github.starbook.output.SearchPage;
import io.github.starbook.output.SiteWriter;
import io.github.starbook.output.StudyPage;
import io.github.starbook.render.PagePlanner;
import io.github.starbook.render.Templates;
import io.github.starbook.render.Theme;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The build, step by step: read → assemble (compile each file) → render → output → write. Each step
 * lives in the package of its name; this class only runs them in order, stops on errors and times
 * them for --verbose.
 */
public final class Build {
  /** What to build and how. {@code write=false} is {@code starbook check}. */
  public record Options(
      Path content,
      Path templates,
      Path out,
      String baseUrl,
      boolean drafts,
      boolean strict,
      boolean verbose,
      boolean write) {}

  /** A successful build: how many pages and files, how long, and the warnings. */
  public record Result(int pages, int files, long millis, List<Diagnostic> warnings) {}

  private final Path cwd;
  private final PrintStream log;

  public Build(Path cwd, PrintStream log) {
    this.cwd = cwd.toAbsolutePath().normalize();
    this.log = log;
  }

  /**
   * The site planned but not written. With {@code partial}, {@code outputs} holds only the pages an
   * edit may have changed (plus the files beside the pages); every other page is as last time.
   */
  public record Planned(
      Guide guide, List<Output> outputs, List<Diagnostic> warnings, boolean partial) {}

  public Result run(Options o) throws BuildFailure {
    long start = System.nanoTime();
    Diagnostics d = new Diagnostics();
    Timer t = new Timer(o.verbose());
    List<Output> outputs = plan(o, null, d, t).outputs();

    int pages = (int) outputs.stream().filter(x -> x.path().endsWith(".html")).count();
    Progress progress = new Progress(log, pages, outputs.size());
    t.step(
        "write",
        () -> {
          if (o.write()) {
            SiteWriter.write(abs(o.out()), display(o.out()), outputs, d, progress);
          } else {
            for (Output out : outputs) {
              try {
                out.producer().write(OutputStream.nullOutputStream());
              } catch (Output.ProduceError e) {
                d.add(e.diagnostic());
              }
            }
          }
          return null;
        });
    stopOnErrors(d, o.strict());
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Result(pages, outputs.size(), millis, d.sorted(false));
  }

  /**
   * read → assemble (each file compiled) → render → output, without writing: outputs produce their
   * bytes when asked. With {@code reuse} (may be null), unchanged files are not read, parsed or
   * rendered again.
   */
  public Planned plan(Options o, Reuse reuse) throws BuildFailure {
    return plan(o, reuse, new Diagnostics(), new Timer(o.verbose()));
  }

  private Planned plan(Options o, Reuse reuse, Diagnostics d, Timer t) throws BuildFailure {
    ContentLoader.Loaded loaded = t.step("read", () -> read(o, reuse, d));
    Guide guide = t.step("assemble", () -> assemble(loaded, o, reuse, d));
    stopOnErrors(d, o.strict());
    Theme theme = theme(o, d);
    PagePlanner planner = new PagePlanner(guide, templates(theme));
    Set<String> only = reuse == null ? null : PagePlanner.affected(reuse.guide, guide);
    List<Output> outputs = new ArrayList<>();
    outputs.addAll(
        t.step("render", () -> only == null ? planner.plan() : planner.plan(only::contains)));
    outputs.addAll(t.step("output", () -> output(guide, planner, theme, reuse != null)));
    OutputPlan.checkCollisions(outputs, d);
    stopOnErrors(d, o.strict());
    if (reuse != null) {
      reuse.guide = guide;
    }
    return new Planned(guide, outputs, d.sorted(false), only != null);
  }

  private ContentLoader.Loaded read(Options o, Reuse reuse, Diagnostics d) {
    Path content = abs(o.content());
    return reuse == null
        ? new ContentLoader(content, display(o.content()), d).load()
        : reuse.load(content, display(o.content()), d);
  }

  private static Guide assemble(
      ContentLoader.Loaded loaded, Options o, Reuse reuse, Diagnostics d) {
    return new GuideAssembler(d, o.drafts(), reuse == null ? null : reuse.memo)
        .assemble(loaded, o.baseUrl());
  }

  /**
   * The theme: the built-in one, overridden file by file by the guide's templates folder (the
   * {@code --templates} folder, else {@code templates} when it exists).
   */
  private Theme theme(Options o, Diagnostics d) throws BuildFailure {
    Path own = abs(o.templates() == null ? Path.of("templates") : o.templates());
    boolean exists = Files.isDirectory(own);
    if (!exists && o.templates() != null) {
      d.error(
          display(o.templates()),
          1,
          1,
          "templates folder not found",
          "pass an existing folder, or leave out --templates to use the built-in theme");
      stopOnErrors(d, o.strict());
    }
    try {
      return new Theme(exists ? own : null, display(own));
    } catch (IOException e) {
      throw new BuildFailure(
          List.of(
              Diagnostic.error(
                  display(own),
                  1,
                  1,
                  "cannot read templates: " + e.getMessage(),
                  "check the templates folder")));
    }
  }

  private static Templates templates(Theme theme) throws BuildFailure {
    try {
      return new Templates(theme);
    } catch (IOException e) {
      throw new BuildFailure(
          List.of(
              Diagnostic.error(
                  ".",
                  1,
                  1,
                  "cannot read templates: " + e.getMessage(),
                  "check the templates folder")));
    }
  }

  /**
   * The files beside the pages: assets, sitemap, search and study data and pages; {@code preview}
   * for the live preview (which rebuilds on every save and produces files only when asked).
   */
  private static List<Output> output(Guide guide, PagePlanner planner, Theme theme, boolean preview)
      throws IOException {
    List<Output> out = new ArrayList<>(Extras.plan(guide, theme));
    out.addAll(SearchPage.plan(guide, planner, preview));
    out.addAll(StudyPage.plan(guide, planner));
    out.addAll(io.github.starbook.output.Offline.plan(guide, planner, theme, out));
    return out;
  }

  private static void stopOnErrors(Diagnostics d, boolean strict) throws BuildFailure {
    if (d.hasErrors(strict)) {
      throw new BuildFailure(d.sorted(strict));
    }
  }

  private Path abs(Path p) {
    return cwd.resolve(p).normalize();
  }

  /** A path as the writer sees it: relative to the working directory. */
  public String display(Path p) {
    Path a = abs(p);
    String s = a.startsWith(cwd) ? cwd.relativize(a).toString() : a.toString();
    return s.isEmpty() ? "." : s.replace('\\', '/');
  }

  /** One step of the pipeline, which may fail with an I/O error. */
  private interface Step<T> {
    T run() throws IOException;
  }

  private final class Timer {
    private final boolean verbose;

    Timer(boolean verbose) {
      this.verbose = verbose;
    }

    <T> T step(String name, Step<T> step) throws BuildFailure {
      long t0 = System.nanoTime();
      try {
        return step.run();
      } catch (IOException e) {
        throw new BuildFailure(
            List.of(
                Diagnostic.error(
                    ".",
                    1,
                    1,
                    name + " failed: " + e.getMessage(),
                    "check files and permissions")));
      } finally {
        if (verbose) {
          log.printf("  %-9s %6.1f ms%n", name, (System.nanoTime() - t0) / 1e6);
        }
      }
    }
  }

  /** Prints a progress line now and then on large builds. */
  private record Progress(PrintStream log, int pages, int files)
      implements java.util.function.IntConsumer {
    @Override
    public void accept(int done) {
      if (files >= 500 && done % (files / 4) == 0 && done < files) {
        log.printf("  wrote %d/%d files%n", done, files);
      }
    }
  }
}
