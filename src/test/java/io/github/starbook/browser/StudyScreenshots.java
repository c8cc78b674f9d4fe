package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Makes the README's study-mode screenshots with headless Chromium: a flashcard and the mock
 * interview, light and dark, plus the mock self-grading and the progress view (light). Not a test:
 * surefire does not pick it up by name, and it only runs when asked: {@code mvn -o test
 * -Dtest=StudyScreenshots -Dstarbook.screenshots=docs}
 */
@EnabledIfSystemProperty(named = "starbook.screenshots", matches = ".+")
class StudyScreenshots {
  @TempDir Path tmp;

  @Test
  void flashcardAndMockInterviewLightAndDark() throws Exception {
    Browser.assumeAvailable();
    Path out = Path.of(System.getProperty("starbook.screenshots")).toAbsolutePath();
    Files.createDirectories(out);
    Run r = Run.build(tmp, Path.of("content").toAbsolutePath(), tmp.resolve("site"));
    assertEquals(0, r.exit(), r.toString());
    HttpServer server = Browser.serve(tmp.resolve("site"), "guide");
    String base = Browser.baseUrl(server, "guide");
    try {
      for (String scheme : List.of("light", "dark")) {
        ChromeDriver chrome = Browser.start(tmp.resolve("profile-" + scheme), 900, 1100);
        try {
          chrome.executeCdpCommand(
              "Emulation.setEmulatedMedia",
              Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
          WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(10));
          chrome.get(base + "study/index.html");
          wait.until(d -> d.findElement(By.cssSelector(".study-tabs")).isDisplayed());
          new Select(chrome.findElement(By.name("category"))).selectByValue("strategy");
          chrome.findElement(By.id("flip")).click();
          Thread.sleep(400); // the answer fades in
          scrollToStudy(chrome);
          shoot(chrome, out.resolve("study-flashcard-" + scheme + ".png"));

          chrome.findElement(By.cssSelector(".study-tabs a[data-view=mock]")).click();
          chrome.findElement(By.cssSelector("#mock-setup button[type=submit]")).click();
          Thread.sleep(1500); // let the timer visibly run
          scrollToStudy(chrome);
          shoot(chrome, out.resolve("study-mock-" + scheme + ".png"));

          chrome.findElement(By.id("mock-stop")).click();
          List<WebElement> boxes = chrome.findElements(By.cssSelector("#mock-points input"));
          for (int i = 0; i < boxes.size() - 1; i++) {
            boxes.get(i).click();
          }
          if (scheme.equals("light")) {
            scrollToStudy(chrome);
            shoot(chrome, out.resolve("study-mock-review-light.png"));
            chrome.findElement(By.cssSelector("#mock-grades .grade-3")).click();
            chrome.findElement(By.cssSelector(".study-tabs a[data-view=progress]")).click();
            scrollToStudy(chrome);
            shoot(chrome, out.resolve("study-progress-light.png"));
          }
        } finally {
          chrome.quit();
        }
      }
    } finally {
      server.stop(0);
    }
  }

  private static void scrollToStudy(ChromeDriver chrome) {
    new Actions(chrome).moveToLocation(0, 0).perform(); // no hover effect in the picture
    chrome.executeScript(
        "document.querySelector('.study-tabs').scrollIntoView();"
            + "window.scrollBy(0, -12); document.activeElement.blur();");
  }

  private static void shoot(ChromeDriver chrome, Path file) throws Exception {
    Files.write(file, chrome.getScreenshotAs(OutputType.BYTES));
  }
}
