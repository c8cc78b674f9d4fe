package io.github.starbook.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a 'related' entry names a question (make-corpus writes bare slugs from other categories). */
class QuestionIdsTest {
  private final QuestionIds ids = new QuestionIds();

  QuestionIdsTest() {
    ids.add("strategy", "tech-debt");
    ids.add("strategy", "budget");
    ids.add("leadership", "budget");
    ids.add("hiring", "first-hire");
  }

  @Test
  void categoryAndSlugIsTakenAsWritten() {
    assertEquals("hiring/first-hire", ids.resolve("strategy", "hiring/first-hire"));
    assertEquals("hiring/nope", ids.resolve("strategy", "hiring/nope"));
  }

  @Test
  void bareSlugPrefersTheSameCategory() {
    assertEquals("leadership/budget", ids.resolve("leadership", "budget"));
    assertEquals("strategy/budget", ids.resolve("strategy", "budget"));
  }

  @Test
  void bareSlugUniqueInTheGuideFindsItsCategory() {
    assertEquals("hiring/first-hire", ids.resolve("strategy", "first-hire"));
  }

  @Test
  void ambiguousOrUnknownBareSlugStaysInTheSameCategory() {
    assertEquals("hiring/budget", ids.resolve("hiring", "budget"));
    assertEquals("hiring/missing", ids.resolve("hiring", "missing"));
  }
}
