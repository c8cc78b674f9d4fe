package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static io.github.starbook.browser.GuideSite.until;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Makes the README's screenshots with headless Chromium: a question page and search results, light
 * and dark. Not a check: it runs only when asked, e.g. {@code mvn -o test -Dtest=Screenshots
 * -Dstarbook.screenshots=docs -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class Screenshots {
  @TempDir Path tmp;

  @Test
  @EnabledIfSystemProperty(named = "starbook.screenshots", matches = ".+")
  void writeReadmeScreenshots() throws Exception {
    Browser.assumeAvailable();
    Path out = Path.of(System.getProperty("starbook.screenshots")).toAbsolutePath();
    Files.createDirectories(out);
    HttpServer server = Browser.serve(GuideSite.build(tmp), GuideSite.PREFIX);
    String base = GuideSite.base(server);
    ChromeDriver chrome = Browser.start(tmp.resolve("profile"), 1100, 860);
    try {
      for (String theme : new String[] {"light", "dark"}) {
        chrome.get(base + "index.html");
        js(chrome, "localStorage.setItem('starbook-theme', arguments[0])", theme);

        chrome.get(base + "reliability/major-outage/index.html");
        shot(chrome, out.resolve("question-" + theme + ".png"));

        chrome.get(base + "strategy/build-vs-buy/index.html");
        chrome.findElement(By.id("search-input")).sendKeys("incident");
        until(chrome, "document.querySelectorAll('#search-list [role=option]').length > 3");
        chrome.findElement(By.id("search-input")).sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        shot(chrome, out.resolve("search-" + theme + ".png"));

        chrome.get(base + "search/index.html?q=hiring&format=star");
        until(chrome, "document.querySelector('.search-result')");
        shot(chrome, out.resolve("search-page-" + theme + ".png"));
      }
    } finally {
      chrome.quit();
      server.stop(0);
    }
  }

  private static void shot(ChromeDriver chrome, Path file) throws Exception {
    Thread.sleep(300); // let the focus ring and fonts settle
    Files.write(file, chrome.getScreenshotAs(OutputType.BYTES));
  }
}
