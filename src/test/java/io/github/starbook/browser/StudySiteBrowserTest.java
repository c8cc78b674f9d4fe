package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

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

  @AfterEach
  void quit() {
    chrome.quit();
  }
}
