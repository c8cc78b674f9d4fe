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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The guide's own content: valid under --strict, complete, well shaped and original. */
class GuideContentTest {
  static final Path CONTENT = Path.of("content");
  static final Path SOURCE = Path.of("../shared/reference/cto-interview-source.txt");
  static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:'[a-z0-9]+)*");
  static final String THIRTY = "## In 30 seconds";
  static final Pattern FOLLOW_UP = Pattern.compile("- .+\\? — \\S.+");
  static final Pattern SUMMARY = Pattern.compile("(?m)^summary: \"?([A-Za-z]+)");

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
  void theGuideHasAtLeast67QuestionsAndSixteenStoriesInEightToTenCategoriesAndItsPages()
      throws IOException {
    List<Path> questions = questions();
    assertTrue(questions.size() >= 67, "questions: " + questions.size());
    long stories = 0;
    for (Path q : questions) {
      stories += Files.readString(q, StandardCharsets.UTF_8).contains("\nformat: star\n") ? 1 : 0;
    }
    assertTrue(stories >= 16, "STAR stories: " + stories);
    long categories;
    try (Stream<Path> s = Files.list(CONTENT)) {
      categories = s.filter(p -> Files.exists(p.resolve("_index.md"))).count();
    }
    assertTrue(categories >= 8 && categories <= 10, "categories: " + categories);
    for (String page :
        List.of(
            "how-to-prepare", "questions-to-ask", "candidate-profile", "before-the-interview")) {
      assertTrue(Files.exists(CONTENT.resolve("pages/" + page + ".md")), page);
    }
  }

  @Test
  void everyAnswerHasTheAgreedShape() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path q : questions()) {
      String text = Files.readString(q, StandardCharsets.UTF_8);
      String front = text.substring(4, text.indexOf("\n---\n", 4));
      String body = text.substring(text.indexOf("\n---\n", 4) + 5);
      problems.addAll(shapeOfTheAnswer(q, body));
      problems.addAll(shapeOfTheFrontMatter(q, front));
      if (!body.contains("](../")) {
        problems.add(q + ": no cross-link in the prose");
      }
    }
    assertEquals("", String.join("\n", problems));
  }

  /** 30-second version first, 150–550 words of answer, key points, follow-ups with sketches. */
  static List<String> shapeOfTheAnswer(Path q, String body) {
    List<String> problems = new ArrayList<>();
    String thirty = section(body, THIRTY);
    if (!body.stripLeading().startsWith(THIRTY)) {
      problems.add(q + ": the body must open with '" + THIRTY + "'");
    } else {
      String said = thirty.substring(THIRTY.length()).strip();
      int sentences = said.split("[.!?](\\s|$)").length;
      int words = words(said).size();
      if (sentences < 2 || sentences > 3 || words < 35 || words > 95) {
        problems.add(
            q
                + ": '"
                + THIRTY
                + "' has "
                + sentences
                + " sentences and "
                + words
                + " words (2–3 sentences, 35–95 words)");
      }
    }
    int answerEnd = body.indexOf("## Key points");
    if (answerEnd < 0) {
      problems.add(q + ": no '## Key points'");
      return problems;
    }
    String answer = body.substring(0, answerEnd).replace(thirty, "");
    // Diagrams and link addresses are not words said aloud: drop images, keep link text.
    String spoken = answer.replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", "");
    int words = words(spoken.replaceAll("\\]\\([^)]*\\)", "]")).size();
    if (words < 150 || words > 550) {
      problems.add(q + ": answer has " + words + " words (150–550)");
    }
    if (answer.matches("(?s)\\s*(## [^\\n]*\\n\\s*)?I treat .*")) {
      problems.add(q + ": the answer opens with 'I treat …' (vary the openings)");
    }
    int keyPoints = bullets(section(body, "## Key points")).size();
    if (keyPoints < 3 || keyPoints > 6) {
      problems.add(q + ": " + keyPoints + " key points (3–6)");
    }
    List<String> followUps = bullets(section(body, "## Follow-up questions"));
    if (followUps.size() < 2 || followUps.size() > 4) {
      problems.add(q + ": " + followUps.size() + " follow-up questions (2–4)");
    }
    for (String f : followUps) {
      if (!FOLLOW_UP.matcher(f).matches()) {
        problems.add(q + ": follow-up without an answer sketch ('- Question? — sketch'): " + f);
      }
    }
    return problems;
  }

  static List<String> shapeOfTheFrontMatter(Path q, String front) {
    List<String> problems = new ArrayList<>();
    int tags = listSize(front, "tags");
    if (tags < 2 || tags > 5) {
      problems.add(q + ": " + tags + " tags (2–5)");
    }
    int related = listSize(front, "related");
    if (related < 2 || related > 5) {
      problems.add(q + ": " + related + " related (2–5)");
    }
    if (!front.contains("summary:") || !front.contains("difficulty:")) {
      problems.add(q + ": summary and difficulty are required in the guide");
    }
    boolean behavioural = front.contains("title: \"Tell me about");
    if (behavioural != front.contains("format: star")) {
      problems.add(q + ": behavioural questions, and only those, are format: star");
    }
    return problems;
  }

  @Test
  void summariesOpenInDifferentWays() throws IOException {
    Map<String, List<String>> byFirstWord = new TreeMap<>();
    for (Path q : questions()) {
      Matcher m = SUMMARY.matcher(Files.readString(q, StandardCharsets.UTF_8));
      assertTrue(m.find(), q + ": no summary");
      byFirstWord.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(q.toString());
    }
    byFirstWord.values().removeIf(files -> files.size() <= 3);
    assertEquals(Map.of(), byFirstWord, "more than three summaries open with the same word");
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

  static List<String> bullets(String section) {
    return section.lines().filter(l -> l.startsWith("- ")).toList();
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
