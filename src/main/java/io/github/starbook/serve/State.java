package io.github.starbook.serve;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.output.Json;
import java.util.List;
import java.util.Map;

/**
 * What the server serves right now: the last good site (path inside the site → entry) under its
 * base path, its generation (one more per successful rebuild), and the errors of the last rebuild
 * when it failed (empty when it succeeded).
 */
record State(
    long generation,
    String basePath,
    Map<String, Entry> files,
    List<Diagnostic> errors,
    String errorsJson) {

  static State empty(String basePath) {
    return new State(0, basePath, Map.of(), List.of(), "[]");
  }

  State failed(List<Diagnostic> problems) {
    return new State(
        generation,
        basePath,
        files,
        List.copyOf(problems),
        Json.write(problems.stream().map(State::json).toList()));
  }

  /** A diagnostic as the live-reload overlay reads it. */
  private static Map<String, Object> json(Diagnostic d) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("path", d.path());
    m.put("line", d.line());
    m.put("column", d.column());
    m.put("severity", d.severity().label());
    m.put("message", d.message());
    m.put("hint", d.hint() == null ? "" : d.hint());
    m.put("text", d.format());
    return m;
  }
}
