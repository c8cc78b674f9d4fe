package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static io.github.starbook.browser.GuideSite.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The header on a phone (390×844, as a mobile viewport): the section links collapse into a menu
 * button (a details element: it opens without JavaScript too), so the first screen shows the page;
 * the menu opens with a tap and shows every link; nothing scrolls sideways at 320 px; axe finds no
 * serious or critical violation at phone size with the menu closed or open. On a desktop the links
 * show as before, without a button.
 */
class PhoneHeaderBrowserTest extends GuideBrowserTest {
  static final String QUESTION = "strategy/build-vs-buy/index.html";

  @BeforeEach
  void desktop() {
    chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  void viewport(int width, int height) {
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 3, "mobile", true));
  }

  void open(String page) {
    chrome.get(base + page);
    until(chrome, "!document.querySelector('form.search').hidden");
  }

  double headerHeight() {
    return ((Number)
            js(
                chrome,
                "return document.querySelector('.site-header').getBoundingClientRect().height;"))
        .doubleValue();
  }

  /** The texts of the header's links a reader can see now. */
  @SuppressWarnings("unchecked")
  List<String> visibleLinks() {
    return (List<String>)
        js(
            chrome,
            "return [...document.querySelectorAll('.site-nav a')]"
                + ".filter(a => a.checkVisibility() && a.getBoundingClientRect().height > 0)"
                + ".map(a => a.textContent.trim());");
  }

  /** Every link of the header as the built page has it: each category, then tags, all, study. */
  List<String> allLinks(String page) throws IOException {
    Document d = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
    return d.select(".site-nav a").eachText();
  }

  @Test
  void onAPhoneTheHeaderIsShortAndTheMenuOpensWithEveryLink() throws IOException {
    viewport(390, 844);
    for (String page : List.of("index.html", QUESTION, "study/index.html")) {
      open(page);
      double h = headerHeight();
      System.out.printf("phone header at 390x844 on %s: %.1f px%n", page, h);
      assertTrue(h < 120, page + ": the header is " + h + " px high");
      assertEquals(List.of(), visibleLinks(), page + ": the links are folded away");
      WebElement menu = chrome.findElement(By.cssSelector(".site-menu > summary"));
      assertTrue(menu.isDisplayed(), "the menu button shows");
      assertEquals("Menu", menu.getText().trim());
      menu.click();
      List<String> expected = allLinks(page);
      assertTrue(expected.size() >= 9, "categories, tags, all questions, study: " + expected);
      assertEquals(expected, visibleLinks(), page + ": the open menu shows every link");
      for (String text : expected) {
        WebElement link = chrome.findElement(By.linkText(text));
        Map<?, ?> r =
            (Map<?, ?>) js(chrome, "return arguments[0].getBoundingClientRect().toJSON();", link);
        assertTrue(
            ((Number) r.get("right")).doubleValue() <= 390, text + " fits on the screen: " + r);
      }
      assertEquals(
          h, headerHeight(), 0.5, "the menu drops over the page: the header keeps its height");
      new Actions(chrome).sendKeys(Keys.ESCAPE).perform();
      assertEquals(List.of(), visibleLinks(), page + ": Escape closes the menu");
      assertEquals("SUMMARY", js(chrome, "return document.activeElement.tagName;"));
      menu.click();
      chrome.findElement(By.cssSelector("main")).click();
      assertEquals(List.of(), visibleLinks(), page + ": a tap beside the menu closes it");
    }
    // A link in the menu takes the reader there.
    open("index.html");
    chrome.findElement(By.cssSelector(".site-menu > summary")).click();
    String first = allLinks("index.html").get(0);
    chrome.findElement(By.linkText(first)).click();
    until(chrome, "!document.querySelector('form.search').hidden");
    assertTrue(chrome.getTitle().startsWith(first), chrome.getTitle());
  }

  @Test
  void onADesktopTheLinksShowAsBeforeWithoutAButton() throws IOException {
    for (String page : List.of("index.html", QUESTION)) {
      open(page);
      assertFalse(
          chrome.findElement(By.cssSelector(".site-menu > summary")).isDisplayed(),
          "no menu button");
      assertEquals(allLinks(page), visibleLinks(), page + ": every link shows");
      double h = headerHeight();
      System.out.printf("desktop header at 1200x900 on %s: %.1f px%n", page, h);
      assertTrue(h < 140, page + ": the header is " + h + " px high");
      // Tab goes from the theme button straight to the first link, as before.
      js(chrome, "document.querySelector('.theme-toggle').focus();");
      new Actions(chrome).sendKeys(Keys.TAB).perform();
      assertEquals(
          allLinks(page).get(0),
          js(chrome, "return document.activeElement.textContent.trim();"),
          "the first link follows the theme button");
    }
  }

  @Test
  void nothingScrollsSidewaysAt320Pixels() {
    viewport(320, 640);
    List<String> wide = new ArrayList<>();
    for (String page :
        List.of(
            "index.html",
            "strategy/index.html",
            QUESTION,
            "reliability/major-outage/index.html",
            "study/index.html",
            "search/index.html?q=hiring",
            "tags/index.html",
            "all/index.html")) {
      open(page);
      for (boolean menuOpen : List.of(false, true)) {
        if (menuOpen) {
          chrome.findElement(By.cssSelector(".site-menu > summary")).click();
        }
        Number scroll = (Number) js(chrome, "return document.documentElement.scrollWidth;");
        Number width = (Number) js(chrome, "return document.documentElement.clientWidth;");
        if (scroll.intValue() > width.intValue()) {
          wide.add(page + (menuOpen ? " (menu open)" : "") + ": " + scroll + " > " + width);
        }
      }
    }
    assertEquals(List.of(), wide, "pages wider than the screen");
  }

  @Test
  void axeFindsNothingSeriousOnThePhoneHomePage() throws IOException {
    String axe;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(AccessibilityTest.AXE)) {
      assertNotNull(in, AccessibilityTest.AXE + " not on the test classpath");
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    viewport(390, 844);
    List<String> problems = new ArrayList<>();
    open("index.html");
    problems.addAll(axe(axe, "home, menu closed"));
    chrome.findElement(By.cssSelector(".site-menu > summary")).click();
    problems.addAll(axe(axe, "home, menu open"));
    open(QUESTION);
    chrome.findElement(By.cssSelector(".site-menu > summary")).click();
    problems.addAll(axe(axe, "question, menu open"));
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  List<String> axe(String axe, String page) {
    return AccessibilityTest.violations(chrome, axe, page);
  }
}
