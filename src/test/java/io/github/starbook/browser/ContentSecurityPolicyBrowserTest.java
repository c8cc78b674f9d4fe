package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static io.github.starbook.browser.GuideSite.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.serve.Preview;
import io.github.starbook.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The theme's Content-Security-Policy (a meta element in base.peb) in real headless Chromium: no
 * page of the real guide reports a violation, over http under a sub-path and from file://, with its
 * scripts at work (the header search in a worker or in the page, the search page with results, a
 * turned flashcard, the progress bars, the booklet). Violations are caught twice: by a
 * securitypolicyviolation listener that Chromium adds to every document before its own scripts, and
 * in the console log; a control proves both see an inline script and an inline handler. Over http
 * the favicon is the theme's SVG and nothing asks the domain for /favicon.ico. Under {@code
 * starbook serve} the live-reload script and its error overlay run under the same policy.
 */
class ContentSecurityPolicyBrowserTest {
  static final String POLICY = PageHeadTest.POLICY;

  /** The guide's own base path (site.yaml), so that its 404 page's links work as on Pages. */
  static final String PREFIX = "starbook";

  /** Runs in every document before its scripts; violations are kept in window.__csp. */
  static final String WATCH =
      """
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(e.violatedDirective + ' blocked ' + e.blockedURI
          + ' at ' + e.sourceFile + ':' + e.lineNumber);
      }, true);
      """;

  @TempDir static Path tmp;
  static Path site;
  static HttpServer server;
  static final List<String> requested = new CopyOnWriteArrayList<>();

  @TempDir Path each;

