package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * FSRS-6 scheduling in real headless Chromium, on the real guide served under a sub-path: the
 * scheduler against ts-fsrs's own numbers, the grade buttons' intervals, the stored FSRS state, the
 * migration of SM-2 (version 1) progress in localStorage and in imported files, and the desired
 * retention setting.
 */
class FsrsBrowserTest extends StudySiteBrowserTest {
  static final String KEY = "starbook:/starbook/";
  static final String BUILD_VS_BUY = "strategy/build-vs-buy";

  // ---- helpers

  static String today(int plusDays) {
    return LocalDate.now().plusDays(plusDays).toString();
  }

  WebElement byId(String id) {
    return chrome.findElement(By.id(id));
  }

  void press(CharSequence key) {
    new Actions(chrome).sendKeys(key).perform();
  }

  Object js(String script, Object... args) {
    return chrome.executeScript(script, args);
  }

  void openStudy(String hash) {
    chrome.get("about:blank");
    chrome.get(base + "study/index.html" + hash);
    new WebDriverWait(chrome, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.cssSelector(".study-tabs")).isDisplayed());
  }

  void selectCategory(String slug) {
    new Select(chrome.findElement(By.cssSelector("#deck-filter select[name=category]")))
        .selectByValue(slug);
  }

  /** The four grade buttons' intervals, Again to Easy. */
  List<String> buttons() {
    return chrome.findElements(By.cssSelector("#card-grades button small")).stream()
        .map(WebElement::getText)
        .toList();
  }

  String storedJson() {
    return (String) js("return localStorage.getItem(arguments[0]);", KEY);
  }

  /** Some fields of a stored card, as one line of JSON in the given order ("null" when absent). */
  String stored(String id, String fields) {
    return (String)
        js(
            "const c = JSON.parse(localStorage.getItem(arguments[0]) || '{\"cards\":{}}')"
                + ".cards[arguments[1]];"
                + "return c ? JSON.stringify(arguments[2].split(',').map(f => c[f])) : 'null';",
            KEY,
            id,
            fields);
  }

  void seed(String json) {
    js("localStorage.setItem(arguments[0], arguments[1]);", KEY, json);
  }

  // ---- (1) the scheduler against ts-fsrs

  /**
   * Reference values from ts-fsrs's own test of FSRS-6 with the default parameters,
   * open-spaced-repetition/ts-fsrs packages/fsrs/src/legacy/__tests__/FSRS-6.test.ts ("first
   * repeat", "ivl_history", "memory state[short-term]", "get retrievability"), re-run with ts-fsrs
   * 5.4.2 from npm (fuzz off, learning steps 1m 10m, relearning 10m) for the full digits.
   */
  @Test
  void schedulerMatchesTsFsrsWithTheDefaultParameters() {
    chrome.get(base + BUILD_VS_BUY + "/index.html");
    assertEquals(
        "[0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,0.1666,0.796,1.4835,"
            + "0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542]",
        js("return JSON.stringify(StarbookStudy.FSRS.w);"),
        "FSRS-6 default_w, w20 = FSRS6_DEFAULT_DECAY");

    // first repeat: a new card graded Again, Hard, Good, Easy
    assertEquals(
        "[[0.212,6.4133,\"learning\",1,0],[1.2931,5.11217071,\"learning\",6,0],"
            + "[2.3065,2.11810397,\"learning\",10,0],[8.2956,1,\"review\",0,8]]",
        js(
            "const S = StarbookStudy; return JSON.stringify([1, 2, 3, 4].map(g => {"
                + "  const p = S.plan(null, g, 'h', '2026-01-10', 0.9);"
                + "  return [p.card.stability, p.card.difficulty, p.card.state, p.minutes, p.days];"
                + "}));"));

    // ivl_history: Good x6, Again x2, Good x5, each review on the day the card is due
    assertEquals(
        "[0,2,11,46,163,498,0,0,2,4,7,12,21]|20.77035737|9.0557599|13|1",
        js(
            "const S = StarbookStudy; let c = null, now = '2026-01-10'; const ivl = [];"
                + "for (const g of [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3]) {"
                + "  c = S.schedule(c, g, 'h', now, 0.9); ivl.push(c.interval); now = c.due;"
                + "} return [JSON.stringify(ivl), c.stability, c.difficulty, c.reps, c.lapses]"
                + ".join('|');"));

    // memory state[short-term]: Again, then Good x5, 0, 0, 1, 3, 8 and 21 days apart
    // (ts-fsrs: 53.62691 and 6.3574867 to 4 places, from fsrs-rs; 5.4.2 gives these digits)
    assertEquals(
        "53.62690465|6.35748708|54",
        js(
            "const S = StarbookStudy; let c = null, now = '2026-01-10';"
                + "const gaps = [0, 0, 1, 3, 8, 21], grades = [1, 3, 3, 3, 3, 3];"
                + "for (let i = 0; i < 6; i++) {"
                + "  now = S.addDays(now, gaps[i]); c = S.schedule(c, grades[i], 'h', now, 0.9);"
                + "} return [c.stability, c.difficulty, c.interval].join('|');"));

    // retrievability of the Easy card on its due date, 8 days on
    assertEquals(
        0.9024733, ((Number) js("return StarbookStudy.retrievability(8, 8.2956);")).doubleValue());
  }

  // ---- (2) the grade buttons and the stored state

  @Test
  void gradeButtonsShowTheirIntervalsAndGradingStoresFsrsState() {
    openStudy("");
    selectCategory("faq");
    String first = byId("card").getAttribute("data-id");
    byId("flip").click();
    assertEquals(List.of("1 min", "6 min", "10 min", "8 days"), buttons(), "a new card");
    press("3");
    String hash =
        (String)
            js(
                "const c = JSON.parse(document.getElementById('study-cards').textContent).cards;"
                    + " return c.hash[c.id.indexOf(arguments[0])];",
                first);
    assertEquals(
        "[\"learning\",1,2.3065,2.11810397,\""
            + today(0)
            + "\",0,1,0,3,\""
            + today(0)
            + "\",\""
            + hash
            + "\"]",
        stored(first, "state,step,stability,difficulty,due,interval,reps,lapses,grade,last,hash"),
        "Good on a new card: the 10-minute learning step, due again today");
    assertNotEquals(first, byId("card").getAttribute("data-id"), "the other new cards first");

    int faq = RealGuide.questionCount("faq");
    for (int i = 1; i < faq; i++) { // the other FAQ cards: Easy, straight to 8 days
      assertNotEquals(first, byId("card").getAttribute("data-id"));
      press(" ");
      press("4");
    }
    assertEquals(first, byId("card").getAttribute("data-id"), "the learning card comes back");
    assertEquals("1 card to go: 1 due, 0 new.", byId("deck-count").getText());
    press(" ");
    assertEquals(List.of("1 min", "6 min", "2 days", "4 days"), buttons(), "its second step");
    press("3");
    assertEquals(
        "[\"review\",0,2.3065,2.11121424,\"" + today(2) + "\",2,2]",
        stored(first, "state,step,stability,difficulty,due,interval,reps"),
        "Good again graduates it: 2 days (short-term stability, same day)");
    assertTrue(byId("deck-done").isDisplayed());
  }

  @Test
  void againOnAReviewCardRelearnsItAndCountsALapse() {
    openStudy("");
    seed(reviewCard(BUILD_VS_BUY));
    openStudy("");
    assertEquals(BUILD_VS_BUY, byId("card").getAttribute("data-id"), "due cards first");
    press(" ");
    assertEquals(List.of("10 min", "8 days", "11 days", "19 days"), buttons());
    press("1");
    assertEquals(
        "[\"relearning\",0,0.60770166,\"" + today(0) + "\",0,3,1]",
        stored(BUILD_VS_BUY, "state,step,stability,due,interval,reps,lapses"));
    assertEquals("kept", stored(BUILD_VS_BUY, "mine").replaceAll("[\\[\\]\"]", ""));
  }

  /**
   * A review card after Good, Good (ts-fsrs: stability 2.3065, difficulty 2.11121424, 2 days),
   * reviewed today on its due date, with a field of the reader's own (and no hash: not "changed").
   */
  static String reviewCard(String id) {
    return "{\"format\":\"starbook-progress\",\"version\":2,\"mocks\":[],\"settings\":{},"
        + "\"cards\":{\""
        + id
        + "\":{\"due\":\""
        + today(0)
        + "\",\"interval\":2,\"state\":\"review\",\"step\":0,\"stability\":2.3065,"
        + "\"difficulty\":2.11121424,\"reps\":2,\"lapses\":0,\"grade\":3,\"last\":\""
        + today(-2)
        + "\",\"mine\":\"kept\"}}}";
  }

  // ---- (3) SM-2 progress in localStorage

  /**
   * SM-2 (version 1) progress as starbook wrote it, for five questions (overdue, lapsed, scheduled
   * with a note of the reader's own, added but never graded, marked as known), one question no
   * longer in the guide, a card that cannot be read, and fields of another tool.
   */
  static String sm2Progress(List<String> ids, Map<String, String> hashes) {
    String json =
        """
        {"format": "starbook-progress", "version": 1,
         "mocks": [{"id": "{a}", "date": "2026-01-02", "seconds": 80, "limit": 120,
                    "covered": 3, "points": 5, "grade": 3}],
         "settings": {"mockMinutes": 3,
                      "deck": {"category": "", "tag": "", "difficulty": "", "cram": false}},
         "extra": {"from": "another tool"},
         "cards": {
          "{a}": {"due": "{-3}", "interval": 6, "ease": 2.5, "reps": 2, "lapses": 0,
                  "grade": 3, "last": "{-9}", "hash": "{ha}"},
          "{b}": {"due": "{0}", "interval": 1, "ease": 2.36, "reps": 0, "lapses": 1,
                  "grade": 1, "last": "{-1}", "hash": "{hb}"},
          "{c}": {"due": "{40}", "interval": 90, "ease": 2.46, "reps": 5, "lapses": 0,
                  "grade": 4, "last": "{-50}", "hash": "{hc}", "note": "keep me"},
          "{d}": {"due": "{0}", "interval": 0, "ease": 2.5, "reps": 0, "lapses": 0,
                  "grade": 0, "last": null, "hash": "{hd}"},
          "{e}": {"due": "{30}", "interval": 30, "ease": 2.5, "reps": 3, "lapses": 0,
                  "grade": 4, "last": "{0}", "hash": "{he}", "known": true},
          "gone/removed-question": {"due": "2030-05-05", "interval": 200, "ease": 1.3,
                  "reps": 7, "lapses": 2, "grade": 3, "last": "2029-10-17", "hash": "old"},
          "broken/card": {"due": "2027-01-01", "interval": 3, "ease": 1.0, "reps": 1}
         }}
        """;
    for (int i = 0; i < 5; i++) {
      String v = "abcde".substring(i, i + 1);
      json =
          json.replace("{" + v + "}", ids.get(i)).replace("{h" + v + "}", hashes.get(ids.get(i)));
    }
    for (int days : new int[] {-50, -9, -3, -1, 0, 30, 40}) {
      json = json.replace("{" + days + "}", today(days));
    }
    return json;
  }

  /**
   * fsrs-rs memory_state_from_sm2 with SM-2 retention 0.9, FSRS-6 defaults (w8, w9, w10): the
   * difficulty whose stability increase on a Good review at 90 % recall is the ease.
   */
  static double difficultyFromEase(double ease, double interval) {
    double grows = Math.exp(1.8722) * Math.pow(interval, -0.1666) * (Math.exp(0.1 * 0.796) - 1);
    return Math.min(10, Math.max(1, 11 - (ease - 1) / grows));
  }

  List<String> questionIds() {
    @SuppressWarnings("unchecked")
    List<String> ids =
        (List<String>)
            js("return JSON.parse(document.getElementById('study-cards').textContent).cards.id;");
    return ids;
  }

  /** Each question's current hash, as the study page has it. */
  Map<String, String> hashes() {
    @SuppressWarnings("unchecked")
    Map<String, String> hashes =
        (Map<String, String>)
            js(
                "const out = {}; const c = JSON.parse(document.getElementById('study-cards')"
                    + ".textContent).cards; c.id.forEach((id, i) => { out[id] = c.hash[i]; });"
                    + " return out;");
    return hashes;
  }

  @Test
  void sm2ProgressIsMigratedWithEveryDueDateKept() {
    openStudy("");
    List<String> ids = questionIds().subList(0, 5);
    String a = ids.get(0), b = ids.get(1), c = ids.get(2), d = ids.get(3), e = ids.get(4);
    Map<String, String> hashes = hashes();
    String v1 = sm2Progress(ids, hashes);
    seed(v1);

    chrome.get(base + c + "/index.html"); // a question page migrates on load too
    assertEquals(
        "Next review in 40 days (" + today(40) + "). Last grade: Easy.",
        byId("review-state").getText());
    String migrated = storedJson();
    assertEquals(2L, js("return JSON.parse(arguments[0]).version;", migrated));

    // every card's due date exactly as it was, every card kept (and its own fields)
    @SuppressWarnings("unchecked")
    Map<String, String> dues =
        (Map<String, String>)
            js(
                "const cards = JSON.parse(arguments[0]).cards, out = {};"
                    + "Object.keys(cards).forEach(id => { out[id] = cards[id].due; }); return out;",
                v1);
    assertEquals(7, dues.size());
    dues.forEach(
        (id, due) -> {
          if (id.equals("broken/card")) {
            return;
          }
          assertEquals("[\"" + due + "\"]", stored(id, "due"), id);
        });
    assertEquals(
        "[\"review\",6,7.24739814,6,2.5,2,0,3,\"" + today(-9) + "\",\"" + hashes.get(a) + "\",0]",
        stored(a, "state,stability,difficulty,interval,ease,reps,lapses,grade,last,hash,step"));
    assertEquals(7.24739814, difficultyFromEase(2.5, 6), 1e-8);
    assertEquals("[\"review\",1,8.4757048,1]", stored(b, "state,stability,difficulty,lapses"));
    assertEquals(8.4757048, difficultyFromEase(2.36, 1), 1e-8);
    assertEquals(
        "[\"review\",90,5.26503344,\"keep me\"]", stored(c, "state,stability,difficulty,note"));
    assertEquals(5.26503344, difficultyFromEase(2.46, 90), 1e-8);
    assertEquals(
        "[\"new\",0,0,null]", stored(d, "state,stability,difficulty,last"), "added, never graded");
    assertEquals("[\"review\",30,true]", stored(e, "state,stability,known"));
    assertEquals(
        "[\"review\",200,9.65391004,7,2]",
        stored("gone/removed-question", "state,stability,difficulty,reps,lapses"),
        "a question no longer in the guide keeps its progress");
    assertEquals(
        "{\"due\":\"2027-01-01\",\"interval\":3,\"ease\":1,\"reps\":1}",
        js("return JSON.stringify(JSON.parse(arguments[0]).unreadable['broken/card']);", migrated),
        "a card that cannot be read is set aside, not lost");
    assertEquals(
        "{\"from\":\"another tool\"}|3|1",
        js(
            "const d = JSON.parse(arguments[0]);"
                + "return [JSON.stringify(d.extra), d.settings.mockMinutes, d.mocks.length].join('|');",
            migrated));

    // the study page reads it (and loading again changes nothing: the migration is idempotent)
    openStudy("");
    assertEquals(a, byId("card").getAttribute("data-id"), "the overdue card first");
    assertEquals(migrated, storedJson());
    chrome.navigate().refresh();
    assertEquals(migrated, storedJson());
    int total = RealGuide.questionCount();
    assertEquals(
        (total - 2) + " cards to go: 3 due, " + (total - 5) + " new.",
        byId("deck-count").getText(),
        "due: the overdue card, the lapsed one, the added one; two are scheduled later");

    // A migrated card grows on Good as SM-2 would have: 6 days at ease 2.5 gave 15.
    js(
        "const d = JSON.parse(localStorage.getItem(arguments[0]));"
            + "d.cards[arguments[1]].due = arguments[2];"
            + "localStorage.setItem(arguments[0], JSON.stringify(d));",
        KEY,
        a,
        today(0));
    assertEquals(
        15L,
        js(
            "const S = StarbookStudy, d = JSON.parse(localStorage.getItem(arguments[0]));"
                + "return S.plan(d.cards[arguments[1]], 3, 'h', arguments[2], 0.9).days;",
            KEY,
            a,
            today(-3)));
  }

  // ---- (4) an exported version-1 file

  @Test
  void anExportedVersionOneFileImportsAndExportsAsVersionTwo() throws Exception {
    Path downloads = Files.createDirectories(each.resolve("downloads"));
    chrome.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    openStudy("#progress");
    List<String> ids = questionIds().subList(5, 10);
    String v1 = sm2Progress(ids, hashes());
    Path file =
        Files.writeString(
            each.resolve("starbook-progress-2026-01-02.json"),
            (String) js("return JSON.stringify(JSON.parse(arguments[0]), null, 2);", v1));

    byId("import").sendKeys(file.toString());
    new WebDriverWait(chrome, Duration.ofSeconds(10))
        .until(d -> byId("transfer-status").getText().startsWith("Imported"));
    assertEquals("Imported progress for 6 questions.", byId("transfer-status").getText());
    assertEquals(2L, js("return JSON.parse(arguments[0]).version;", storedJson()));
    assertEquals("[\"" + today(-3) + "\",\"review\",6]", stored(ids.get(0), "due,state,stability"));
    assertEquals(
        "[\"" + today(40) + "\",\"review\",90]", stored(ids.get(2), "due,state,stability"));
    assertEquals("[\"2030-05-05\"]", stored("gone/removed-question", "due"));
    assertEquals(1L, js("return JSON.parse(arguments[0]).mocks.length;", storedJson()));
    assertEquals(
        "" + (RealGuide.questionCount() - 5),
        chrome.findElement(By.cssSelector("[data-stat=new] dd")).getText());

    byId("export").click();
    new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> exported(downloads) != null);
    String out = Files.readString(exported(downloads));
    assertEquals(
        "2|review|7.24739814|" + today(-3),
        js(
            "const d = JSON.parse(arguments[0]), c = d.cards[arguments[1]];"
                + "return [d.version, c.state, c.difficulty, c.due].join('|');",
            out,
            ids.get(0)));
  }

  static Path exported(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).findFirst().orElse(null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- (5) desired retention

  void setRetention(String percent) {
    openStudy("#progress");
    WebElement input = byId("retention-form").findElement(By.name("retention"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), percent, Keys.TAB);
  }

  @Test
  void theRetentionSettingChangesTheIntervals() {
    openStudy("#progress");
    assertEquals(
        "90", byId("retention-form").findElement(By.name("retention")).getAttribute("value"));
    seed(reviewCard(BUILD_VS_BUY));

    // ts-fsrs 5.4.2, request_retention 0.8 / 0.9 / 0.97: this review card's Hard, Good, Easy are
    // 25/36/61, 8/11/19 and 2/3/4 days; a new card's Easy 28, 8 and 2 days.
    setRetention("80");
    assertEquals("Intervals now aim at 80 % recall.", byId("retention-status").getText());
    assertEquals(
        0.8,
        ((Number) js("return JSON.parse(arguments[0]).settings.retention;", storedJson()))
            .doubleValue());
    openStudy("");
    press(" ");
    assertEquals(List.of("10 min", "25 days", "36 days", "2 months"), buttons());
    assertEquals(
        "[25,36,61]|28",
        js(
            "const S = StarbookStudy, d = JSON.parse(localStorage.getItem(arguments[0]));"
                + "const c = d.cards[arguments[1]], r = S.retention(d.settings);"
                + "return JSON.stringify([2, 3, 4].map(g => S.plan(c, g, 'h', arguments[2], r).days))"
                + " + '|' + S.plan(null, 4, 'h', arguments[2], r).days;",
            KEY,
            BUILD_VS_BUY,
            today(0)));

    setRetention("97");
    openStudy("");
    press(" ");
    assertEquals(List.of("10 min", "2 days", "3 days", "4 days"), buttons());
    press("3");
    assertEquals("[3,\"" + today(3) + "\"]", stored(BUILD_VS_BUY, "interval,due"));
    press(" ");
    assertEquals("2 days", buttons().get(3), "a new card's Easy at 97 %");

    setRetention("99"); // out of range: the nearest allowed value
    assertEquals(
        "97", byId("retention-form").findElement(By.name("retention")).getAttribute("value"));
    setRetention("90");
    openStudy("#progress");
    assertEquals(
        "90", byId("retention-form").findElement(By.name("retention")).getAttribute("value"));
    assertNull(js("return JSON.parse(arguments[0]).unreadable || null;", storedJson()));
  }
}
