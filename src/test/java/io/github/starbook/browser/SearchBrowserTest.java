package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static io.github.starbook.browser.GuideSite.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Search as a reader uses it, in real headless Chromium, on the real guide served under a sub-path
 * (as GitHub Pages serves a project site).
 */
class SearchBrowserTest extends GuideBrowserTest {
  static final String MONOLITH =
      "When would you split a monolith into microservices, and how would you do it?";
  public static final String OBSERVABILITY =
      "How would you build an observability strategy for a growing platform?";
  public static final String OUTAGE = "Tell me about a major outage you led the response to.";

  @BeforeEach
  void home() {
    if (chrome != null) {
      chrome.get(base + "strategy/build-vs-buy/");
    }
  }

  private WebElement box() {
    return chrome.findElement(By.id("search-input"));
  }

  private void type(String text) {
    box().click();
    box().sendKeys(text);
    until(
        chrome,
        "document.querySelector('#search-list [role=option]') && "
            + "document.getElementById('search-input').value === "
            + quote(text));
    until(chrome, "document.querySelector('.search-status').textContent.indexOf('found') > 0");
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "\\'") + "'";
  }

  private List<WebElement> options() {
    return chrome.findElements(By.cssSelector("#search-list [role=option]"));
  }

  @Test
  void typingShowsTheRightQuestionFirstWithTheTermHighlighted() {
    type("microservices");
    WebElement first = options().get(0);
    assertEquals(MONOLITH, first.findElement(By.className("sr-title")).getText());
    List<WebElement> marks = first.findElements(By.tagName("mark"));
    assertFalse(marks.isEmpty(), "no <mark> in the first result");
    assertTrue(
        marks.get(0).getText().toLowerCase().startsWith("microservice"), marks.get(0).getText());
    assertEquals(
        "Architecture & Scaling",
        first.findElement(By.className("sr-meta")).getText().split(" · ")[0]);
    // Built off the main thread: served over http, the index lives in a Web Worker.
    assertEquals("worker", chrome.findElement(By.tagName("html")).getAttribute("data-search"));
  }

  @Test
  void theIndexIsBuiltOnlyWhenSearchIsFirstUsed() {
    chrome.get(base + "reliability/major-outage/index.html");
    assertEquals(null, chrome.findElement(By.tagName("html")).getAttribute("data-search"));
    assertEquals(
        List.of(),
        js(
            chrome,
            "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => /assets\\/search/.test(n))"));
    long t0 = System.nanoTime();
    box().click();
    until(chrome, "document.documentElement.getAttribute('data-search') === 'worker'");
    System.out.printf(
        "search index ready %d ms after the first focus%n", (System.nanoTime() - t0) / 1_000_000);
    assertEquals(
        List.of(base + "assets/search-worker.js"),
        js(
            chrome,
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => /search-worker/.test(n))"));
  }

  @Test
  void aQueryLoadsOnlyTheShardsOfItsWordsAndTheDocumentsOfItsResults() throws Exception {
    chrome.get(base + "strategy/build-vs-buy/index.html");
    requested.clear();
    type("microservices");
    List<String> search =
        requested.stream()
            .filter(p -> p.contains("/assets/search/"))
            .map(p -> p.substring(p.indexOf("/assets/search/") + 15))
            .toList();
    List<String> shards = search.stream().filter(p -> p.startsWith("t/")).toList();
    long all;
    try (var s = java.nio.file.Files.list(site.resolve("assets/search/t"))) {
      all = s.count();
    }
    assertTrue(search.contains("index.js") && search.contains("stemmer.js"), search.toString());
    assertTrue(shards.contains("t/t-mi.js"), shards.toString());
    assertTrue(shards.size() <= 8 && all > 200, shards.size() + " of " + all + ": " + shards);
    long docs = search.stream().filter(p -> p.startsWith("d/")).count();
    assertEquals(options().size(), docs, "one document per result shown: " + search);
    assertFalse(requested.stream().anyMatch(p -> p.contains("facets")), "no filter, no facets");
  }

  @Test
  void otherFormsOfAWordFindItsQuestion() {
    type("scaled databases");
    assertEquals(
        "How would you scale a database that is struggling under rapid growth?",
        options().get(0).findElement(By.className("sr-title")).getText());
  }

  @Test
  void questionsWithEveryWordComeFirst() {
    type("outage backoff");
    assertEquals(OUTAGE, options().get(0).findElement(By.className("sr-title")).getText());
    assertTrue(
        chrome.findElement(By.className("search-status")).getText().startsWith("1 question"),
        "only the question with both words: "
            + chrome.findElement(By.className("search-status")).getText());
  }

  @Test
  void aTypoInTheFirstLettersIsForgivenToo() {
    type("bservability");
    assertEquals(OBSERVABILITY, options().get(0).findElement(By.className("sr-title")).getText());
  }

  @Test
  void theSearchPageShowsFiftyResultsThenMoreOnRequest() {
    chrome.get(base + "search/index.html?q=the");
    until(chrome, "document.querySelectorAll('.search-result').length > 0");
    assertEquals(50, chrome.findElements(By.className("search-result")).size());
    int total =
        Integer.parseInt(
            chrome.findElement(By.className("search-page-status")).getText().split(" ")[0]);
    assertTrue(total > 50, "a word in every question");
    chrome.findElement(By.className("search-more")).click();
    until(chrome, "document.querySelectorAll('.search-result').length === " + total);
    assertFalse(chrome.findElement(By.className("search-more")).isDisplayed());
  }

  @Test
  void aTypoStillFindsTheQuestion() {
    type("observabilty");
    assertEquals(OBSERVABILITY, options().get(0).findElement(By.className("sr-title")).getText());
  }

  @Test
  void aPrefixFindsWhileTyping() {
    type("observ");
    assertEquals(OBSERVABILITY, options().get(0).findElement(By.className("sr-title")).getText());
  }

  @Test
  void theResultNamesTheStarSectionTheMatchIsIn() {
    type("backoff");
    WebElement first = options().get(0);
    assertEquals(OUTAGE, first.findElement(By.className("sr-title")).getText());
    assertEquals("Action", first.findElement(By.className("sr-section")).getText());
    assertTrue(
        first
            .findElement(By.cssSelector(".sr-snippet mark"))
            .getText()
            .toLowerCase()
            .startsWith("backoff"));
  }

  @Test
  void slashFocusesTheSearchBox() {
    chrome.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("search-input", js(chrome, "return document.activeElement.id"));
  }

  @Test
  void arrowsAndEnterOpenAResultAndEscapeClears() {
    type("microservices");
    box().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertEquals("search-option-1", box().getAttribute("aria-activedescendant"));
    box().sendKeys(Keys.ARROW_UP);
    assertEquals("true", options().get(0).getAttribute("aria-selected"));
    box().sendKeys(Keys.ENTER);
    until(chrome, "location.pathname.indexOf('/architecture/monolith-or-microservices/') > 0");
    assertEquals(MONOLITH, chrome.findElement(By.tagName("h1")).getText());

    type("microservices");
    box().sendKeys(Keys.ESCAPE);
    assertEquals("", box().getAttribute("value"));
    assertTrue(chrome.findElement(By.id("search-popup")).getAttribute("hidden") != null);
    assertEquals("false", box().getAttribute("aria-expanded"));
  }

  @Test
  void aFilterNarrowsTheResultsAndTheQueryIsInTheUrl() {
    chrome.get(base + "search/index.html?q=engineers");
    until(chrome, "document.querySelectorAll('.search-result').length > 0");
    int all = chrome.findElements(By.className("search-result")).size();
    new Select(chrome.findElement(By.id("filter-category"))).selectByValue("people");
    until(chrome, "location.search.indexOf('category=people') >= 0");
    until(
        chrome,
        "[...document.querySelectorAll('.search-result .sr-meta')].every("
            + "m => m.textContent.startsWith('People & Hiring'))");
    int people = chrome.findElements(By.className("search-result")).size();
    assertTrue(people > 0 && people < all, people + " of " + all);
    assertTrue(chrome.getCurrentUrl().contains("q=engineers"), chrome.getCurrentUrl());

    new Select(chrome.findElement(By.id("filter-format"))).selectByValue("star");
    until(chrome, "location.search.indexOf('format=star') >= 0");
    until(
        chrome,
        "[...document.querySelectorAll('.search-result .sr-meta')].every("
            + "m => m.textContent.indexOf('STAR') > 0)");
    assertTrue(chrome.findElements(By.className("search-result")).size() < people);

    // The shared URL restores the same search.
    String shared = chrome.getCurrentUrl();
    chrome.get(base + "index.html");
    chrome.get(shared);
    until(chrome, "document.querySelectorAll('.search-result').length > 0");
    assertEquals(
        "people",
        new Select(chrome.findElement(By.id("filter-category")))
            .getFirstSelectedOption()
            .getAttribute("value"));
    assertEquals("engineers", chrome.findElement(By.id("q")).getAttribute("value"));
  }

  @Test
  void withoutJavaScriptTheBoxIsALinkToTheAtoZList() {
    chrome.executeCdpCommand(
        "Emulation.setScriptExecutionDisabled", java.util.Map.of("value", true));
    try {
      chrome.get(base + "strategy/build-vs-buy/index.html");
      assertFalse(chrome.findElement(By.cssSelector("form.search")).isDisplayed());
      WebElement link = chrome.findElement(By.className("search-fallback"));
      assertTrue(link.isDisplayed());
      link.click();
      assertEquals(base + "all/index.html#az-title", chrome.getCurrentUrl());
      assertTrue(chrome.findElement(By.id("az-title")).isDisplayed());
    } finally {
      chrome.executeCdpCommand(
          "Emulation.setScriptExecutionDisabled", java.util.Map.of("value", false));
    }
  }
}
