package io.github.starbook.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics from every step of a build; safe to share between worker threads. */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public synchronized void add(Diagnostic d) {
    all.add(d);
  }

  public synchronized void addAll(List<Diagnostic> ds) {
    all.addAll(ds);
  }

  public void error(String path, int line, int column, String message, String hint) {
    add(Diagnostic.error(path, line, column, message, hint));
  }

  public void warning(String path, int line, int column, String message, String hint) {
    add(Diagnostic.warning(path, line, column, message, hint));
  }

  /** All diagnostics, sorted by file and position; with {@code strict}, warnings read as errors. */
  public synchronized List<Diagnostic> sorted(boolean strict) {
    return all.stream()
        .map(d -> strict ? d.asError() : d)
        .sorted(Diagnostic.ORDER)
        .distinct()
        .toList();
  }

  public synchronized boolean hasErrors(boolean strict) {
    return all.stream().anyMatch(d -> strict || d.severity() == Severity.ERROR);
  }
}
