package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Flashcards on a phone-sized window (390×844): a tap or a sideways swipe turns the card, the
 * card's box does not move or change size when it turns, and the grade buttons are at least 44 px
 * tall.
 */
class StudyPhoneBrowserTest extends StudySiteBrowserTest {
  @Override
  ChromeDriver startBrowser(Path profile) {
    ChromeDriver phone = Browser.start(profile, 390, 844);
    phone.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    phone.get(base + "study/index.html");
    new WebDriverWait(phone, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("card")).isDisplayed());
    return phone;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> box(String id) {
    return (Map<String, Object>)
        chrome.executeScript(
            "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return { x: r.x, y: r.y, w: r.width, h: r.height,"
                + " vw: document.documentElement.clientWidth };",
            id);
  }

  @Test
  void aTapTurnsTheCardWithoutMovingIt() {
    assertEquals(390L, ((Number) chrome.executeScript("return window.innerWidth;")).longValue());
    Map<String, Object> before = box("card");
    chrome.findElement(By.id("card-question")).click();
    assertTrue(shown("card-back"), "a tap turns the card");
    assertTrue(chrome.findElement(By.id("card-grades")).isDisplayed());
    Map<String, Object> after = box("card");
    assertEquals(before, after, "the card keeps its place and size when it turns");

    List<WebElement> grades = chrome.findElements(By.cssSelector("#card-grades .grade"));
    assertEquals(4, grades.size());
    for (WebElement g : grades) {
      assertTrue(g.getSize().getHeight() >= 44, g.getText() + ": " + g.getSize());
      assertTrue(g.getSize().getWidth() >= 44, g.getText() + ": " + g.getSize());
    }
    chrome.findElement(By.id("card-question")).click();
    assertTrue(shown("card-back"), "a second tap does not undo");
    String id = chrome.findElement(By.id("card")).getAttribute("data-id");
    grades.get(2).click();
    assertFalse(id.equals(chrome.findElement(By.id("card")).getAttribute("data-id")));
  }

  @Test
  void aSidewaysSwipeTurnsTheCard() {
    Map<String, Object> before = box("card");
    swipe(-120, 8);
    assertTrue(shown("card-back"), "a swipe turns the card");
    assertEquals(before, box("card"));
  }

  @Test
  void anUpwardDragDoesNotTurnTheCard() {
    swipe(10, -120);
    assertEquals(true, chrome.executeScript("return document.getElementById('card-back').hidden;"));
  }

  /** A touch swipe over the card: pointer events as a phone's browser sends them. */
  void swipe(int dx, int dy) {
    chrome.executeScript(
        "const c = document.getElementById('card'); const r = c.getBoundingClientRect();"
            + "const x = r.x + r.width / 2, y = r.y + r.height / 2;"
            + "const ev = (type, px, py) => c.dispatchEvent(new PointerEvent(type, { bubbles: true,"
            + " pointerType: 'touch', isPrimary: true, clientX: px, clientY: py }));"
            + "ev('pointerdown', x, y); ev('pointermove', x + arguments[0] / 2, y + arguments[1] / 2);"
            + "ev('pointerup', x + arguments[0], y + arguments[1]);",
        dx,
        dy);
  }
}
