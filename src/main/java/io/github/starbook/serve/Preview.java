package io.github.starbook.serve;

import io.github.starbook.Build;
import io.github.starbook.Reuse;
import io.github.starbook.diag.BuildFailure;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.diag.Severity;
import io.github.starbook.model.Output;
import io.github.starbook.output.SiteWriter;
import io.github.starbook.render.PagePlanner;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@code starbook serve}: builds the site into memory, serves it, watches content and templates,
 * rebuilds what changed and tells open pages to reload. One thread rebuilds; saves that arrive
 * while it works are gathered into the next rebuild, so any burst of saves ends in one build of the
 * final files.
 */
public final class Preview implements AutoCloseable {
  /** How to preview. {@code out} (may be null) also receives every good build. */
  public record Config(
      Path content,
      Path templates,
      String baseUrl,
      boolean drafts,
      InetAddress bind,
      int port,
      boolean poll,
      long pollMillis,
      Path out,
      boolean verbose) {}

  /**
   * How long the files must stay quiet before a rebuild starts (an editor's save is several
   * writes).
   */
  static final long QUIET_MILLIS = 15;

  private final Config config;
  private final Build build;
  private final PrintStream log;
  private final Reuse reuse = new Reuse();
  private final Path content;
  private final Path templates;
  private final DevServer server;
  private final Watcher watcher;
  private final Thread rebuilder;
  private final Object lock = new Object();
  private final Set<String> changedContent = new TreeSet<>();
  private final Set<String> changedTemplates = new TreeSet<>();
  private boolean rescan;
  private boolean pending;
  private long lastChange;
  private volatile boolean running = true;

  private Preview(Config config, Path cwd, PrintStream log) throws IOException {
    this.config = config;
    this.build = new Build(cwd, log);
    this.log = log;
    this.content = cwd.resolve(config.content()).toAbsolutePath().normalize();
    this.templates =
        cwd.resolve(config.templates() == null ? Path.of("templates") : config.templates())
            .toAbsolutePath()
            .normalize();
    this.server = DevServer.start(config.bind(), config.port(), "/");
    boolean ok = false;
    try {
      this.watcher =
          Watcher.start(
              Files.isDirectory(templates) ? List.of(content, templates) : List.of(content),
              config.poll(),
              config.pollMillis(),
              this::changed);
      ok = true;
    } finally {
      if (!ok) {
        server.close();
      }
    }
    rebuild(Set.of(), Set.of(), true);
    this.rebuilder = new Thread(this::loop, "starbook-rebuild");
    rebuilder.setDaemon(true);
    rebuilder.start();
  }

  /**
   * Builds the site once and starts serving and watching. Throws {@link java.net.BindException}
   * when the port is taken. A build with errors still starts: the pages show the errors.
   */
  public static Preview start(Config config, Path cwd, PrintStream log) throws IOException {
    return new Preview(config, cwd.toAbsolutePath().normalize(), log);
  }

  /** The address of the site's home page. */
  public URI url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** The number of successful builds so far (the first one is 1). */
  public long generation() {
    return server.state().generation();
  }

  /** The errors of the last build, empty when it succeeded. */
  public List<Diagnostic> errors() {
    return server.state().errors();
  }

