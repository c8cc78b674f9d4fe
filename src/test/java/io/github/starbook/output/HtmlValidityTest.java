package io.github.starbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page of the built guide is valid HTML according to the Nu Html Checker. */
class HtmlValidityTest {
  @TempDir Path tmp;

  @Test
  void everyPageOfTheGuideIsValidHtml() throws Exception {
    Path site = tmp.resolve("site");
    Run r = Run.build(tmp, Path.of("content").toAbsolutePath(), site);
    assertEquals(0, r.exit(), r.toString());
    List<Path> pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() > 90, "expected the whole guide, found " + pages.size() + " pages");
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
    List<String> problems = new ArrayList<>();
    for (Path page : pages) {
      String report = validator.validate(page);
      for (String line : report.split("\n")) {
        // GNU format: "file":line.col-line.col: error|info warning: message
        // The checker validates files, and matches 'self' in the Content-Security-Policy against
        // nothing for a file: document, and takes the study page's JSON data block for a script;
        // ContentSecurityPolicyBrowserTest checks the policy where it
        // applies, in Chromium over http and from file://.
        if (line.contains("violates Content Security Policy (meta tag)")) {
          continue;
        }
        if (line.contains(": error:") || line.contains(": info warning:")) {
          problems.add(
              site.relativize(page)
                  + ": "
                  + line.substring(line.indexOf(':', line.indexOf('"', 1)) + 1));
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " problems, the first ones:\n"
            + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
  }
}
