package io.github.starbook.browser;

import static io.github.starbook.browser.GuideSite.js;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.RealGuide;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The print booklet (all/index.html) prints cleanly: with print media emulated, the navigation
 * chrome is gone, external link targets are shown, the cover and contents end their pages and each
 * question starts a new page; Chromium's own print-to-PDF then has at least one page per question.
 */
class PrintBookletTest {
  @TempDir Path tmp;

  @Test
  void theBookletPrintsWithoutChromeAndOneQuestionPerPage() throws Exception {
    Browser.assumeAvailable();
    Path site = GuideSite.build(tmp);
    HttpServer server = Browser.serve(site, GuideSite.PREFIX);
    ChromeDriver chrome = Browser.start(tmp.resolve("profile"), 1200, 900);
    try {
      chrome.get(GuideSite.base(server) + "all/index.html");
      long questions =
          (Long) js(chrome, "return document.querySelectorAll('.booklet-question').length");
      assertEquals(RealGuide.questionCount(), questions);
      // On screen the chrome is there...
      assertEquals("block", style(chrome, ".site-header", "display"));

      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      for (String chromeless :
          new String[] {".site-header", ".site-footer", ".skip-link", "form.search"}) {
        assertEquals("none", style(chrome, chromeless, "display"), chromeless);
      }
      assertEquals("page", style(chrome, ".cover", "break-after"));
      assertEquals("page", style(chrome, ".toc", "break-after"));
      assertEquals("page", style(chrome, ".booklet-question:not(:first-of-type)", "break-before"));
      assertEquals("avoid", style(chrome, ".booklet-question .prose h2", "break-after"));
      assertEquals("avoid", style(chrome, ".booklet-question .prose li", "break-inside"));
      // An external link prints its address after the text.
      // (The guide links only within itself, so add an external link as an author might.)
      String after =
          (String)
              js(
                  chrome,
                  "var a = document.createElement('a');"
                      + " a.href = 'https://example.org/further-reading'; a.textContent = 'further reading';"
                      + " document.querySelector('.booklet-question .prose p').appendChild(a);"
                      + " return getComputedStyle(a, '::after').content;");
      assertTrue(after.contains("https://example.org/further-reading"), after);
      // Internal links print no address (it would be a relative path on paper).
      String internal =
          (String)
              js(
                  chrome,
                  "var a = document.querySelector('.booklet-question .prose a:not([href^=\"http\"])');"
                      + " return getComputedStyle(a, '::after').content;");
      assertEquals("none", internal);

      Map<String, Object> pdf =
          chrome.executeCdpCommand(
              "Page.printToPDF", Map.of("printBackground", false, "preferCSSPageSize", true));
      byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
      Files.write(tmp.resolve("booklet.pdf"), bytes);
      String raw = new String(bytes, StandardCharsets.ISO_8859_1);
      assertTrue(raw.startsWith("%PDF-"), "not a PDF");
      Matcher m = Pattern.compile("/Type\\s*/Page\\b(?!s)").matcher(raw);
      int pages = 0;
      while (m.find()) {
        pages++;
      }
      // Cover, contents and the A-Z list, then every question on a page of its own (or more).
      assertTrue(pages >= questions + 3, pages + " pages for " + questions + " questions");
    } finally {
      chrome.quit();
      server.stop(0);
    }
  }

  private static String style(ChromeDriver chrome, String selector, String property) {
    return (String)
        js(
            chrome,
            "var e = document.querySelector(arguments[0]);"
                + " return e ? getComputedStyle(e).getPropertyValue(arguments[1]) : 'missing ' + arguments[0];",
            selector,
            property);
  }
}
