package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static io.github.starbook.browser.GuideSite.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.output.Cards;
import io.github.starbook.testing.GeneratedGuide;
import io.github.starbook.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Study mode on a generated guide of 3,000 questions: the study page carries only the cards' index
 * (ids, hashes, deck fields), the texts are in chunks of {@link Cards#CHUNK} beside it, and the
 * page loads the chunk of the card it shows, over http and from file://, under the theme's
 * Content-Security-Policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeStudyBrowserTest {
  static final int QUESTIONS = 3000;

  Path tmp;
  Path site;
  Map<String, String> titles = new HashMap<>();
  List<String> order = new ArrayList<>();
  HttpServer server;
  String base;
  ChromeDriver chrome;

  @BeforeAll
  void build(@TempDir Path dir) throws Exception {
    tmp = dir;
    for (GeneratedGuide.Q q :
        GeneratedGuide.generate(
            tmp.resolve("content"),
            GeneratedGuide.sizes("alpha", 1500, "beta", 1000, "gamma", 500))) {
      titles.put(q.id(), q.title());
    }
    site = tmp.resolve("site");
    Run r = Run.build(tmp, tmp.resolve("content"), site);
    assertEquals(0, r.exit(), r.toString());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @AfterEach
  void quit() {
    if (chrome != null) {
      chrome.quit();
      chrome = null;
    }
  }

  // ---- the files

  @Test
  void theStudyPageCarriesOnlyTheIndexAndTheTextsAreInChunks() throws IOException {
    long page = Files.size(site.resolve("study/index.html"));
    long texts;
    List<Path> chunks;
    try (Stream<Path> s = Files.list(site.resolve("study/cards"))) {
      chunks = s.sorted().toList();
    }
    assertEquals(QUESTIONS / Cards.CHUNK, chunks.size(), chunks.toString());
    texts = 0;
    for (Path c : chunks) {
      texts += Files.size(c);
      assertTrue(Files.size(c) < 60_000, c + ": " + Files.size(c));
    }
    // About 40 bytes a question (id, hash, category, difficulty, tags) and the page around them
    // (126 KB when this was written); inlining every card's text, as before, gave over 600 KB.
    assertTrue(page < 50L * QUESTIONS + 25_000, "study page: " + page + " bytes");
    assertTrue(page + texts > 3 * page, "the texts are most of it: " + texts + " in chunks");
    String sw = Files.readString(site.resolve("sw.js"));
    for (int i = 0; i < chunks.size(); i++) {
      assertTrue(sw.contains("\"study/cards/" + i + ".js\""), "sw.js lists chunk " + i);
    }
  }

  // ---- in the browser

  ChromeDriver chrome() throws IOException {
    Browser.assumeAvailable();
    if (server == null) {
      server = Browser.serve(site, GuideSite.PREFIX);
      base = GuideSite.base(server);
    }
    chrome = Browser.start(Files.createTempDirectory(tmp, "profile"), 1100, 900);
    chrome.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", ContentSecurityPolicyBrowserTest.WATCH));
    return chrome;
  }

  /** Waits until the card on screen is loaded; returns its id. */
  String cardShown() {
    until(chrome, "document.getElementById('card').getAttribute('aria-busy') === 'false'");
    String id = chrome.findElement(By.id("card")).getAttribute("data-id");
    assertEquals(titles.get(id), chrome.findElement(By.id("card-question")).getText(), id);
    return id;
  }

  /** The chunks the page asked for, by number. */
  @SuppressWarnings("unchecked")
  List<String> chunksLoaded() {
    return (List<String>)
        js(
            chrome,
            "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('/study/cards/'))"
                + ".map(n => n.replace(/.*\\/study\\/cards\\//, '')).sort();");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> stored(String id) {
    return (Map<String, Object>)
        js(
            chrome,
            "const d = JSON.parse(localStorage.getItem("
                + "document.getElementById('study').getAttribute('data-store')) || 'null');"
                + " return d && d.cards[arguments[0]] || null;",
            id);
  }

  String indexHash(String id) {
    return (String)
        js(
            chrome,
            "const c = JSON.parse(document.getElementById('study-cards').textContent).cards;"
                + " return c.hash[c.id.indexOf(arguments[0])];",
            id);
  }

  void selectCategory(String slug) {
    new Select(chrome.findElement(By.cssSelector("#deck-filter select[name=category]")))
        .selectByValue(slug);
  }

  /** Turns the card with Space and grades it Easy; checks what is stored. */
  void reviewEasy(String id) {
    chrome.findElement(By.cssSelector(".study h1")).click();
    new Actions(chrome).sendKeys(" ").perform();
    until(chrome, "!document.getElementById('card-back').hidden");
    assertTrue(
        chrome.findElement(By.id("card-points")).getText().startsWith("Answer "),
        chrome.findElement(By.id("card-points")).getText());
    new Actions(chrome).sendKeys("4").perform();
    Map<String, Object> c = stored(id);
    assertEquals(LocalDate.now().plusDays(8).toString(), c.get("due"), String.valueOf(c));
    assertEquals(indexHash(id), c.get("hash"));
  }

  void assertNoViolation() {
    assertEquals(List.of(), js(chrome, "return window.__csp;"), "CSP violations");
  }

  @Test
  void theFirstCardShowsAndACardOfALaterChunkIsReviewed() throws IOException {
    chrome();
    chrome.get(base + "study/index.html");
    String first = cardShown();
    assertEquals(
        js(
            chrome,
            "return JSON.parse(document.getElementById('study-cards').textContent).cards.id[0];"),
        first,
        "a new reader starts with the guide's first question");
    assertEquals(
        QUESTIONS + " cards to go: 0 due, " + QUESTIONS + " new.",
        chrome.findElement(By.id("deck-count")).getText());
    assertEquals(List.of("0.js"), chunksLoaded(), "only the first chunk so far");

    selectCategory("gamma"); // the last 500 questions: chunks 25 to 29
    String later = cardShown();
    assertTrue(later.startsWith("gamma/"), later);
    reviewEasy(later);
    String next = cardShown();
    assertTrue(next.startsWith("gamma/"), next);
    assertFalse(next.equals(later));
    assertEquals(
        "499 cards to go: 0 due, 499 new.", chrome.findElement(By.id("deck-count")).getText());
    assertTrue(chunksLoaded().size() <= 3, "the shown card's chunk, not all: " + chunksLoaded());

    chrome.get(base + "study/index.html#progress");
    until(chrome, "document.querySelector('[data-stat=learned] dd')");
    assertEquals(
        "1 of " + QUESTIONS,
        chrome.findElement(By.cssSelector("[data-stat=learned] dd")).getText());
    assertNoViolation();
  }

  @Test
  void theMockInterviewLoadsItsQuestions() throws IOException {
    chrome();
    chrome.get(base + "study/index.html#mock");
    until(chrome, "!document.querySelector('.study-tabs').hidden");
    selectCategory("beta");
    chrome.findElement(By.cssSelector("#mock-setup input[name=count]")).clear();
    chrome.findElement(By.cssSelector("#mock-setup input[name=count]")).sendKeys("2");
    chrome.findElement(By.cssSelector("#mock-setup button[type=submit]")).click();
    for (int i = 0; i < 2; i++) {
      until(chrome, "!document.getElementById('mock-run').hidden");
      String id = chrome.findElement(By.id("mock-run")).getAttribute("data-id");
      assertTrue(id.startsWith("beta/"), id);
      assertEquals(titles.get(id), chrome.findElement(By.id("mock-question")).getText());
      chrome.findElement(By.id("mock-stop")).click();
      chrome.findElement(By.cssSelector("#mock-grades .grade-3")).click();
      assertEquals(3L, stored(id).get("grade"));
    }
    until(chrome, "!document.getElementById('mock-summary').hidden");
    assertEquals(2, chrome.findElements(By.cssSelector("#mock-results li")).size());
    assertNoViolation();
  }

  @Test
  void aChunkOfAnotherBuildIsAskedForAgainAndNeverShown() throws IOException {
    Path chunk = site.resolve("study/cards/29.js"); // gamma's last 100 questions
    String good = Files.readString(chunk);
    chrome();
    chrome.get(base + "study/index.html");
    cardShown();
    String id = "gamma/q-0000"; // due first, from a stale copy of its chunk
    js(
        chrome,
        "localStorage.setItem(document.getElementById('study').getAttribute('data-store'),"
            + " JSON.stringify({format: 'starbook-progress', version: 2, mocks: [], settings: {},"
            + " cards: {[arguments[0]]: {due: '2020-01-01', interval: 10, state: 'review', step: 0,"
            + " stability: 10, difficulty: 5, reps: 1, lapses: 0, grade: 3, last: '2019-12-22',"
            + " hash: arguments[1]}}}));",
        id,
        indexHash(id));
    try {
      Files.writeString(chunk, good.replaceFirst("\"stamp\":\"[0-9a-f]+\"", "\"stamp\":\"0\""));
      chrome.get(base + "study/index.html");
      until(
          chrome,
          "/could not be loaded/.test(document.getElementById('card-question').textContent)");
      assertEquals(id, chrome.findElement(By.id("card")).getAttribute("data-id"));
      assertEquals("true", chrome.findElement(By.id("card")).getAttribute("aria-busy"));
      List<String> asked = chunksLoaded();
      assertEquals(2, asked.stream().filter(n -> n.startsWith("29.js")).count(), asked.toString());
      assertTrue(asked.contains("29.js"), asked.toString());
    } finally {
      Files.writeString(chunk, good);
    }
    chrome.get(base + "study/index.html");
    assertEquals(id, cardShown(), "the build's own chunk is shown");
    assertNoViolation();
  }

  @Test
  void fromDiskTheChunksLoadToo() throws IOException {
    chrome();
    chrome.get(site.resolve("study/index.html").toUri().toString());
    cardShown();
    selectCategory("beta"); // chunks 15 to 24
    String id = cardShown();
    assertTrue(id.startsWith("beta/"), id);
    assertTrue(
        chrome.findElement(By.id("card-link")).getAttribute("href").startsWith("file:"),
        "links work from disk");
    reviewEasy(id);
    cardShown();
    assertNoViolation();
  }
}
