package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.GeneratedGuide;
import io.github.starbook.testing.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Search on a guide of 3,000 generated questions, over http under a sub-path (in a worker) and from
 * file:// (in the page): a query finds its question while loading a small part of the index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeGuideSearchBrowserTest {
  static final String WANTED = "beta/q-1234/index.html";

  HttpServer server;
  ChromeDriver chrome;
  String base;
  Path site;
  final List<String> requested = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    Browser.assumeAvailable();
    GeneratedGuide.generate(
        tmp.resolve("content"), GeneratedGuide.sizes("alpha", 1500, "beta", 1500));
    site = tmp.resolve("site");
    Run r = Run.build(tmp, tmp.resolve("content"), site);
    assertEquals(0, r.exit(), r.toString());
    server = Browser.serve(site, GuideSite.PREFIX, requested::add);
    base = GuideSite.base(server);
    chrome = Browser.start(tmp.resolve("profile"), 1200, 900);
  }

  @AfterAll
  void stop() {
    Browser.stop(chrome, server);
  }

  /** Types a query into the header box and returns the first result once it is shown. */
  WebElement first(String page, String query) {
    chrome.get(page);
    WebElement box = chrome.findElement(By.id("search-input"));
    box.click();
    box.sendKeys(query);
    until(chrome, "document.querySelector('.search-status').textContent.indexOf('found') > 0");
    return chrome.findElement(By.cssSelector("#search-list [role=option]"));
  }

  @Test
  void overHttpAQueryLoadsASmallPartOfTheIndex() throws IOException {
    String page = base + "alpha/q-0001/index.html";
    chrome.get(page);
    requested.clear();
    WebElement hit = first(page, "beta 1234");
    assertTrue(hit.getAttribute("data-href").endsWith(WANTED), hit.getAttribute("data-href"));
    assertEquals("worker", chrome.findElement(By.tagName("html")).getAttribute("data-search"));
    List<String> search =
        requested.stream().filter(p -> p.contains("/assets/search/")).distinct().toList();
    // The stemmer (76 KB, 8 KB gzipped) is the same for any size of guide: count the rest.
    long bytes =
        search.stream().filter(p -> !p.endsWith("/stemmer.js")).mapToLong(this::size).sum();
    long index;
    try (var files = Files.walk(site.resolve("assets/search"))) {
      index = files.filter(Files::isRegularFile).mapToLong(this::size).sum();
    }
    System.out.printf(
        "3,000 questions: the query loaded %d index files, %d KB (without the stemmer) of %d KB%n",
        search.size(), bytes / 1024, index / 1024);
    assertTrue(bytes * 20 < index, bytes + " of " + index + " bytes: " + search);
  }

  @Test
  void fromDiskTheSameQueryFindsTheSameQuestion() {
    String page = site.resolve("alpha/q-0001/index.html").toUri().toString();
    WebElement hit = first(page, "beta 1234");
    assertTrue(hit.getAttribute("data-href").endsWith(WANTED), hit.getAttribute("data-href"));
    assertEquals("page", chrome.findElement(By.tagName("html")).getAttribute("data-search"));
  }

  @Test
  void aShortPrefixShowsResultsFromTheSplitShardsDigest() {
    WebElement hit = first(base + "alpha/q-0001/index.html", "an");
    assertTrue(hit.findElement(By.className("sr-snippet")).getText().contains("another"));
  }

  private long size(String path) {
    String rel = path.substring(path.indexOf("/assets/search/") + 1);
    return size(site.resolve(rel));
  }

  private long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
