package io.github.starbook.diag;

import java.util.Comparator;

/**
 * One problem in the input: where it is (path relative to the working directory, 1-based line and
 * column), what is wrong and how to fix it.
 */
public record Diagnostic(
    String path, int line, int column, Severity severity, String message, String hint) {

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::path)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::message);

  public static Diagnostic error(String path, int line, int column, String message, String hint) {
    return new Diagnostic(path, line, column, Severity.ERROR, message, hint);
  }

  public static Diagnostic warning(String path, int line, int column, String message, String hint) {
    return new Diagnostic(path, line, column, Severity.WARNING, message, hint);
  }

  public Diagnostic asError() {
    return new Diagnostic(path, line, column, Severity.ERROR, message, hint);
  }

  /** {@code path:line:col: error: message (hint)} — the form editors and CI annotators parse. */
  public String format() {
    String where = path + ":" + line + ":" + column;
    String text = where + ": " + severity.label() + ": " + message;
    return hint == null || hint.isEmpty() ? text : text + " (" + hint + ")";
  }

  @Override
  public String toString() {
    return format();
  }
}
