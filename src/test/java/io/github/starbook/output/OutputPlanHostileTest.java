package io.github.starbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Output;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The output plan refuses any path that could be written outside the output folder. */
class OutputPlanHostileTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "../escaped/index.html",
        "tags/../../x.html",
        "/etc/x.html",
        "a//b.html",
        "a/./b.html",
        "a\\..\\b.html",
        "c:/x.html",
        "tags/a\u0000b/index.html",
        "",
        "dir/"
      })
  void unsafePathsAreErrors(String path) {
    Diagnostics d = new Diagnostics();
    OutputPlan.checkCollisions(List.of(Output.bytes(path, "content/x.md", new byte[0])), d);
    assertEquals(
        List.of(
            "content/x.md:1:1: error: output path '"
                + path
                + "' would leave the output folder or is not a plain path (names that become URLs use"
                + " lowercase letters, digits and hyphens)"),
        d.sorted(false).stream().map(Diagnostic::format).toList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"index.html", "tags/technical-debt/index.html", ".nojekyll", "assets/style.css"})
  void plainPathsPass(String path) {
    Diagnostics d = new Diagnostics();
    OutputPlan.checkCollisions(List.of(Output.bytes(path, "content/x.md", new byte[0])), d);
    assertEquals(List.of(), d.sorted(false));
  }
}
