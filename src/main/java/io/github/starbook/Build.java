package io.github.starbook;

import io.github.starbook.content.ContentLoader;
import io.github.starbook.diag.BuildFailure;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Guide;
import io.github.starbook.render.PagePlanner;
import io.github.starbook.render.Templates;
import io.github.starbook.search.SearchPage;
import io.github.starbook.site.Extras;
import io.github.starbook.site.Output;
import io.github.starbook.site.OutputPlan;
import io.github.starbook.site.SiteWriter;
import io.github.starbook.study.Study;
import io.github.starbook.validate.GuideAssembler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build, step by step: load → validate → render → index → write. Each step lives in its own
 * package; this class only runs them in order, stops on errors and times them for --verbose.
 */
public final class Build {
  /** What to build and how. {@code write=false} is {@code starbook check}. */
  public record Options(
      Path content, Path templates, Path out, String baseUrl, boolean drafts, boolean strict,
      boolean verbose, boolean write) {}

  /** A successful build: how many pages and files, how long, and the warnings. */
  public record Result(int pages, int files, long millis, List<Diagnostic> warnings) {}

  private final Path cwd;
  private final PrintStream log;

  public Build(Path cwd, PrintStream log) {
    this.cwd = cwd.toAbsolutePath().normalize();
    this.log = log;
  }

  public Result run(Options o) throws BuildFailure {
    long start = System.nanoTime();
    Diagnostics d = new Diagnostics();
    Timer t = new Timer(o.verbose());

    ContentLoader.Loaded loaded =
        t.step("load", () -> new ContentLoader(abs(o.content()), display(o.content()), d).load());
    Guide guide =
        t.step("validate", () -> new GuideAssembler(d, o.drafts()).assemble(loaded, o.baseUrl()));
    stopOnErrors(d, o.strict());

    List<Output> outputs = new ArrayList<>();
    try {
      Path templates = abs(o.templates());
      if (!Files.isDirectory(templates)) {
        d.error(display(o.templates()), 1, 1, "templates folder not found",
            "run starbook in the guide's folder, or pass --templates DIR");
        stopOnErrors(d, o.strict());
      }
      Templates engine = new Templates(templates, display(o.templates()));
      PagePlanner planner = new PagePlanner(guide, engine);
      outputs.addAll(t.step("render", planner::plan));
      outputs.addAll(t.step("index", () -> {
        List<Output> extras = new ArrayList<>(Extras.plan(guide, templates, display(o.templates())));
        extras.addAll(SearchPage.plan(guide, planner));
        return extras;
      }));
      outputs.addAll(t.step("study", () -> Study.plan(guide, planner)));
    } catch (IOException e) {
      d.error(display(o.templates()), 1, 1, "cannot read templates: " + e.getMessage(),
          "check the templates folder");
    }
    OutputPlan.checkCollisions(outputs, d);
    stopOnErrors(d, o.strict());

    int pages = (int) outputs.stream().filter(x -> x.path().endsWith(".html")).count();
    Progress progress = new Progress(log, pages, outputs.size());
    t.step("write", () -> {
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
        throw new BuildFailure(List.of(Diagnostic.error(".", 1, 1,
            name + " failed: " + e.getMessage(), "check files and permissions")));
      } finally {
        if (verbose) {
          log.printf("  %-9s %6.1f ms%n", name, (System.nanoTime() - t0) / 1e6);
        }
      }
    }
  }

  /** Prints a progress line now and then on large builds. */
  private record Progress(PrintStream log, int pages, int files) implements java.util.function.IntConsumer {
    @Override
    public void accept(int done) {
      if (files >= 500 && done % (files / 4) == 0 && done < files) {
        log.printf("  wrote %d/%d files%n", done, files);
      }
    }
  }
}
