package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "My answer" in real headless Chromium on the real guide: written on a question page (a STAR
 * question starts with the four headings), saved in localStorage, listed on the Progress tab,
 * deletable, written after a mock answer, and exported; the export goes through {@code starbook
 * import-answers} and the result passes {@code check --strict} and builds.
 */
class MyAnswersBrowserTest extends StudySiteBrowserTest {
  static final String KEY = "starbook:/starbook/#answers";
  static final String STAR = "delivery/impossible-deadline";
  static final String PLAIN = "strategy/build-vs-buy";

  WebDriverWait waiting() {
    return new WebDriverWait(chrome, Duration.ofSeconds(10));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> saved(String id) {
    return (Map<String, Object>)
        chrome.executeScript(
            "const d = JSON.parse(localStorage.getItem(arguments[0]) || 'null');"
                + "return d && d.answers[arguments[1]] || null;",
            KEY,
            id);
  }

  WebElement editorOn(String id) {
    chrome.get(base + id + "/index.html");
    WebElement box = chrome.findElement(By.cssSelector("#review-answer details.my-answer"));
    if (box.getAttribute("open") == null) {
      box.findElement(By.tagName("summary")).click();
    }
    return box.findElement(By.tagName("textarea"));
  }

  void write(WebElement text, String more) {
    text.sendKeys(more);
    text.sendKeys(org.openqa.selenium.Keys.TAB); // blur saves at once (typing saves after 400 ms)
  }

  @Test
  void answersAreWrittenListedDeletedAndSurviveAReload() {
    WebElement star = editorOn(STAR);
    String template = star.getAttribute("value");
    assertTrue(
        template.startsWith("## Situation\n\n\n## Task\n\n\n## Action\n\n\n## Result"), template);
    star.click();
    chrome.executeScript("arguments[0].setSelectionRange(13, 13);", star); // after "## Situation\n"
    write(star, "A launch date set by the board.");
    waiting().until(d -> saved(STAR) != null);
    Map<String, Object> a = saved(STAR);
    assertEquals(Boolean.TRUE, a.get("star"));
    assertTrue(((String) a.get("markdown")).contains("## Situation\nA launch date"), a.toString());
    assertFalse(((String) a.get("title")).isBlank());

    WebElement plain = editorOn(PLAIN);
    assertEquals("", plain.getAttribute("value"), "a plain question starts empty");
    write(plain, "I buy what is not our edge.");
    waiting().until(d -> saved(PLAIN) != null);
    assertEquals(Boolean.FALSE, saved(PLAIN).get("star"));

    // Typing alone saves too, after a short pause.
    plain = editorOn(PLAIN);
    assertEquals("I buy what is not our edge.", plain.getAttribute("value"), "kept after reload");
    plain.sendKeys(" Build the core.");
    waiting().until(d -> ((String) saved(PLAIN).get("markdown")).endsWith("Build the core."));

    chrome.get(base + "study/index.html#progress");
    List<WebElement> rows =
        waiting().until(d -> d.findElements(By.cssSelector("#my-answers li[data-id]")));
    assertEquals(2, rows.size());
    WebElement row = chrome.findElement(By.cssSelector("#my-answers li[data-id='" + PLAIN + "']"));
    assertEquals(
        base + PLAIN + "/index.html",
        row.findElement(By.cssSelector("a.my-answer-title")).getAttribute("href"));
    assertTrue(row.getText().contains("last edited"), row.getText());
    row.findElement(By.cssSelector("button.my-answer-delete")).click();
    assertEquals(1, chrome.findElements(By.cssSelector("#my-answers li[data-id]")).size());
    assertEquals(null, saved(PLAIN));
    assertTrue(saved(STAR) != null);
    assertTrue(chrome.findElement(By.id("answers-status")).getText().startsWith("Deleted"));
  }

  @Test
  void theMockReviewHasTheEditorToo() {
    chrome.get(base + "study/index.html#mock");
    waiting().until(d -> d.findElement(By.id("mock-setup")).isDisplayed());
    chrome.findElement(By.cssSelector("#mock-setup button[type=submit]")).click();
    String id = chrome.findElement(By.id("mock-run")).getAttribute("data-id");
    chrome.findElement(By.id("mock-stop")).click();
    WebElement box = chrome.findElement(By.cssSelector("#mock-answer details.my-answer"));
    assertEquals(id, box.getAttribute("data-id"));
    box.findElement(By.tagName("summary")).click();
    WebElement text = box.findElement(By.tagName("textarea"));
    text.sendKeys("My mock answer.");
    chrome.findElement(By.cssSelector("#mock-grades .grade-3")).click(); // grading saves at once
    assertTrue(((String) saved(id).get("markdown")).contains("My mock answer."));
  }

  @Test
  void exportedAnswersBecomeAGuideThatPassesCheckStrict() throws Exception {
    WebElement star = editorOn(STAR);
    chrome.executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
        star,
        "## Situation\n\nA launch date set by the board.\n\n## Task\n\nShip it or reset it.\n\n"
            + "## Action\n\nI cut scope with the CEO.\n\n## Result\n\nWe shipped a week late.\n");
    waiting().until(d -> saved(STAR) != null);
    WebElement plain = editorOn(PLAIN);
    write(plain, "I buy what is not our edge and **build** the core.");
    waiting().until(d -> saved(PLAIN) != null);

    chrome.get(base + "study/index.html#progress");
    waiting().until(d -> d.findElement(By.id("export-answers")).isEnabled());
    // Capture the Blob the page hands to the download link, as the file it saves would hold.
    chrome.executeScript(
        "window.__exported = null; const make = URL.createObjectURL;"
            + "URL.createObjectURL = (b) => { b.text().then((t) => { window.__exported = t; });"
            + " return make(b); };");
    chrome.findElement(By.id("export-answers")).click();
    String json = (String) waiting().until(d -> chrome.executeScript("return window.__exported;"));
    assertTrue(json.contains("\"format\": \"starbook-answers\""), json);
    assertTrue(
        chrome.findElement(By.id("answers-status")).getText().startsWith("Exported 2 answers"));

    Path file = each.resolve("starbook-answers.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    Path content = each.resolve("mine/content");
    Files.createDirectories(content); // a guide of your own: its site.yaml, with its address
    Files.writeString(
        content.resolve("site.yaml"),
        "title: \"My answers\"\ndescription: \"Mine.\"\nbaseUrl: \"https://example.github.io/mine/\"\n");
    Run imported =
        Run.main(each, "import-answers", file.toString(), "--content", content.toString());
    assertEquals(0, imported.exit(), imported.toString());
    String starFile = Files.readString(content.resolve(STAR + ".md"));
    assertTrue(starFile.contains("format: star\n"), starFile);
    assertTrue(starFile.contains("tags: [my-answers]\n"), starFile);
    assertTrue(starFile.contains("## Result\n\nWe shipped a week late.\n"), starFile);
    assertTrue(Files.exists(content.resolve("delivery/_index.md")));
    assertTrue(Files.readString(content.resolve(PLAIN + ".md")).contains("**build** the core"));

    Run check = Run.main(each, "check", "--strict", "--content", content.toString());
    assertEquals(0, check.exit(), check.toString());
    Run build = Run.build(each, content, each.resolve("mine/site"));
    assertEquals(0, build.exit(), build.toString());
    assertTrue(Files.exists(each.resolve("mine/site/" + STAR + "/index.html")));

    Run again = Run.main(each, "import-answers", file.toString(), "--content", content.toString());
    assertEquals(1, again.exit(), "never overwrites without --force: " + again);
    assertTrue(again.err().contains("not overwriting"), again.toString());
  }
}
