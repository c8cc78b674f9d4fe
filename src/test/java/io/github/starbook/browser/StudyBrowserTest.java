package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.RealGuide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Study mode in real headless Chromium, on the real guide served under a sub-path (and once from
 * file://): flashcards, their scheduling as stored in localStorage, export/import, the mock
 * interview and the question pages' review buttons. FsrsBrowserTest checks the FSRS numbers, the
 * migration of SM-2 progress and the desired retention.
 */
class StudyBrowserTest extends StudySiteBrowserTest {
  static final String KEY = "starbook:/starbook/";
  static final String BUILD_VS_BUY = "strategy/build-vs-buy";

  // ---- helpers

  static String today(int plusDays) {
    return LocalDate.now().plusDays(plusDays).toString();
  }

  WebDriverWait waiting() {
    return new WebDriverWait(chrome, Duration.ofSeconds(10));
  }

  WebElement byId(String id) {
    return chrome.findElement(By.id(id));
  }

  void press(CharSequence key) {
    new Actions(chrome).sendKeys(key).perform();
  }

  /** The stored card of a question, as the page's own JSON.parse sees it; null when absent. */
  @SuppressWarnings("unchecked")
  Map<String, Object> stored(String id) {
    return (Map<String, Object>)
        chrome.executeScript(
            "const d = JSON.parse(localStorage.getItem(arguments[0]) || 'null');"
                + "return d && d.cards[arguments[1]] || null;",
            KEY,
            id);
  }

  String focus() {
    return (String)
        chrome.executeScript(
            "const e = document.activeElement;"
                + "return e ? e.tagName + '#' + e.id + '.' + e.className : 'none';");
  }

  String storedJson() {
    return (String) chrome.executeScript("return localStorage.getItem(arguments[0]);", KEY);
  }

  /** Loads the study page afresh (a bare hash change would not reload it). */
  void openStudy(String hash) {
    chrome.get("about:blank");
    chrome.get(base + "study/index.html" + hash);
    waiting().until(d -> d.findElement(By.cssSelector(".study-tabs")).isDisplayed());
  }

  void selectCategory(String slug) {
    new Select(chrome.findElement(By.cssSelector("#deck-filter select[name=category]")))
        .selectByValue(slug);
  }

  // ---- flashcards

  @Test
  void flashcardFlipsWithSpaceAndEasySchedulesItDaysAhead() {
    openStudy("");
    selectCategory("strategy");
    openStudy(""); // the deck filter is remembered; Space on a fresh page flips the card
    assertEquals(
        "strategy",
        new Select(chrome.findElement(By.cssSelector("#deck-filter select[name=category]")))
            .getFirstSelectedOption()
            .getAttribute("value"));
    WebElement card = byId("card");
    String id = card.getAttribute("data-id");
    assertTrue(id.startsWith("strategy/"), id);
    assertFalse(byId("card-back").isDisplayed());
    int strategy = RealGuide.questionCount("strategy");
    assertEquals(
        strategy + " cards to go: 0 due, " + strategy + " new.", byId("deck-count").getText());

    chrome.findElement(By.cssSelector(".study h1")).click(); // as a reader would, then Space
    String focusBefore = focus();
    press(" ");
    assertTrue(
        shown("card-back"), "Space flips the card; focus was " + focusBefore + ", is " + focus());
    assertTrue(byId("card-grades").isDisplayed());
    assertTrue(byId("card-points").findElements(By.tagName("li")).size() >= 3, "key points shown");
    assertEquals(base + id + "/index.html", byId("card-link").getAttribute("href"));
    assertEquals(
        "10 min", chrome.findElement(By.cssSelector("#card-grades .grade-3 small")).getText());
    assertEquals(
        "8 days", chrome.findElement(By.cssSelector("#card-grades .grade-4 small")).getText());

    press("4");
    Map<String, Object> c = stored(id);
    assertEquals(today(8), c.get("due"));
    assertEquals(8L, c.get("interval"));
    assertEquals(4L, c.get("grade"));
    assertEquals(1L, c.get("reps"));
    assertEquals("review", c.get("state"));
    assertEquals(today(0), c.get("last"));
    chrome.get(base + id + "/index.html");
    assertEquals(
        chrome.findElement(By.cssSelector("article.question")).getAttribute("data-hash"),
        c.get("hash"),
        "the card remembers which version of the answer was learned");

    openStudy("");
    assertEquals(
        (strategy - 1) + " cards to go: 0 due, " + (strategy - 1) + " new.",
        byId("deck-count").getText());
    assertNotEquals(
        id, byId("card").getAttribute("data-id"), "a graded card is not due again today");
    assertEquals(today(8), stored(id).get("due"), "reload keeps progress");
  }

  @Test
  void againComesBackInTheSameSessionAndRestartsTheCard() {
    openStudy("");
    selectCategory("faq");
    String first = byId("card").getAttribute("data-id");
    byId("flip").click();
    chrome.findElement(By.cssSelector("#card-grades .grade-1")).click();
    Map<String, Object> c = stored(first);
    assertEquals(today(0), c.get("due"), "a 1-minute learning step: due again today");
    assertEquals("learning", c.get("state"));
    assertEquals(0L, c.get("step"));
    assertEquals(1L, c.get("reps"));
    assertEquals(0L, c.get("lapses"), "a new card has nothing to lapse from");
    assertNotEquals(first, byId("card").getAttribute("data-id"));
    for (int i = 1; i < RealGuide.questionCount("faq"); i++) { // the other FAQ cards: Easy
      press(" ");
      press("4");
    }
    assertEquals(first, byId("card").getAttribute("data-id"), "the failed card comes back last");
  }

  @Test
  void changedAnswerIsMarkedForReview() {
    openStudy("");
    chrome.executeScript(
        "localStorage.setItem(arguments[0], JSON.stringify({format:"
            + "'starbook-progress', version:1, mocks:[], settings:{}, cards:{'"
            + BUILD_VS_BUY
            + "': {due:'2999-01-01', interval:30, ease:2.6, reps:4, lapses:0, grade:4,"
            + " last:'2026-01-01', hash:'000000000000'}}}));",
        KEY);
    openStudy("");
    assertEquals(BUILD_VS_BUY, byId("card").getAttribute("data-id"), "changed cards come first");
    assertEquals("changed", byId("card").getAttribute("data-state"));
    assertEquals("The answer changed since you learned it", byId("card-state").getText());

    chrome.get(base + BUILD_VS_BUY + "/index.html");
    assertEquals(
        "The answer changed since you learned it: review it again.",
        byId("review-state").getText());

    openStudy("#progress");
    assertEquals("1", chrome.findElement(By.cssSelector("[data-stat=changed] dd")).getText());
    assertEquals("1", chrome.findElement(By.cssSelector("[data-stat=due] dd")).getText());
    assertEquals(
        "1 of " + RealGuide.questionCount(),
        chrome.findElement(By.cssSelector("[data-stat=learned] dd")).getText());
    assertTrue(
        chrome
            .findElement(By.cssSelector("[data-category=strategy] .bar"))
            .getAttribute("aria-label")
            .contains("1 due"));
  }

  // ---- export / import

  @Test
  void exportAndImportRoundTripTheProgress() throws Exception {
    Path downloads = Files.createDirectories(each.resolve("downloads"));
    chrome.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    openStudy("");
    for (int i = 0; i < 2; i++) {
      press(" ");
      press(i == 0 ? "3" : "2");
    }
    String before = storedJson();
    openStudy("#progress");
    // Good counts as learned, Hard does not (yet).
    assertEquals(
        "1 of " + RealGuide.questionCount(),
        chrome.findElement(By.cssSelector("[data-stat=learned] dd")).getText());
    byId("export").click();
    waiting().until(d -> exported(downloads) != null);
    Path file = exported(downloads);
    assertEquals("starbook-progress-" + today(0) + ".json", file.getFileName().toString());

    chrome.executeScript("localStorage.clear();");
    openStudy("#progress");
    assertEquals(
        "" + RealGuide.questionCount(),
        chrome.findElement(By.cssSelector("[data-stat=new] dd")).getText());
    byId("import").sendKeys(file.toString());
    waiting().until(d -> byId("transfer-status").getText().startsWith("Imported"));
    assertEquals("Imported progress for 2 questions.", byId("transfer-status").getText());
    assertEquals(json(before, "cards"), json(storedJson(), "cards"), "cards round-trip exactly");
    assertEquals(
        "" + (RealGuide.questionCount() - 2),
        chrome.findElement(By.cssSelector("[data-stat=new] dd")).getText());

    Path bad = Files.writeString(each.resolve("other.json"), "{\"cards\": 3}");
    byId("import").sendKeys(bad.toString());
    waiting().until(d -> byId("transfer-status").getText().contains("not a starbook"));
    assertEquals(
        json(before, "cards"), json(storedJson(), "cards"), "a wrong file changes nothing");
  }

  static Path exported(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).findFirst().orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** One member of a JSON object, re-serialised by the browser with sorted keys. */
  String json(String text, String member) {
    return (String)
        chrome.executeScript(
            "const sort = v => Array.isArray(v) ? v.map(sort) : v && typeof v === 'object'"
                + " ? Object.keys(v).sort().reduce((o, k) => (o[k] = sort(v[k]), o), {}) : v;"
                + "return JSON.stringify(sort(JSON.parse(arguments[0])[arguments[1]]));",
            text,
            member);
  }

  // ---- mock interview

  @Test
  void mockInterviewTimerRunsAndTheGradeFeedsTheSchedule() {
    openStudy("#mock");
    selectCategory("security");
    WebElement setup = byId("mock-setup");
    WebElement count = setup.findElement(By.name("count"));
    count.clear();
    count.sendKeys("2");
    assertEquals(
        "2", setup.findElement(By.name("minutes")).getAttribute("value"), "2 minutes by default");
    setup.findElement(By.cssSelector("button[type=submit]")).click();

    WebElement run = byId("mock-run");
    assertTrue(run.isDisplayed());
    String id = run.getAttribute("data-id");
    assertTrue(id.startsWith("security/"), id);
    assertTrue(byId("mock-meta").getText().startsWith("Question 1 of 2"));
    String startedAt = byId("mock-timer").getText();
    assertTrue(startedAt.equals("2:00") || startedAt.equals("1:59"), startedAt);
    waiting().until(d -> byId("mock-timer").getText().compareTo("1:58") <= 0);

    byId("mock-stop").click();
    assertTrue(byId("mock-review").isDisplayed());
    assertTrue(
        byId("mock-took").getText().matches("You answered in 0:0\\d of 2:00\\."),
        byId("mock-took").getText());
    List<WebElement> boxes =
        byId("mock-points").findElements(By.cssSelector("input[type=checkbox]"));
    assertTrue(boxes.size() >= 3, "one checkbox per key point: " + boxes.size());
    boxes.forEach(WebElement::click);
    assertTrue(
        chrome
            .findElement(By.cssSelector("#mock-grades .grade-4"))
            .getAttribute("class")
            .contains("suggested"),
        "all points covered suggests Easy");
    chrome.findElement(By.cssSelector("#mock-grades .grade-3")).click();

    Map<String, Object> c = stored(id);
    assertEquals(3L, c.get("grade"));
    assertEquals(today(0), c.get("due"), "Good on a new card: its 10-minute learning step");
    assertEquals("learning", c.get("state"));
    @SuppressWarnings("unchecked")
    Map<String, Object> result =
        (Map<String, Object>)
            chrome.executeScript(
                "return JSON.parse(localStorage.getItem(arguments[0])).mocks[0];", KEY);
    assertEquals(id, result.get("id"));
    assertEquals(3L, result.get("grade"));
    assertEquals((long) boxes.size(), result.get("covered"));
    assertEquals(120L, result.get("limit"));

    assertTrue(byId("mock-meta").getText().startsWith("Question 2 of 2"));
    String second = run.getAttribute("data-id");
    assertNotEquals(id, second);
    byId("mock-stop").click();
    chrome.findElement(By.cssSelector("#mock-grades .grade-1")).click();
    assertTrue(byId("mock-summary").isDisplayed());
    assertEquals(2, byId("mock-results").findElements(By.tagName("li")).size());
    assertEquals(1L, stored(second).get("grade"));
    assertEquals("learning", stored(second).get("state"));
  }

  @Test
  void mockTimerUsesTheConfiguredTimeAndRemembersIt() {
    openStudy("#mock");
    WebElement minutes = byId("mock-setup").findElement(By.name("minutes"));
    minutes.clear();
    minutes.sendKeys("0.5");
    byId("mock-setup").findElement(By.cssSelector("button[type=submit]")).click();
    String t = byId("mock-timer").getText();
    assertTrue(t.equals("0:30") || t.equals("0:29"), t);
    openStudy("#mock");
    assertEquals("0.5", byId("mock-setup").findElement(By.name("minutes")).getAttribute("value"));
  }

  // ---- question page

  @Test
  void questionPageButtonsAddToReviewAndMarkAsKnown() {
    chrome.get(base + BUILD_VS_BUY + "/index.html");
    WebElement box = byId("review");
    assertTrue(box.isDisplayed());
    assertEquals("Not in your review deck yet.", byId("review-state").getText());

    byId("review-add").click();
    assertEquals("In your review deck, due today.", byId("review-state").getText());
    assertEquals(today(0), stored(BUILD_VS_BUY).get("due"));
    assertEquals(0L, stored(BUILD_VS_BUY).get("reps"));

    openStudy("");
    assertEquals(BUILD_VS_BUY, byId("card").getAttribute("data-id"), "added cards are due first");
    assertEquals(
        RealGuide.questionCount()
            + " cards to go: 1 due, "
            + (RealGuide.questionCount() - 1)
            + " new.",
        byId("deck-count").getText());

    chrome.get(base + BUILD_VS_BUY + "/index.html");
    byId("review-known").click();
    assertEquals(today(30), stored(BUILD_VS_BUY).get("due"));
    assertEquals(
        "Next review in 30 days (" + today(30) + "). Marked as known.",
        byId("review-state").getText());
    chrome.navigate().refresh();
    assertTrue(byId("review").isDisplayed());
    assertTrue(
        byId("review-state").getText().startsWith("Next review in 30 days"),
        "the state survives a reload");
  }

  // ---- file://

  @Test
  void fromDiskTheFlashcardFlipsAndGradingSchedulesIt() {
    chrome.get(tmp.resolve("site/study/index.html").toUri().toString());
    waiting().until(d -> !byId("deck-count").getText().isEmpty());
    String id = byId("card").getAttribute("data-id");
    press(" ");
    assertTrue(shown("card-back"));
    assertTrue(byId("card-link").getAttribute("href").startsWith("file:"));
    assertTrue(byId("card-link").getAttribute("href").endsWith("/site/" + id + "/index.html"));
    press("4");
    Map<String, Object> c = stored(id);
    assertEquals(today(8), c.get("due"));
    assertEquals(8.2956, ((Number) c.get("stability")).doubleValue());
    chrome.navigate().refresh();
    waiting().until(d -> !byId("deck-count").getText().isEmpty());
    int left = RealGuide.questionCount() - 1;
    assertEquals(left + " cards to go: 0 due, " + left + " new.", byId("deck-count").getText());
  }
}
