package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.serve.Preview;
import io.github.starbook.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In real Chromium, an open page reloads by itself after a save and shows a broken edit. */
class LiveReloadBrowserTest {
  static final Path SITE = Path.of("src/test/resources/sites/serve").toAbsolutePath();

  @TempDir Path tmp;

  /** The serve fixture and the theme copied to tmp; returns its content/alpha/two.md. */
  Path copySite() throws Exception {
    Browser.assumeAvailable();
    Trees.copy(SITE, tmp.resolve("content"));
    Trees.copy(Path.of("templates").toAbsolutePath(), tmp.resolve("templates"));
    return tmp.resolve("content/alpha/two.md");
  }

  @Test
  void anOpenPageReloadsAfterASaveKeepsItsScrollAndShowsErrorsUntilFixed() throws Exception {
    Path one = copySite();
    String good = Files.readString(one);
    // A long page, so there is a scroll position to keep.
    Files.writeString(
        one, good.replace("## Task", "Filler paragraph.\n\n".repeat(200) + "## Task"));
    Preview preview = Browser.preview(tmp);
    ChromeDriver chrome = Browser.start(tmp.resolve("profile"), 1000, 700);
    try {
      WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(60));
      chrome.get(preview.url() + "alpha/two/");
      assertEquals("Tell me about question two.", chrome.findElement(By.tagName("h1")).getText());
      wait.until(
          d ->
              ((Number)
                          chrome.executeScript(
                              "return window.__starbookLive && window.__starbookLive.events.readyState"))
                      .intValue()
                  == 1);
      chrome.executeScript("document.body.dataset.before = 'yes'; window.scrollTo(0, 400);");
      long scrolled =
          ((Number) chrome.executeScript("return Math.round(window.scrollY)")).longValue();

      Files.writeString(
          one,
          Files.readString(one)
              .replace("Tell me about question two.", "Tell me about question 2."));
      wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Tell me about question 2."));
      assertEquals(
          null,
          chrome.executeScript("return document.body.dataset.before || null"),
          "the page was reloaded, not patched");
      long now = -1;
      for (int i = 0; i < 100 && now != scrolled; i++) {
        now = ((Number) chrome.executeScript("return Math.round(window.scrollY)")).longValue();
        Thread.sleep(200);
      }
      assertEquals(scrolled, now, "scroll position after the reload");

      Files.writeString(one, Files.readString(one).replace("tags: [alpha]", "tags: [alpha"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("starbook-overlay")));
      String overlay = chrome.findElement(By.id("starbook-overlay")).getText();
      assertTrue(overlay.contains("content/alpha/two.md:5:"), overlay);
      assertEquals("Tell me about question 2.", chrome.findElement(By.tagName("h1")).getText());

      Files.writeString(one, good.replace("Tell me about question two.", "Fixed question two."));
      wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Fixed question two."));
      assertEquals(0, chrome.findElements(By.id("starbook-overlay")).size());
    } finally {
      chrome.quit();
      preview.close();
    }
  }

  /**
   * The preview builds the search index only when searched, once per rebuild, in a fixed set of
   * shard files: a word saved a moment ago is found.
   */
  @Test
  void searchInThePreviewFindsWhatWasJustSaved() throws Exception {
    Path one = copySite();
    Preview preview = Browser.preview(tmp);
    ChromeDriver chrome = Browser.start(tmp.resolve("profile"), 1000, 700);
    try {
      WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(60));
      chrome.get(preview.url() + "alpha/one/");
      Files.writeString(one, Files.readString(one).replace("## Task", "Zebrafish.\n\n## Task"));
      wait.until(
          d -> {
            d.navigate().refresh();
            WebElement box = d.findElement(By.id("search-input"));
            box.click();
            box.sendKeys("zebrafish");
            try {
              return new WebDriverWait(d, Duration.ofSeconds(5))
                  .until(
                      x ->
                          x.findElement(By.cssSelector("#search-list [role=option]"))
                              .getAttribute("data-href")
                              .endsWith("alpha/two/index.html"));
            } catch (org.openqa.selenium.TimeoutException e) {
              return false;
            }
          });
      assertTrue(
          chrome.getPageSource().contains("<mark>Zebrafish</mark>"), "the word is highlighted");
    } finally {
      chrome.quit();
      preview.close();
    }
  }
}
