package io.github.starbook.output;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Output;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the output plan before anything is written: every path stays inside the output folder
 * (relative, no '..', '.', empty or control-character segments) and has exactly one source.
 */
public final class OutputPlan {
  private OutputPlan() {}

  public static void checkCollisions(List<Output> outputs, Diagnostics diagnostics) {
    Map<String, Output> seen = new HashMap<>();
    for (Output o : outputs) {
      if (!isSafe(o.path())) {
        diagnostics.add(
            Diagnostic.error(
                o.source(),
                1,
                1,
                "output path '"
                    + o.path()
                    + "' would leave the output folder or is not a plain path",
                "names that become URLs use lowercase letters, digits and hyphens"));
        continue;
      }
      // Case-insensitive: GitHub Pages users clone on macOS and Windows too.
      Output prev = seen.putIfAbsent(o.path().toLowerCase(Locale.ROOT), o);
      if (prev != null) {
        String where = o.source().contains(".") ? o.source() : prev.source();
        diagnostics.add(
            Diagnostic.error(
                where,
                1,
                1,
                "output path '"
                    + o.path()
                    + "' would be written by both "
                    + prev.source()
                    + " and "
                    + o.source(),
                "rename one of them; folders named tags, all, search, study, assets and pages are reserved"));
      }
    }
  }

  /** A relative '/'-path of plain segments: nothing that could climb out or confuse a server. */
  static boolean isSafe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
          return false;
        }
      }
    }
    return true;
  }
}
