package io.github.starbook.diag;

import java.util.List;

/** Thrown when a build stops on errors; carries every diagnostic found, so all are reported. */
public final class BuildFailure extends Exception {
  private final List<Diagnostic> diagnostics;

  public BuildFailure(List<Diagnostic> diagnostics) {
    super(diagnostics.size() + " problem(s)", null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