  @BeforeAll
  static void buildAndServe() throws Exception {
    Browser.assumeAvailable();
    site = GuideSite.build(tmp);
    server = Browser.serve(site, PREFIX, requested::add);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  static ChromeDriver chrome(Path profile) {
    ChromeDriver chrome =
        Browser.start(
            profile,
            1200,
            900,
            o -> o.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")));
    chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    return chrome;
  }

  @Test
  void noPageReportsAViolationOverHttpAndNoPageAsksForFaviconIco() throws Exception {
    ChromeDriver chrome = chrome(each.resolve("profile"));
    try {
      visitEveryKindOfPage(chrome, Browser.baseUrl(server, PREFIX), "worker");

      chrome.get(Browser.baseUrl(server, PREFIX) + "no/such/page/");
      until(chrome, "document.querySelector('h1')");
      assertEquals("Page not found", chrome.findElement(By.tagName("h1")).getText());
      assertPolicyAndIcon(chrome, Browser.baseUrl(server, PREFIX), "404");
      assertNoViolation(chrome, "404");
      assertConsoleClean(chrome);
      assertControlIsCaught(chrome);

      String icon = "/" + PREFIX + "/assets/favicon.svg";
      long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (!requested.contains(icon) && System.nanoTime() < end) {
        Thread.sleep(100);
      }
      assertTrue(requested.contains(icon), "Chromium fetched the theme's icon: " + requested);
      assertTrue(
          requested.stream().noneMatch(p -> p.endsWith("favicon.ico")),
          "no request for favicon.ico: " + requested);
      assertTrue(
          requested.stream().allMatch(p -> p.startsWith("/" + PREFIX + "/")),
          "nothing asked outside the site's sub-path: " + requested);
    } finally {
      chrome.quit();
    }
  }

  @Test
  void noPageReportsAViolationFromDisk() {
    ChromeDriver chrome = chrome(each.resolve("profile"));
    try {
      visitEveryKindOfPage(chrome, site.toUri().toString(), "page");
      assertTrue(chrome.getCurrentUrl().startsWith("file:"), chrome.getCurrentUrl());
      assertConsoleClean(chrome);
      assertControlIsCaught(chrome);
    } finally {
      chrome.quit();
    }
  }

  /**
   * Home, a category, a question (its review box, the header search and the header form's submit),
   * the search page with results, the study page with a turned flashcard and the progress bars, the
   * booklet: each must show its scripts ran and report no violation.
   */
  static void visitEveryKindOfPage(ChromeDriver chrome, String root, String searchMode) {
    chrome.get(root + "index.html");
    until(chrome, "!document.querySelector('form.search').hidden");
    assertPolicyAndIcon(chrome, root, "home");
    assertNoViolation(chrome, "home");

    chrome.get(root + "strategy/index.html");
    until(chrome, "!document.querySelector('form.search').hidden");
    assertPolicyAndIcon(chrome, root, "category");
    assertNoViolation(chrome, "category");

    chrome.get(root + "strategy/build-vs-buy/index.html");
    until(chrome, "document.getElementById('review') && !document.getElementById('review').hidden");
    assertPolicyAndIcon(chrome, root, "question");
    WebElement box = chrome.findElement(By.id("search-input"));
    box.click();
    box.sendKeys("observabilty");
    until(chrome, "document.querySelector('#search-list [role=option]')");
    assertEquals(
        searchMode,
        chrome.findElement(By.tagName("html")).getAttribute("data-search"),
        "where the search index was built");
    assertNoViolation(chrome, "question with the header search open");
    // Enter without a chosen result submits the header form (form-action) to the search page.
    box.sendKeys(Keys.ENTER);
    until(chrome, "location.href.includes('search/index.html?q=observabilty')");
    until(chrome, "document.querySelector('.search-result')");
    assertNoViolation(chrome, "search page reached through the header form");

    chrome.get(root + "search/index.html?q=backoff");
    until(chrome, "document.querySelector('.search-result')");
    assertPolicyAndIcon(chrome, root, "search");
    assertNoViolation(chrome, "search page with results");

    chrome.get(root + "study/index.html");
    until(chrome, "!document.getElementById('flip').hidden");
    chrome.findElement(By.id("flip")).click();
    until(chrome, "!document.getElementById('card-back').hidden");
    assertTrue(
        chrome.findElements(By.cssSelector("#card-points li")).size() > 0, "the card's points");
    assertPolicyAndIcon(chrome, root, "study");
    assertNoViolation(chrome, "study page with a turned flashcard");
    chrome.get("about:blank");
    chrome.get(root + "study/index.html#progress");
    until(chrome, "document.querySelector('#progress-bars li')");
    assertNoViolation(chrome, "study progress");

    chrome.get(root + "all/index.html");
    until(chrome, "document.readyState === 'complete'");
    assertTrue(
        chrome.findElements(By.cssSelector("main h2, main h3")).size() > 10, "the booklet's text");
    assertPolicyAndIcon(chrome, root, "booklet");
    assertNoViolation(chrome, "booklet");
  }

  /** The page has the policy, as its first element after the charset, and the theme's icon. */
  static void assertPolicyAndIcon(ChromeDriver chrome, String root, String page) {
    assertEquals(
        POLICY,
        js(
            chrome,
            "const m = document.head.children[1];"
                + "return m.getAttribute('http-equiv') === 'Content-Security-Policy' && m.content;"),
        page);
    assertEquals(
        "1 image/svg+xml " + root + "assets/favicon.svg",
        js(
            chrome,
            "const l = document.querySelectorAll('link[rel~=icon]');"
                + "return l.length + ' ' + l[0].type + ' ' + l[0].href;"),
        page);
  }

  static void assertNoViolation(ChromeDriver chrome, String page) {
    Object seen = js(chrome, "return window.__csp || null;");
    assertTrue(seen != null, page + ": the violation listener was not installed");
    assertEquals(List.of(), seen, page + ": Content-Security-Policy violations");
  }

  /** No console message about the policy (this also sees workers and blocked loads). */
  static void assertConsoleClean(ChromeDriver chrome) {
    List<String> csp = new ArrayList<>();
    for (LogEntry e : chrome.manage().logs().get(LogType.BROWSER)) {
      if (e.getMessage().contains("Content Security Policy")) {
        csp.add(e.getMessage());
      }
    }
    assertEquals(List.of(), csp, "console messages about the Content-Security-Policy");
  }

  /** The policy refuses an inline script and an inline handler, and both checks above see it. */
  static void assertControlIsCaught(ChromeDriver chrome) {
    chrome.executeScript(
        "const s = document.createElement('script'); s.textContent = 'window.__ran = 1;';"
            + " document.body.appendChild(s);"
            + " const b = document.createElement('button'); b.setAttribute('onclick',"
            + " 'window.__ran = 2;'); document.body.appendChild(b); b.click();");
    until(chrome, "window.__csp.length >= 2");
    assertEquals(null, js(chrome, "return window.__ran || null;"), "inline code did not run");
    String seen = String.valueOf(js(chrome, "return window.__csp.join('\\n');"));
    assertTrue(seen.contains("script-src-elem blocked inline"), seen);
    assertTrue(seen.contains("script-src-attr blocked inline"), seen);
    boolean console =
        chrome.manage().logs().get(LogType.BROWSER).getAll().stream()
            .anyMatch(e -> e.getMessage().contains("Content Security Policy"));
    assertTrue(console, "the console reports the control's violations");
  }

  @Test
  void theLiveReloadScriptAndItsOverlayRunUnderThePolicy() throws Exception {
    Trees.copy(LiveReloadBrowserTest.SITE, each.resolve("content"));
    Trees.copy(Path.of("templates").toAbsolutePath(), each.resolve("templates"));
    Path one = each.resolve("content/alpha/one.md");
    String good = Files.readString(one);
    Preview preview = Browser.preview(each);
    ChromeDriver chrome = chrome(each.resolve("profile"));
    try {
      WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(60));
      chrome.get(preview.url() + "alpha/one/");
      until(chrome, "window.__starbookLive && window.__starbookLive.events.readyState === 1");
      assertEquals(
          POLICY,
          js(
              chrome,
              "return document.querySelector('meta[http-equiv=Content-Security-Policy]')"
                  + ".content;"));
      assertNoViolation(chrome, "served page");

      Files.writeString(one, good.replace("tags: [alpha, basics]", "tags: [alpha, basics"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("starbook-overlay")));
      WebElement overlay = chrome.findElement(By.id("starbook-overlay"));
      assertEquals("fixed", overlay.getCssValue("position"), "styled through the CSSOM");
      assertTrue(overlay.getText().contains("content/alpha/one.md:5:"), overlay.getText());
      assertNoViolation(chrome, "served page with the error overlay");

      Files.writeString(one, good.replace("The first question.", "The first question, fixed."));
      wait.until(
          ExpectedConditions.textToBe(By.cssSelector(".lead"), "The first question, fixed."));
      until(chrome, "window.__starbookLive && window.__starbookLive.events.readyState === 1");
      assertEquals(0, chrome.findElements(By.id("starbook-overlay")).size());
      assertNoViolation(chrome, "served page after the reload");
      assertConsoleClean(chrome);
    } finally {
      chrome.quit();
      preview.close();
    }
  }
}
