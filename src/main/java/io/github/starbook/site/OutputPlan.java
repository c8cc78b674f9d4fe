package io.github.starbook.site;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks that every output path has exactly one source. */
public final class OutputPlan {
  private OutputPlan() {}

  public static void checkCollisions(List<Output> outputs, Diagnostics diagnostics) {
    Map<String, Output> seen = new HashMap<>();
    for (Output o : outputs) {
      // Case-insensitive: GitHub Pages users clone on macOS and Windows too.
      Output prev = seen.putIfAbsent(o.path().toLowerCase(Locale.ROOT), o);
      if (prev != null) {
        String where = o.source().contains(".") ? o.source() : prev.source();
        diagnostics.add(Diagnostic.error(where, 1, 1,
            "output path '" + o.path() + "' would be written by both " + prev.source() + " and "
                + o.source(),
            "rename one of them; folders named tags, all, search, study, assets and pages are reserved"));
      }
    }
  }
}
