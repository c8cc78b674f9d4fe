package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The guide opens in real Chromium under a sub-path, and its internal links work there. */
class BrowserSmokeTest {
  static final String TITLE = "How do you decide whether to build or buy a capability?";

  @TempDir Path tmp;

  @Test
  void questionPageOpensUnderSubPathAndLinksBackToItsCategory() throws Exception {
    Browser.assumeAvailable();
    Run r = Run.build(tmp, Path.of("content").toAbsolutePath(), tmp.resolve("site"));
    assertEquals(0, r.exit(), r.toString());
    HttpServer server = Browser.serve(tmp.resolve("site"), "guide");
    ChromeDriver chrome = Browser.start(tmp.resolve("profile"), 1100, 900);
    try {
      chrome.get(Browser.baseUrl(server, "guide") + "strategy/build-vs-buy/");
      assertEquals(TITLE, chrome.findElement(By.tagName("h1")).getText());
      chrome.findElement(By.cssSelector(".breadcrumbs li:nth-child(2) a")).click();
      assertEquals(
          Browser.baseUrl(server, "guide") + "strategy/index.html", chrome.getCurrentUrl());
      assertEquals("Strategy & Vision", chrome.findElement(By.tagName("h1")).getText());
    } finally {
      chrome.quit();
      server.stop(0);
    }
  }
}
