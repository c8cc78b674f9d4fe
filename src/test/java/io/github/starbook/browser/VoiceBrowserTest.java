package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The spoken mock interview in real headless Chromium: "Read the question aloud" calls
 * speechSynthesis (stubbed in the page) with the question's text, and explains itself when there is
 * no voice or no API; "Record my answer" records from Chromium's fake microphone, keeps the take in
 * IndexedDB, plays it back beside the checklist and deletes it; without the APIs the controls say
 * why.
 *
 * <p>Playing a recording needs {@code media-src 'self' blob:} in the page's Content-Security-Policy
 * (base.peb).
 */
class VoiceBrowserTest {
  @TempDir static Path tmp;
  static HttpServer server;
  static String base;

  @TempDir Path each;
  ChromeDriver chrome;

  @BeforeAll
  static void buildAndServe() throws Exception {
    Browser.assumeAvailable();
    assertTrue(
        Files.readString(Run.TEMPLATES.resolve("base.peb")).contains("media-src 'self' blob:"),
        "playing a recording needs media-src 'self' blob: in the page's policy");
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

  @AfterEach
  void quit() {
    if (chrome != null) {
      chrome.quit();
    }
  }

  WebDriverWait waiting() {
    return new WebDriverWait(chrome, Duration.ofSeconds(15));
  }

  WebElement byId(String id) {
    return chrome.findElement(By.id(id));
  }

  void startMock() {
    chrome.get(base + "study/index.html#mock");
    waiting().until(d -> byId("mock-setup").isDisplayed());
    chrome.findElement(By.cssSelector("#mock-setup button[type=submit]")).click();
    assertTrue(byId("mock-run").isDisplayed());
  }

  @Test
  void readsTheQuestionAloudWithALocalVoice() {
    chrome = Browser.start(each.resolve("profile"), 1100, 900);
    startMock();
    chrome.executeScript(
        "window.__spoken = [];"
            + "const voices = [{ name: 'Remote', lang: 'en-US', localService: false },"
            + " { name: 'Local', lang: 'en-GB', localService: true }];"
            + "Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {"
            + " getVoices: () => voices, cancel: () => {},"
            + " speak: (u) => window.__spoken.push(u.text) } });");
    byId("mock-speak").click();
    assertEquals(
        List.of(byId("mock-question").getText()), chrome.executeScript("return window.__spoken;"));
    assertEquals(
        "Local",
        chrome.executeScript(
            "return StarbookStudy.voice.pickVoice(speechSynthesis.getVoices(), 'en').name;"));
    assertEquals("Reading the question aloud…", byId("mock-speak-status").getText());

    chrome.executeScript(
        "Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {"
            + " getVoices: () => [], cancel: () => {}, speak: () => { throw 1; } } });");
    byId("mock-speak").click();
    assertTrue(
        byId("mock-speak-status").getText().startsWith("No voice for reading aloud"),
        byId("mock-speak-status").getText());
  }

  @Test
  void recordsOnTheFakeMicrophonePlaysBackAndDeletes() {
    chrome =
        Browser.start(
            each.resolve("profile"),
            1100,
            900,
            o ->
                o.addArguments(
                    "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream",
                    "--autoplay-policy=no-user-gesture-required"));
    startMock();
    String id = byId("mock-run").getAttribute("data-id");
    WebElement record = byId("mock-record");
    assertTrue(record.isEnabled(), byId("mock-record-status").getText());
    record.click();
    waiting().until(d -> "true".equals(byId("mock-record").getAttribute("aria-pressed")));
    assertEquals("Stop recording", byId("mock-record").getText());
    chrome.executeScript("return new Promise((r) => setTimeout(r, 1500));");
    byId("mock-stop").click(); // done answering: the recording stops with the timer

    WebElement take =
        waiting().until(d -> byId("mock-take").isDisplayed() ? byId("mock-take") : null);
    assertTrue(byId("mock-review").isDisplayed());
    assertTrue(byId("mock-points").isDisplayed(), "the checklist is there beside the take");
    Object stored =
        chrome.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const req = indexedDB.open('starbook:/starbook/#recordings');"
                + "req.onsuccess = () => { const g = req.result.transaction('takes')"
                + ".objectStore('takes').get(arguments[0]);"
                + " g.onsuccess = () => done(g.result ? g.result.blob.size : -1); };",
            id);
    assertTrue(((Number) stored).longValue() > 0, "a take in IndexedDB: " + stored);
    String src = take.findElement(By.tagName("audio")).getAttribute("src");
    assertTrue(src.startsWith("blob:"), src);
    Object played =
        chrome.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const a = document.getElementById('mock-audio');"
                + "a.play().then(() => setTimeout(() => done('played ' + (a.currentTime > 0)), 700),"
                + " (e) => done('failed ' + e + ' ' + (a.error && a.error.message)));");
    assertEquals("played true", played);

    byId("mock-take-delete").click();
    waiting().until(d -> !byId("mock-take").isDisplayed());
    assertEquals("Recording deleted.", byId("mock-take-status").getText());
    Object gone =
        chrome.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const req = indexedDB.open('starbook:/starbook/#recordings');"
                + "req.onsuccess = () => { const g = req.result.transaction('takes')"
                + ".objectStore('takes').get(arguments[0]);"
                + " g.onsuccess = () => done(g.result === undefined); };",
            id);
    assertEquals(Boolean.TRUE, gone);

    chrome.findElement(By.cssSelector("#mock-grades .grade-3")).click(); // grading as before
    assertTrue(byId("mock-summary").isDisplayed());
  }

  @Test
  void controlsSayWhyWhenTheApisAreMissing() {
    chrome = Browser.start(each.resolve("profile"), 1100, 900);
    chrome.get(base + "study/index.html#mock");
    chrome.executeScript(
        "delete window.MediaRecorder; Object.defineProperty(window, 'MediaRecorder',"
            + " { configurable: true, value: undefined });"
            + "Object.defineProperty(window, 'SpeechSynthesisUtterance',"
            + " { configurable: true, value: undefined });");
    chrome.findElement(By.cssSelector("#mock-setup button[type=submit]")).click();
    assertFalse(byId("mock-record").isEnabled());
    assertEquals("This browser cannot record audio.", byId("mock-record-status").getText());
    assertFalse(byId("mock-speak").isEnabled());
    assertEquals("This browser cannot read text aloud.", byId("mock-speak-status").getText());
    byId("mock-stop").click();
    chrome.findElement(By.cssSelector("#mock-grades .grade-2")).click();
    assertTrue(byId("mock-summary").isDisplayed(), "the interview works without them");
  }
}