  @Override
  public void close() {
    running = false;
    rebuilder.interrupt();
    watcher.close();
    server.close();
    try {
      rebuilder.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void changed(Path file) {
    synchronized (lock) {
      if (file == null) {
        rescan = true;
      } else if (file.startsWith(content)) {
        changedContent.add(content.relativize(file).toString().replace('\\', '/'));
      } else if (file.startsWith(templates)) {
        changedTemplates.add(templates.relativize(file).toString().replace('\\', '/'));
      } else {
        return;
      }
      pending = true;
      lastChange = System.nanoTime();
      lock.notifyAll();
    }
  }

  private void loop() {
    while (running) {
      Set<String> contentBatch;
      Set<String> templateBatch;
      boolean full;
      try {
        synchronized (lock) {
          while (!pending) {
            lock.wait();
          }
          long quiet;
          while ((quiet = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastChange))
              < QUIET_MILLIS) {
            lock.wait(QUIET_MILLIS - quiet);
          }
          contentBatch = new TreeSet<>(changedContent);
          templateBatch = new TreeSet<>(changedTemplates);
          full = rescan;
          changedContent.clear();
          changedTemplates.clear();
          rescan = false;
          pending = false;
        }
      } catch (InterruptedException e) {
        return;
      }
      try {
        rebuild(contentBatch, templateBatch, full);
      } catch (RuntimeException e) {
        log.println("starbook serve: rebuild failed: " + e);
        server.fail(
            List.of(
                Diagnostic.error(
                    ".",
                    1,
                    1,
                    "rebuild failed: " + e,
                    "save the file again; restart starbook serve if this repeats")));
      }
    }
  }

  private void rebuild(Set<String> contentBatch, Set<String> templateBatch, boolean full) {
    long t0 = System.nanoTime();
    Build.Planned planned = plan(contentBatch, templateBatch, full);
    if (planned == null) {
      return;
    }
    State old = server.state();
    Map<String, Entry> files = planned.partial() ? new HashMap<>(old.files()) : new HashMap<>();
    Map<String, Entry> fresh = merge(old, planned, templateBatch, files);
    if (!templateBatch.isEmpty() && !probeOk(fresh)) {
      reuse.replanAll();
      return;
    }
    String base = planned.guide().site().basePath();
    server.publish(new State(old.generation() + 1, base, Map.copyOf(files), List.of(), "[]"));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    List<Diagnostic> warnings = planned.warnings();
    for (Diagnostic d : warnings) {
      log.println(d.format());
    }
    String warned = warnings.isEmpty() ? "" : "; " + warnings.size() + " warning(s)";
    if (old.generation() == 0) {
      log.printf("built %d files in %d ms%s%n", files.size(), ms, warned);
    } else {
      log.printf(
          "rebuilt in %d ms: %d page(s) changed%s%s%s%n",
          ms,
          fresh.size(),
          contentBatch.isEmpty() ? "" : " (" + String.join(", ", contentBatch) + ")",
          planned.partial() ? "" : ", every page re-planned",
          warned);
    }
    if (config.out() != null) {
      writeOut(files);
    }
  }

  /** The site planned again for what changed; null (reported, old build kept) on errors. */
  private Build.Planned plan(Set<String> contentBatch, Set<String> templateBatch, boolean full) {
    if (full) {
      reuse.rescan();
    } else {
      reuse.changed(contentBatch);
    }
    if (!templateBatch.isEmpty()) {
      reuse.replanAll();
    }
    try {
      return build.plan(
          new Build.Options(
              config.content(),
              config.templates(),
              null,
              config.baseUrl(),
              config.drafts(),
              false,
              config.verbose(),
              false),
          reuse);
    } catch (BuildFailure f) {
      fail(f.diagnostics());
      return null;
    }
  }

  /** Reports a failed build: its errors and warnings, each counted apart. */
  private void fail(List<Diagnostic> problems) {
    long errors = 0;
    for (Diagnostic d : problems) {
      log.println(d.format());
      if (d.severity() == Severity.ERROR) {
        errors++;
      }
    }
    long warnings = problems.size() - errors;
    log.printf(
        "%d error(s)%s; %s%n",
        errors,
        warnings == 0 ? "" : ", " + warnings + " warning(s)",
        server.state().generation() == 0
            ? "nothing to serve until they are fixed"
            : "still serving the last good build");
    server.fail(problems);
  }

  /**
   * Puts the planned outputs into {@code files}, keeping the old entry of every output whose input
   * did not change; returns the pages that must be rendered again.
   */
  private static Map<String, Entry> merge(
      State old, Build.Planned planned, Set<String> templateBatch, Map<String, Entry> files) {
    Set<String> pageTemplates = new HashSet<>();
    for (Output o : planned.outputs()) {
      if (o.producer() instanceof PagePlanner.Render r) {
        pageTemplates.add(r.template());
      }
    }
    Map<String, Entry> fresh = new HashMap<>();
    for (Output o : planned.outputs()) {
      Entry before = old.files().get(o.path());
      Entry e =
          before != null && before.sameInput(o) && !touched(o, templateBatch, pageTemplates)
              ? before
              : new Entry(o);
      files.put(o.path(), e);
      if (e != before && o.producer() instanceof PagePlanner.Render) {
        fresh.put(o.path(), e);
      }
    }
    return fresh;
  }

  /** After a template change: renders one page per template; false (reported) if one fails. */
  private boolean probeOk(Map<String, Entry> fresh) {
    List<Diagnostic> problems = probe(fresh);
    if (!problems.isEmpty()) {
      fail(problems);
    }
    return problems.isEmpty();
  }

  /** Whether a template change affects this page: its own template, or a shared one (base...). */
  private static boolean touched(Output o, Set<String> changed, Set<String> pageTemplates) {
    if (!(o.producer() instanceof PagePlanner.Render r)) {
      return true;
    }
    for (String t : changed) {
      if (t.endsWith(".peb") && (t.equals(r.template()) || !pageTemplates.contains(t))) {
        return true;
      }
    }
    return false;
  }

  /** Renders one changed page per template, so a broken template shows before any reload. */
  private static List<Diagnostic> probe(Map<String, Entry> fresh) {
    Map<String, Entry> one = new HashMap<>();
    for (Entry e : fresh.values()) {
      one.putIfAbsent(((PagePlanner.Render) e.output.producer()).template(), e);
    }
    Diagnostics d = new Diagnostics();
    for (Entry e : one.values()) {
      try {
        e.bytes();
      } catch (Output.ProduceError failed) {
        d.add(failed.diagnostic());
      } catch (IOException failed) {
        d.error(e.output.source(), 1, 1, "cannot render: " + failed.getMessage(), "check the file");
      }
    }
    return d.sorted(false);
  }

  private void writeOut(Map<String, Entry> files) {
    Diagnostics d = new Diagnostics();
    List<Output> outputs =
        files.values().stream()
            .map(e -> new Output(e.output.path(), e.output.source(), os -> os.write(e.bytes())))
            .toList();
    try {
      SiteWriter.write(config.out(), build.display(config.out()), outputs, d, n -> {});
    } catch (IOException e) {
      d.error(
          build.display(config.out()), 1, 1, "cannot write: " + e.getMessage(), "check the folder");
    }
    d.sorted(false).forEach(x -> log.println(x.format()));
  }
}
