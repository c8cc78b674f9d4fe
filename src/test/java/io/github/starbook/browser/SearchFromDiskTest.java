package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The guide opened from disk (file://), where fetch() and module or worker scripts are refused:
 * search still works, from the header box and on the search page, and the theme is remembered.
 */
class SearchFromDiskTest {
  @TempDir Path tmp;

  @Test
  void searchWorksFromFileUrls() {
    Browser.assumeAvailable();
    Path site = GuideSite.build(tmp);
    String root = site.toUri().toString();
    ChromeDriver chrome = Browser.start(tmp.resolve("profile"), 1200, 900);
    try {
      chrome.get(root + "strategy/build-vs-buy/index.html");
      WebElement box = chrome.findElement(By.id("search-input"));
      box.click();
      box.sendKeys("observabilty");
      until(chrome, "document.querySelector('#search-list [role=option]')");
      assertEquals(
          "page",
          chrome.findElement(By.tagName("html")).getAttribute("data-search"),
          "from file:// the index is built in the page, not a worker");
      WebElement first = chrome.findElement(By.cssSelector("#search-list [role=option]"));
      assertEquals(
          SearchBrowserTest.OBSERVABILITY, first.findElement(By.className("sr-title")).getText());
      assertEquals(
          "Observability", first.findElement(By.cssSelector(".sr-snippet mark")).getText());
      box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
      until(chrome, "location.href.endsWith('/reliability/observability-strategy/index.html')");
      assertTrue(chrome.getCurrentUrl().startsWith("file:"), chrome.getCurrentUrl());

      chrome.get(root + "search/index.html?q=backoff");
      until(chrome, "document.querySelector('.search-result')");
      assertEquals(
          SearchBrowserTest.OUTAGE,
          chrome.findElement(By.cssSelector(".search-result h2")).getText());
      assertEquals(
          "Action", chrome.findElement(By.cssSelector(".search-result .sr-section")).getText());
      chrome.findElement(By.cssSelector(".search-result h2 a")).click();
      until(chrome, "location.href.endsWith('/reliability/major-outage/index.html')");

      chrome.findElement(By.className("theme-toggle")).click();
      String theme = chrome.findElement(By.tagName("html")).getAttribute("data-theme");
      chrome.get(root + "index.html");
      assertEquals(theme, chrome.findElement(By.tagName("html")).getAttribute("data-theme"));
    } finally {
      chrome.quit();
    }
  }
}
