package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.starbook.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The guide's own content: valid under --strict, complete, well shaped and original. */
class GuideContentTest {
  static final Path CONTENT = Path.of("content");
  static final Path SOURCE = Path.of("../shared/reference/cto-interview-source.txt");
  static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:'[a-z0-9]+)*");

  static List<Path> questions() throws IOException {
    try (Stream<Path> s = Files.walk(CONTENT)) {
      return s.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("_index.md"))
          .filter(p -> !p.getParent().getFileName().toString().equals("pages"))
          .filter(p -> !p.getParent().equals(CONTENT))
          .sorted()
          .toList();
    }
  }

  @Test
  void checkStrictPassesWithoutWarnings() {
    Run r = Run.main(Path.of("").toAbsolutePath(), "check", "--strict");
    assertEquals(0, r.exit(), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void theGuideHasAtLeast45QuestionsInEightToTenCategoriesAndItsTwoPages() throws IOException {
    assertTrue(questions().size() >= 45, "questions: " + questions().size());
    long categories;
    try (Stream<Path> s = Files.list(CONTENT)) {
      categories = s.filter(p -> Files.exists(p.resolve("_index.md"))).count();
    }
    assertTrue(categories >= 8 && categories <= 10, "categories: " + categories);
    assertTrue(Files.exists(CONTENT.resolve("pages/how-to-prepare.md")));
    assertTrue(Files.exists(CONTENT.resolve("pages/questions-to-ask.md")));
  }

  @Test
  void everyAnswerHasTheAgreedShape() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path q : questions()) {
      String text = Files.readString(q, StandardCharsets.UTF_8);
      String front = text.substring(4, text.indexOf("\n---\n", 4));
      String body = text.substring(text.indexOf("\n---\n", 4) + 5);
      int answerEnd = body.indexOf("## Key points");
      if (answerEnd < 0) {
        problems.add(q + ": no '## Key points'");
        continue;
      }
      int words = words(body.substring(0, answerEnd).replaceAll("\\]\\([^)]*\\)", "]")).size();
      if (words < 150 || words > 420) {
        problems.add(q + ": answer has " + words + " words (150–400)");
      }
      int keyPoints = bullets(section(body, "## Key points"));
      if (keyPoints < 3 || keyPoints > 6) {
        problems.add(q + ": " + keyPoints + " key points (3–6)");
      }
      int followUps = bullets(section(body, "## Follow-up questions"));
      if (followUps < 2 || followUps > 4) {
        problems.add(q + ": " + followUps + " follow-up questions (2–4)");
      }
      int tags = listSize(front, "tags");
      if (tags < 2 || tags > 5) {
        problems.add(q + ": " + tags + " tags (2–5)");
      }
      int related = listSize(front, "related");
      if (related < 2 || related > 4) {
        problems.add(q + ": " + related + " related (2–4)");
      }
      if (!front.contains("summary:") || !front.contains("difficulty:")) {
        problems.add(q + ": summary and difficulty are required in the guide");
      }
      boolean behavioural = front.contains("title: \"Tell me about");
      if (behavioural != front.contains("format: star")) {
        problems.add(q + ": behavioural questions, and only those, are format: star");
      }
      if (!body.contains("](../")) {
        problems.add(q + ": no cross-link in the prose");
      }
    }
    assertEquals("", String.join("\n", problems));
  }

  @Test
  void noRunOfEightWordsIsSharedWithTheSource() throws IOException {
    assumeTrue(
        Files.exists(SOURCE),
        "../shared/reference is absent (a user's clone): originality" + " check skipped");
    List<String> src = words(Files.readString(SOURCE, StandardCharsets.UTF_8));
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 8 <= src.size(); i++) {
      grams.add(String.join(" ", src.subList(i, i + 8)));
    }
    assertTrue(grams.size() > 1000, "the source has " + grams.size() + " 8-word runs");
    List<String> copied = new ArrayList<>();
    try (Stream<Path> s = Files.walk(CONTENT)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        List<String> w = words(Files.readString(f, StandardCharsets.UTF_8));
        for (int i = 0; i + 8 <= w.size(); i++) {
          String run = String.join(" ", w.subList(i, i + 8));
          if (grams.contains(run)) {
            copied.add(f + ": \"" + run + "\"");
          }
        }
      }
    }
    assertEquals("", String.join("\n", copied));
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static String section(String body, String heading) {
    int start = body.indexOf(heading);
    if (start < 0) {
      return "";
    }
    int end = body.indexOf("\n## ", start + heading.length());
    return body.substring(start, end < 0 ? body.length() : end);
  }

  static int bullets(String section) {
    return (int) section.lines().filter(l -> l.startsWith("- ")).count();
  }

  static int listSize(String front, String key) {
    for (String line : front.split("\n")) {
      if (line.startsWith(key + ": [")) {
        String inner = line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')).strip();
        return inner.isEmpty() ? 0 : inner.split(",").length;
      }
    }
    return 0;
  }
}
