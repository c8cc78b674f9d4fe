package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static io.github.starbook.browser.GuideSite.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Reading the guide in Chromium: the theme toggle (following the system until chosen, then
 * remembered), j/k and the arrow keys between questions, the skip link and visible focus, and
 * layouts from 320 px wide without sideways scrolling.
 */
class ReadingBrowserTest extends GuideBrowserTest {

  private String background() {
    return (String) js(chrome, "return getComputedStyle(document.body).backgroundColor");
  }

  @Test
  void theThemeFollowsTheSystemUntilChosenAndTheChoiceIsRemembered() {
    chrome.get(base + "index.html");
    js(chrome, "localStorage.clear()");
    chrome.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        java.util.Map.of(
            "features",
            List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
    try {
      chrome.navigate().refresh();
      assertEquals("rgb(21, 24, 28)", background(), "dark system, no choice: dark page");
      WebElement toggle = chrome.findElement(By.className("theme-toggle"));
      assertEquals("true", toggle.getAttribute("aria-pressed"));
      toggle.click();
      assertEquals("rgb(251, 251, 250)", background());
      assertEquals("light", js(chrome, "return localStorage.getItem('starbook-theme')"));
      chrome.get(base + "strategy/build-vs-buy/index.html");
      assertEquals("rgb(251, 251, 250)", background(), "the light choice survives a new page");
      assertEquals(
          "false", chrome.findElement(By.className("theme-toggle")).getAttribute("aria-pressed"));
      chrome.findElement(By.className("theme-toggle")).click();
      chrome.navigate().refresh();
      assertEquals("rgb(21, 24, 28)", background(), "the dark choice survives a reload");
    } finally {
      chrome.executeCdpCommand(
          "Emulation.setEmulatedMedia", java.util.Map.of("features", List.of()));
      js(chrome, "localStorage.clear()");
    }
  }

  @Test
  void jAndKAndTheArrowKeysMoveBetweenQuestions() {
    chrome.get(base + "strategy/tech-debt-vs-delivery/index.html");
    String first = chrome.findElement(By.tagName("h1")).getText();
    String next = chrome.findElement(By.cssSelector(".pager a[rel=next]")).getAttribute("href");
    chrome.findElement(By.tagName("body")).sendKeys("j");
    until(chrome, "location.href === '" + next + "'");
    chrome.findElement(By.tagName("body")).sendKeys("k");
    until(chrome, "location.pathname.endsWith('/strategy/tech-debt-vs-delivery/index.html')");
    assertEquals(first, chrome.findElement(By.tagName("h1")).getText());
    chrome.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
    until(chrome, "location.href === '" + next + "'");
    chrome.findElement(By.tagName("body")).sendKeys(Keys.ARROW_LEFT);
    until(chrome, "location.pathname.endsWith('/strategy/tech-debt-vs-delivery/index.html')");
    // Typing a j in the search box is typing, not navigating.
    chrome.findElement(By.id("search-input")).sendKeys("j");
    assertTrue(chrome.getCurrentUrl().endsWith("/strategy/tech-debt-vs-delivery/index.html"));
  }

  @Test
  void theFirstTabReachesAVisibleSkipLinkThatJumpsToTheContent() {
    chrome.get(base + "strategy/build-vs-buy/index.html");
    chrome.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement active = chrome.switchTo().activeElement();
    assertEquals("Skip to content", active.getText());
    assertTrue(
        (Boolean)
            js(
                chrome,
                "var r = document.activeElement.getBoundingClientRect();"
                    + " return r.left >= 0 && r.top >= 0 && r.width > 0;"),
        "skip link is off screen when focused");
    String outline =
        (String) js(chrome, "return getComputedStyle(document.activeElement).outlineStyle");
    assertEquals("solid", outline, "focus is visible");
    active.sendKeys(Keys.ENTER);
    assertEquals("main", js(chrome, "return document.activeElement.id"));
  }

  @Test
  void pagesFitA320PixelScreenWithoutSidewaysScrolling() {
    Dimension before = chrome.manage().window().getSize();
    try {
      chrome.manage().window().setSize(new Dimension(320, 720));
      // The window may not shrink that far; emulate the viewport instead.
      chrome.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          java.util.Map.of("width", 320, "height", 720, "deviceScaleFactor", 1, "mobile", true));
      List<String> wide = new ArrayList<>();
      for (String page :
          List.of(
              "index.html",
              "strategy/index.html",
              "strategy/build-vs-buy/index.html",
              "reliability/major-outage/index.html",
              "search/index.html?q=engineers",
              "all/index.html",
              "tags/index.html",
              "architecture/monolith-or-microservices/index.html")) {
        chrome.get(base + page);
        if (page.startsWith("search")) {
          until(chrome, "document.querySelectorAll('.search-result').length > 0");
        }
        long width = (Long) js(chrome, "return document.documentElement.scrollWidth");
        if (width > 320) {
          wide.add(page + " is " + width + "px wide");
        }
      }
      chrome.get(base + "strategy/build-vs-buy/index.html");
      chrome.findElement(By.id("search-input")).sendKeys("engineers");
      until(chrome, "document.querySelector('#search-list [role=option]')");
      long popupRight =
          (Long)
              js(
                  chrome,
                  "return Math.ceil(document.getElementById('search-popup').getBoundingClientRect().right)");
      if (popupRight > 320) {
        wide.add("search popup ends at " + popupRight + "px");
      }
      assertEquals(List.of(), wide);
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
      chrome.manage().window().setSize(before);
    }
  }
}
