package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.Run;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the study-mode browser tests: the real guide built and served under a sub-path once per
 * class, and a fresh Chromium profile (so empty localStorage) for every test.
 */
abstract class StudySiteBrowserTest {
  @TempDir static Path tmp;
  static HttpServer server;
  static String base;

  @TempDir Path each;
  ChromeDriver chrome;

  @BeforeAll
  static void buildAndServe() throws Exception {
    Browser.assumeAvailable();
    Run r = Run.build(tmp, Path.of("content").toAbsolutePath(), tmp.resolve("site"));
    assertEquals(0, r.exit(), r.toString());
    server = Browser.serve(tmp.resolve("site"), "guide");
    base = Browser.baseUrl(server, "guide");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @BeforeEach
  void start() {
    chrome = startBrowser(each.resolve("profile"));
  }

  /** The browser each test gets: a desktop window unless a test class needs another. */
  ChromeDriver startBrowser(Path profile) {
    return Browser.start(profile, 1100, 900);
  }

  /**
   * Whether an element is shown once the card's 0.18 s reveal animation has run: it starts at
   * opacity 0, which WebDriver counts as not displayed, so an immediate check races the animation.
   */
  boolean shown(String id) {
    try {
      return new WebDriverWait(chrome, Duration.ofSeconds(2))
          .until(d -> d.findElement(By.id(id)).isDisplayed());
    } catch (TimeoutException e) {
      return false;
    }
  }

  @AfterEach
  void quit() {
    chrome.quit();
  }
}
