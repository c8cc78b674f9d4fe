package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static io.github.starbook.browser.GuideSite.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.serve.Preview;
import io.github.starbook.testing.Run;
import io.github.starbook.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Offline reading in real headless Chromium, over http under a sub-path as GitHub Pages serves a
 * project site: after the first visit the service worker (sw.js at the site root) has saved every
 * file of the guide, and with the server refusing every request the home page, a category, a
 * question, the study page, the search page with a query and a missing page (the saved 404 page)
 * still load, their scripts working. A new build gets a new cache on the next visit and the old one
 * is deleted. A guide over the size limit is saved only when the reader asks. Recording study
 * progress asks for persistent storage. From file:// and under starbook serve nothing is registered
 * (serve also unregisters a worker left at its address). No page reports a Content-Security-Policy
 * violation.
 */
class OfflineBrowserTest {
  /** The guide's own base path (site.yaml), so that its 404 page's links work as on Pages. */
  static final String PREFIX = "starbook";

  static final String QUESTION = "strategy/build-vs-buy/index.html";

  @TempDir Path tmp;
  Path content;
  Path site;
  HttpServer server;
  String base;
  ChromeDriver chrome;

  /** While true, the server answers nothing: every request fails as if the network were down. */
  volatile boolean offline;

  final List<String> refused = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    Browser.assumeAvailable();
    content = tmp.resolve("content");
    site = tmp.resolve("site");
    Trees.copy(Path.of("content").toAbsolutePath(), content);
  }

  @AfterEach
  void tearDown() {
    Browser.stop(chrome, server);
  }

  void buildAndServe() throws IOException {
    build();
    server =
        Browser.serve(
            site,
            PREFIX,
            path -> {
              if (offline) {
                refused.add(path);
                throw new IllegalStateException("offline: " + path); // the connection just closes
              }
            },
            true);
    base = Browser.baseUrl(server, PREFIX);
    chrome = ContentSecurityPolicyBrowserTest.chrome(tmp.resolve("profile"));
  }

  void build() {
    Run r = Run.build(tmp, content, site);
    assertEquals(0, r.exit(), r.toString());
  }

  @Test
  void afterTheFirstVisitTheWholeGuideReadsOfflineAndANewBuildReplacesTheCache() throws Exception {
    buildAndServe();
    chrome.get(base + "index.html");
    assertManifest();
    Map<String, Object> first = waitUntilSaved();
    String version = version();
    assertEquals(version, first.get("version"));
    assertEquals(true, first.get("auto"), "the real guide is small enough to be saved at once");
    assertEquals(List.of(cacheName(version)), cacheNames(), "one cache, named after the build");
    assertEquals(expectedUrls(), cachedUrls(cacheName(version)), "every file of the site is saved");
    long written = sizeOfSite();
    long estimated = ((Number) first.get("bytes")).longValue();
    System.out.printf(
        "offline: %d files, %d bytes written, %d estimated%n", files().size(), written, estimated);
    assertTrue(
        Math.abs(estimated - written) < written / 10,
        "the estimate " + estimated + " is within a tenth of " + written);

    // As a reader would, with a page the worker controls (it claims the open page on activation).
    until(chrome, "navigator.serviceWorker.controller");
    offline = true;
    readEveryKindOfPageFromTheCache("first build");
    assertFalse(refused.isEmpty(), "the browser did try the network");
    offline = false;

    // A new build: one answer's summary changes, so does the version.
    Path md = content.resolve("strategy/build-vs-buy.md");
    String text = Files.readString(md);
    String summary = "Rebuilt offline summary: build what differentiates, buy the rest.";
    Files.writeString(md, text.replaceFirst("(?m)^summary: .*$", "summary: \"" + summary + "\""));
    build();
    String next = version();
    assertNotEquals(version, next, "a new build has a new version");

    chrome.get(base + "index.html"); // the next visit checks sw.js and installs the new worker
    new WebDriverWait(chrome, Duration.ofSeconds(90))
        .until(d -> List.of(cacheName(next)).equals(cacheNames()));
    Map<String, Object> now = waitUntilSaved();
    assertEquals(next, now.get("version"));
    assertEquals(expectedUrls(), cachedUrls(cacheName(next)));

    offline = true;
    chrome.get(base + QUESTION);
    until(chrome, "document.querySelector('.lead')");
    assertEquals(summary, chrome.findElement(By.cssSelector(".lead")).getText(), "the new text");
    readEveryKindOfPageFromTheCache("second build");
    ContentSecurityPolicyBrowserTest.assertConsoleClean(chrome);
  }

  /**
   * Each kind of page, with the server refusing everything: each must come whole from the cache.
   */
  void readEveryKindOfPageFromTheCache(String when) throws IOException {
    chrome.get(base + "index.html");
    until(
        chrome,
        "document.querySelector('form.search') && !document.querySelector('form.search').hidden");
    assertEquals(titleOf("index.html"), chrome.getTitle(), when + ": home");
    assertNoViolation(when + ": home");

    chrome.get(base + "strategy/"); // a folder address, as links from elsewhere may have it
    until(
        chrome,
        "document.querySelector('form.search') && !document.querySelector('form.search').hidden");
    assertEquals(titleOf("strategy/index.html"), chrome.getTitle(), when + ": category");
    assertNoViolation(when + ": category");

    chrome.get(base + QUESTION);
    until(chrome, "document.getElementById('review') && !document.getElementById('review').hidden");
    assertEquals(titleOf(QUESTION), chrome.getTitle(), when + ": question");
    assertTrue(
        (Boolean) js(chrome, "return getComputedStyle(document.body).margin === '0px';"),
        when + ": style.css applies");
    assertNoViolation(when + ": question");

    chrome.get(base + "study/index.html");
    until(chrome, "!document.getElementById('flip').hidden");
    chrome.findElement(By.id("flip")).click();
    until(chrome, "!document.getElementById('card-back').hidden");
    assertNoViolation(when + ": study page with a turned flashcard");

    chrome.get(base + "search/index.html?q=backoff");
    until(chrome, "document.querySelector('.search-result')");
    assertEquals("worker", js(chrome, "return document.documentElement.dataset.search;"));
    assertNoViolation(when + ": search page with results");

    chrome.get(base + "no/such/page/");
    until(chrome, "document.querySelector('h1')");
    assertEquals("Page not found", chrome.findElement(By.tagName("h1")).getText(), when);
    assertNoViolation(when + ": a page that is not saved");
  }

  @Test
  void aLargeGuideIsSavedOnlyWhenTheReaderAsks() throws Exception {
    // 21 MB of downloads beside the content put the guide over the 20 MB limit.
    byte[] mb = new byte[1_000_000];
    try (var out = Files.newOutputStream(content.resolve("strategy/big.pdf"))) {
      for (int i = 0; i < 21; i++) {
        out.write(mb);
      }
    }
    buildAndServe();
    chrome.get(base + "index.html");
    until(chrome, "document.querySelector('.offline-save')");
    Map<String, Object> shell = status();
    assertEquals(false, shell.get("auto"));
    assertEquals(false, shell.get("complete"));
    long bytes = ((Number) shell.get("bytes")).longValue();
    assertTrue(bytes > 20_000_000L, "estimated " + bytes);
    assertEquals(
        "Make available offline (" + Math.round(bytes / 1e6) + " MB)",
        chrome.findElement(By.cssSelector(".offline-save")).getText());
    Set<String> saved = cachedUrls(cacheName(version()));
    assertTrue(saved.contains(base + "assets/style.css"), "the shell is saved: " + saved);
    assertTrue(saved.contains(base + "404.html"), "the shell is saved: " + saved);
    assertFalse(saved.contains(base + QUESTION), "but not every page");

    chrome.findElement(By.cssSelector(".offline-save")).click();
    new WebDriverWait(chrome, Duration.ofSeconds(60))
        .until(
            d ->
                "Available offline."
                    .equals(
                        d.findElement(By.cssSelector(".offline-offer [role=status]")).getText()));
    assertEquals(true, status().get("complete"));
    assertEquals(expectedUrls(), cachedUrls(cacheName(version())));

    offline = true;
    chrome.get(base + QUESTION);
    until(chrome, "document.getElementById('review') && !document.getElementById('review').hidden");
    assertEquals(titleOf(QUESTION), chrome.getTitle());
    chrome.get(base + "index.html");
    until(chrome, "document.querySelector('.offline-offer [role=status]')");
    assertEquals(
        "Available offline.",
        chrome.findElement(By.cssSelector(".offline-offer [role=status]")).getText());
    assertNoViolation("a large guide saved");
  }

  @Test
  void recordingStudyProgressAsksToKeepTheStorage() throws Exception {
    buildAndServe();
    chrome.get(base + QUESTION);
    until(chrome, "document.getElementById('review') && !document.getElementById('review').hidden");
    assertEquals("not-asked", persistence());
    chrome.findElement(By.id("review-add")).click();
    new WebDriverWait(chrome, Duration.ofSeconds(10))
        .until(d -> !"not-asked".equals(persistence()));
    String state = persistence();
    System.out.println("offline: persistent storage after the first progress: " + state);
    assertTrue(Set.of("persisted", "refused").contains(state), state);
    // The Progress tab reminds the reader to export exactly when the browser declined.
    chrome.get(base + "study/index.html#progress");
    until(chrome, "document.getElementById('persist-note') !== null");
    new WebDriverWait(chrome, Duration.ofSeconds(10))
        .until(
            d ->
                chrome.findElement(By.id("persist-note")).isDisplayed() == state.equals("refused"));
  }

  @Test
  void fromDiskNothingIsRegisteredAndPagesWorkAsBefore() throws Exception {
    build();
    chrome = ContentSecurityPolicyBrowserTest.chrome(tmp.resolve("profile"));
    String root = site.toUri().toString();
    for (String page : List.of("index.html", "strategy/index.html", QUESTION)) {
      chrome.get(root + page);
      until(
          chrome,
          "document.querySelector('form.search') && !document.querySelector('form.search').hidden");
      assertEquals(titleOf(page), chrome.getTitle());
      assertEquals(null, async("Starbook.offline().then(done)"), page);
      assertEquals("unsupported", persistence(), page);
      assertEquals(
          true,
          async(
              "if (!navigator.serviceWorker) { done(true); } else {"
                  + " navigator.serviceWorker.getRegistrations()"
                  + ".then(r => done(r.length === 0), () => done(true)); }"),
          page + ": no service worker");
      assertNoViolation(page);
    }
    chrome.get(root + "search/index.html?q=backoff");
    until(chrome, "document.querySelector('.search-result')");
    assertEquals("page", js(chrome, "return document.documentElement.dataset.search;"));
    chrome.get(root + "study/index.html");
    until(chrome, "!document.getElementById('flip').hidden");
    assertNoViolation("study page from disk");
    List<String> severe = new ArrayList<>();
    for (LogEntry e : chrome.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        severe.add(e.getMessage());
      }
    }
    assertEquals(List.of(), severe, "no error in the console (no manifest nor worker asked for)");
  }

  @Test
  void starbookServeRegistersNothingAndForgetsAWorkerLeftThere() throws Exception {
    Trees.copy(LiveReloadBrowserTest.SITE, tmp.resolve("serve/content"));
    Trees.copy(Path.of("templates").toAbsolutePath(), tmp.resolve("serve/templates"));
    Preview preview = Browser.preview(tmp.resolve("serve"));
    chrome = ContentSecurityPolicyBrowserTest.chrome(tmp.resolve("profile"));
    try {
      chrome.get(preview.url() + "alpha/one/");
      until(chrome, "window.__starbookLive && window.__starbookLive.events.readyState === 1");
      assertEquals(null, async("Starbook.offline().then(done)"));
      assertEquals(0L, registrations(), "site.js registers nothing under starbook serve");
      // A worker left by a built site served at the same address earlier is unregistered.
      assertEquals(
          1L,
          async(
              "navigator.serviceWorker.register('../../sw.js').then(() =>"
                  + " navigator.serviceWorker.ready).then(() =>"
                  + " navigator.serviceWorker.getRegistrations()).then(r => done(r.length));"));
      chrome.navigate().refresh();
      until(chrome, "window.__starbookLive && window.__starbookLive.events.readyState === 1");
      new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> registrations() == 0L);
      new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> cacheNames().isEmpty());
      assertNoViolation("served page");
    } finally {
      preview.close();
    }
  }

  // ---- helpers

  /** Chromium reads the manifest the page links to, without an error, under the page's policy. */
  @SuppressWarnings("unchecked")
  void assertManifest() throws IOException {
    Map<String, Object> m =
        (Map<String, Object>) chrome.executeCdpCommand("Page.getAppManifest", Map.of());
    assertEquals(base + "manifest.webmanifest", m.get("url"));
    assertEquals(List.of(), m.get("errors"), "manifest errors");
    Map<String, Object> parsed = (Map<String, Object>) m.get("manifest");
    String title = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8").title();
    if (parsed != null) {
      assertEquals(title, parsed.get("name"));
      assertEquals(base + "index.html", parsed.get("startUrl"));
      assertEquals(base, parsed.get("scope"));
      assertTrue(String.valueOf(parsed.get("display")).endsWith("Standalone"), parsed.toString());
      assertTrue(
          String.valueOf(parsed.get("icons")).contains(base + "assets/favicon.svg"),
          parsed.toString());
    } else {
      assertTrue(
          String.valueOf(m.get("data")).contains("\"name\":\"" + title + "\""), m.toString());
    }
    assertNoViolation("home, its manifest read");
  }

  long registrations() {
    return ((Number) async("navigator.serviceWorker.getRegistrations().then(r => done(r.length));"))
        .longValue();
  }

  Object async(String body) {
    return chrome.executeAsyncScript("const done = arguments[arguments.length - 1]; " + body);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> status() {
    return (Map<String, Object>) async("Starbook.offline().then(done, () => done(null))");
  }

  String persistence() {
    return (String) async("Starbook.persistence().then(done)");
  }

  /** Waits for the worker to be active and to report every file saved; returns its status. */
  Map<String, Object> waitUntilSaved() {
    List<Map<String, Object>> last = new ArrayList<>();
    new WebDriverWait(chrome, Duration.ofSeconds(90))
        .until(
            d -> {
              Map<String, Object> s = status();
              last.clear();
              if (s != null) {
                last.add(s);
              }
              return s != null && Boolean.TRUE.equals(s.get("complete"));
            });
    Map<String, Object> s = last.get(0);
    assertEquals(s.get("files"), s.get("saved"), "every file saved: " + s);
    return s;
  }

  @SuppressWarnings("unchecked")
  List<String> cacheNames() {
    return (List<String>) async("caches.keys().then(done)");
  }

  @SuppressWarnings("unchecked")
  Set<String> cachedUrls(String cache) {
    List<String> urls =
        (List<String>)
            async(
                "caches.open(arguments[0]).then(c => c.keys())"
                    + ".then(k => done(k.map(r => r.url).filter(u => !u.includes('.starbook-offline/'))));",
                cache);
    return new TreeSet<>(urls);
  }

  Object async(String body, Object arg) {
    return chrome.executeAsyncScript("const done = arguments[arguments.length - 1]; " + body, arg);
  }

  String cacheName(String version) {
    return "starbook:/" + PREFIX + "/:" + version;
  }

  /** The version the build wrote into sw.js. */
  String version() throws IOException {
    Matcher m =
        Pattern.compile("\"version\":\"([0-9a-f]{16})\"")
            .matcher(Files.readString(site.resolve("sw.js")));
    assertTrue(m.find(), "sw.js names its version");
    return m.group(1);
  }

  /** Every file of the site a reader may ask for (not sw.js, nor the files for servers). */
  List<String> files() throws IOException {
    Set<String> skip = Set.of("sw.js", ".nojekyll", "robots.txt", "sitemap.xml", "CNAME");
    try (Stream<Path> s = Files.walk(site)) {
      return s.filter(Files::isRegularFile)
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !skip.contains(p))
          .sorted()
          .toList();
    }
  }

  Set<String> expectedUrls() throws IOException {
    Set<String> out = new TreeSet<>();
    files().forEach(f -> out.add(base + f));
    return out;
  }

  long sizeOfSite() throws IOException {
    long n = 0;
    for (String f : files()) {
      n += Files.size(site.resolve(f));
    }
    return n;
  }

  String titleOf(String page) throws IOException {
    return Jsoup.parse(site.resolve(page).toFile(), "UTF-8").title();
  }

  void assertNoViolation(String page) {
    ContentSecurityPolicyBrowserTest.assertNoViolation(chrome, page);
  }
}
