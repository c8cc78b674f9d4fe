package io.github.starbook;

import io.github.starbook.assemble.GuideAssembler;
import io.github.starbook.assemble.Memo;
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
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build, step by step: load → validate → render → index → write. Each step lives in its own
 * package; this class only runs them in order, stops on errors and times them for --verbose.
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

  /**
   * What a long-running caller (starbook serve) keeps between builds of one content folder, so a
   * rebuild reads, parses and renders again only what changed. Tell it which content files changed
   * before each {@link #plan}; after {@link #rescan} the whole folder is read again. Used by one
   * thread at a time.
   */
  public static final class Reuse {
    private final Memo memo = new Memo();
    private ContentLoader.Loaded loaded;
    private Set<String> changed;
    private Guide guide;

    /**
     * Content files (paths inside the content folder, '/'-separated) changed since the last plan.
     */
    public void changed(Set<String> contentPaths) {
      if (changed != null) {
        changed.addAll(contentPaths);
      }
    }

    /** Something changed that a list of files cannot tell (folders moved, events lost). */
    public void rescan() {
      changed = null;
      guide = null;
    }

    /** Plan every page next time (the caller did not use the last plan, or templates changed). */
    public void replanAll() {
      guide = null;
    }

    ContentLoader.Loaded load(Path root, String display, Diagnostics d) {
      Diagnostics own = new Diagnostics();
      ContentLoader.Loaded next =
          loaded == null || changed == null
              ? null
              : new ContentLoader(root, display, own).reread(loaded, changed);
      if (next == null) {
        own = new Diagnostics();
        next = new ContentLoader(root, display, own).load();
      }
      List<Diagnostic> problems = own.sorted(false);
      d.addAll(problems);
      loaded = problems.isEmpty() ? next : null;
      changed = new TreeSet<>();
      return next;
    }
  }

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
   * load → validate → render → index, without writing: outputs produce their bytes when asked. With
   * {@code reuse} (may be null), unchanged files are not read, parsed or rendered again.
   */
  public Planned plan(Options o, Reuse reuse) throws BuildFailure {
    return plan(o, reuse, new Diagnostics(), new Timer(o.verbose()));
  }

  private Planned plan(Options o, Reuse reuse, Diagnostics d, Timer t) throws BuildFailure {
    ContentLoader.Loaded loaded =
        t.step(
            "load",
            () ->
                reuse == null
                    ? new ContentLoader(abs(o.content()), display(o.content()), d).load()
                    : reuse.load(abs(o.content()), display(o.content()), d));
    Guide guide =
        t.step(
            "validate",
            () ->
                new GuideAssembler(d, o.drafts(), reuse == null ? null : reuse.memo)
                    .assemble(loaded, o.baseUrl()));
    stopOnErrors(d, o.strict());

    List<Output> outputs = new ArrayList<>();
    boolean partial = false;
    try {
      Path templates = abs(o.templates());
      if (!Files.isDirectory(templates)) {
        d.error(
            display(o.templates()),
            1,
            1,
            "templates folder not found",
            "run starbook in the guide's folder, or pass --templates DIR");
        stopOnErrors(d, o.strict());
      }
      Templates engine = new Templates(templates, display(o.templates()));
      Set<String> only = reuse == null ? null : PagePlanner.affected(reuse.guide, guide);
      PagePlanner planner = new PagePlanner(guide, engine);
      outputs.addAll(
          t.step("render", () -> only == null ? planner.plan() : planner.plan(only::contains)));
      partial = only != null;
      outputs.addAll(
          t.step(
              "index",
              () -> {
                List<Output> extras =
                    new ArrayList<>(Extras.plan(guide, templates, display(o.templates())));
                extras.addAll(SearchPage.plan(guide, planner));
                return extras;
              }));
      outputs.addAll(t.step("study", () -> StudyPage.plan(guide, planner)));
    } catch (IOException e) {
      d.error(
          display(o.templates()),
          1,
          1,
          "cannot read templates: " + e.getMessage(),
          "check the templates folder");
    }
    OutputPlan.checkCollisions(outputs, d);
    stopOnErrors(d, o.strict());
    if (reuse != null) {
      reuse.guide = guide;
    }
    return new Planned(guide, outputs, d.sorted(false), partial);
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
