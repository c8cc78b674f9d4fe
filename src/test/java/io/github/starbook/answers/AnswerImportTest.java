package io.github.starbook.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code starbook import-answers}: reading the export, the files it writes, what it refuses. */
class AnswerImportTest {
  @TempDir Path tmp;

  static final String EXPORT =
      """
      {"format": "starbook-answers", "version": 1, "exported": "2026-03-03", "answers": {
        "people/first-hire": {"title": "Who is your \\"first\\" hire?", "star": false,
          "markdown": "A staff engineer.\\n\\n## Key points\\n\\n- trust\\n",
          "updated": "2026-03-03T10:00:00.000Z"},
        "delivery/late": {"title": "Tell me about a late project", "star": true,
          "markdown": "## Situation\\n\\nLate.\\n\\n## Task\\n\\nFix.\\n\\n## Action\\n\\nCut.\\n\\n## Result\\n\\nShipped.\\n",
          "updated": "2026-03-02T10:00:00.000Z"},
        "delivery/half-star": {"title": "Half a story", "star": true,
          "markdown": "## Situation\\n\\nOnly this.\\n\\n## Task\\n\\n\\n## Action\\n",
          "updated": "2026-03-02T10:00:00.000Z"},
        "../etc/passwd": {"title": "x", "star": false, "markdown": "x", "updated": ""},
        "study/x": {"title": "x", "star": false, "markdown": "x", "updated": ""},
        "people/empty": {"title": "x", "star": false, "markdown": "  ", "updated": ""}
      }}
      """;

  @Test
  void importsAnswersAsContentThatPassesCheckStrict() throws Exception {
    Path file = tmp.resolve("starbook-answers.json");
    Files.writeString(file, EXPORT);
    Run r = Run.main(tmp, "import-answers", "starbook-answers.json", "--content", "content");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.err().contains("skipped ../etc/passwd: not category/slug"), r.toString());
    assertTrue(r.err().contains("skipped study/x: 'study' is a reserved folder"), r.toString());
    assertTrue(r.err().contains("skipped people/empty: the answer is empty"), r.toString());
    assertTrue(r.out().contains("delivery/half-star.md (written as a plain answer"), r.toString());
    assertEquals(
        "---\ntitle: \"Who is your \\\"first\\\" hire?\"\nformat: answer\ntags: [my-answers]\n"
            + "summary: \"My own answer, 2026-03-03.\"\n---\n"
            + "A staff engineer.\n\n## Key points\n\n- trust\n",
        Files.readString(tmp.resolve("content/people/first-hire.md")));
    assertTrue(
        Files.readString(tmp.resolve("content/delivery/late.md")).contains("format: star\n"));
    assertTrue(
        Files.readString(tmp.resolve("content/delivery/half-star.md"))
            .contains("format: answer\n"));
    assertTrue(Files.exists(tmp.resolve("content/people/_index.md")));
    assertFalse(Files.exists(tmp.resolve("content/study")));
    assertFalse(Files.exists(tmp.resolve("etc")));

    // import-answers wrote a site.yaml; --strict also wants the guide's address in it.
    Path site = tmp.resolve("content/site.yaml");
    assertTrue(Files.readString(site).startsWith("title: \"My answers\"\n"));
    Files.writeString(
        site, Files.readString(site) + "baseUrl: \"https://example.github.io/mine/\"\n");
    Run check = Run.main(tmp, "check", "--strict", "--content", "content");
    assertEquals(0, check.exit(), check.toString());
  }

  @Test
  void neverOverwritesWithoutForce() throws Exception {
    Files.writeString(tmp.resolve("a.json"), EXPORT);
    assertEquals(0, Run.main(tmp, "import-answers", "a.json").exit());
    Path mine = tmp.resolve("content/people/first-hire.md");
    Files.writeString(mine, "my edits");
    Run again = Run.main(tmp, "import-answers", "a.json");
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("first-hire.md exists; not overwriting it (use --force)"));
    assertEquals("my edits", Files.readString(mine));
    assertEquals(0, Run.main(tmp, "import-answers", "a.json", "--force").exit());
    assertTrue(Files.readString(mine).startsWith("---\n"));
  }

  @Test
  void refusesWhatIsNotAnAnswersExport() throws Exception {
    Files.writeString(tmp.resolve("p.json"), "{\"format\": \"starbook-progress\", \"cards\": {}}");
    Run r = Run.main(tmp, "import-answers", "p.json");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("not a starbook answers export"), r.toString());
    assertThrows(IllegalArgumentException.class, () -> AnswerExport.parse("{not json"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AnswerExport.parse("{\"format\":\"starbook-answers\",\"version\":2,\"answers\":{}}"));
    assertTrue(AnswerFiles.completeStar("## Situation\na\n## Task\nb\n## Action\nc\n## Result\nd"));
    assertFalse(
        AnswerFiles.completeStar("## Task\nb\n## Situation\na\n## Action\nc\n## Result\nd"));
  }
}
