package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.GeneratedGuide;
import io.github.starbook.testing.Run;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages only a large guide has (render/LargeGuideTest checks their content): axe-core finds no
 * serious or critical violation on them, and in print the page links and the letter index are gone
 * while a category's booklet starts each question on a new page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeGuideBrowserTest {
  HttpServer server;
  ChromeDriver chrome;
  String base;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    Browser.assumeAvailable();
    GeneratedGuide.generate(
        tmp.resolve("content"), GeneratedGuide.sizes("alpha", 300, "beta", 200, "gamma", 50));
    Path site = tmp.resolve("site");
    Run r = Run.build(tmp, tmp.resolve("content"), site);
    assertEquals(0, r.exit(), r.toString());
    server = Browser.serve(site, GuideSite.PREFIX);
    base = GuideSite.base(server);
    chrome = Browser.start(tmp.resolve("profile"), 1200, 900);
  }

  @AfterAll
  void stop() {
    Browser.stop(chrome, server);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theLargeGuidePagesHaveNoSeriousAccessibilityViolations() throws Exception {
    String axe;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(AccessibilityTest.AXE)) {
      assertNotNull(in, AccessibilityTest.AXE + " not on the test classpath");
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> problems = new ArrayList<>();
    for (String page :
        List.of(
            "index.html",
            "alpha/page/2/index.html",
            "tags/common/page/2/index.html",
            "all/index.html",
            "all/gamma/index.html",
            "all/az/index.html")) {
      chrome.get(base + page);
      js(chrome, axe);
      Object result =
          chrome.executeAsyncScript(
              "var done = arguments[arguments.length - 1];"
                  + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                  + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                  + ".map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' '))"
                  + ".slice(0, 5))), e => done(['axe-error: ' + e]));");
      for (Object v : (List<Object>) result) {
        problems.add(page + " " + v);
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void inPrintThePageLinksGoAndEachBookletQuestionStartsAPage() {
    chrome.get(base + "alpha/page/2/index.html");
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertEquals("none", style(".page-nav"));
      chrome.get(base + "all/az/index.html");
      assertEquals("none", style(".letters"));
      chrome.get(base + "all/gamma/index.html");
      assertEquals("none", style(".site-header"));
      assertEquals("page", style(".cover", "break-after"));
      assertEquals("page", style(".booklet-question:not(:first-of-type)", "break-before"));
      long questions =
          (Long) js(chrome, "return document.querySelectorAll('.booklet-question').length");
      assertEquals(50, questions);
      assertTrue(
          (Boolean)
              js(
                  chrome,
                  "return [...document.querySelectorAll('.booklet-question .prose a')]"
                      + ".every(a => a.href.endsWith('/alpha/q-0001/index.html'))"));
    } finally {
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  private String style(String selector) {
    return style(selector, "display");
  }

  private String style(String selector, String property) {
    return (String)
        js(
            chrome,
            "var e = document.querySelector(arguments[0]);"
                + " return e ? getComputedStyle(e).getPropertyValue(arguments[1]) : 'missing ' + arguments[0];",
            selector,
            property);
  }
}
