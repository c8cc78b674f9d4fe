package io.github.starbook.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renders every example of the CommonMark and GFM specs with our configuration and reports the
 * agreement. Examples that differ only because we escape raw HTML or drop unsafe URLs (our safety
 * rules) are listed as such and left out of the rate; heading ids and rel="nofollow" on external
 * links are attributes we add and are ignored. The rest must not drop below the measured figure.
 * The full report is written to target/conformance-*.txt.
 */
class ConformanceTest {
  static final Markdown OURS = new Markdown(false);
  static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          TaskListItemsExtension.create(),
          AutolinkExtension.create(),
          FootnotesExtension.create());

  /** The same extensions without our safety settings: raw HTML passes, URLs are not sanitised. */
  static final Parser PLAIN_PARSER = Parser.builder().extensions(EXTENSIONS).build();

  static final HtmlRenderer PLAIN = HtmlRenderer.builder().extensions(EXTENSIONS).build();

  @ParameterizedTest(name = "{0}")
  @CsvSource({"spec.txt, 0.965", "gfm-spec.txt, 0.941"})
  void agreementWithTheSpecDoesNotDrop(String spec, double floor) throws IOException {
    URL url = spec.equals("spec.txt") ? TestResources.getSpec() : TestResources.getGfmSpec();
    List<Example> examples = ExampleReader.readExamples(url);
    int pass = 0;
    List<String> safety = new ArrayList<>();
    List<String> fail = new ArrayList<>();
    for (Example e : examples) {
      String expected = e.getHtml().replace('\u2192', '\t'); // the spec shows tabs as arrows
      String ours = normalize(OURS.toHtml(e.getSource()));
      if (ours.equals(expected)) {
        pass++;
      } else if (PLAIN.render(PLAIN_PARSER.parse(e.getSource())).equals(expected)) {
        safety.add(describe(e));
      } else {
        fail.add(describe(e));
      }
    }
    int counted = examples.size() - safety.size();
    double rate = (double) pass / counted;
    String report =
        String.format(
            Locale.ROOT,
            "%s: %d examples; %d pass, %d differ only by our safety rules (raw HTML escaped, unsafe"
                + " URLs dropped), %d differ otherwise; agreement %.1f%% of %d%n%nsafety:%n%s%n%nother:%n%s%n",
            spec,
            examples.size(),
            pass,
            safety.size(),
            fail.size(),
            rate * 100,
            counted,
            String.join("\n", safety),
            String.join("\n", fail));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/conformance-" + spec), report, StandardCharsets.UTF_8);
    System.out.println(report.lines().findFirst().orElse(""));
    assertTrue(rate >= floor, report);
  }

  static String normalize(String html) {
    // Ours adds heading ids, keeps rel=nofollow off and loads images lazily: not in the spec.
    return html.replaceAll("(<h[1-6]) id=\"[^\"]*\"", "$1")
        .replace(" rel=\"nofollow\"", "")
        .replace(" loading=\"lazy\"", "");
  }

  static String describe(Example e) {
    return "  " + e;
  }
}
