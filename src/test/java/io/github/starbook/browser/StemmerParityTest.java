package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.output.Stemming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The index is stemmed in Java and the reader's query in the browser: both must give the same stem
 * for every word, or a query misses what the index holds. Checked for every word of the real guide
 * and of the README, in Chromium, against the site's own stemmer.js.
 */
class StemmerParityTest {
  @TempDir Path tmp;

  @Test
  void javaAndTheBrowserStemEveryWordOfTheGuideAlike() throws IOException {
    Browser.assumeAvailable();
    Path site = GuideSite.build(tmp);
    List<String> words = new ArrayList<>(words());
    assertTrue(words.size() > 4000, words.size() + " words");
    Stemming english = Stemming.forLanguage("en");
    Map<String, String> expected = new TreeMap<>();
    words.forEach(w -> expected.put(w, english.stem(w)));

    ChromeDriver chrome = Browser.start(tmp.resolve("profile"), 800, 600);
    try {
      chrome.get(site.resolve("index.html").toUri().toString());
      chrome.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
      @SuppressWarnings("unchecked")
      List<String> stems =
          (List<String>)
              chrome.executeAsyncScript(
                  "const words = arguments[0], done = arguments[arguments.length - 1];"
                      + "const s = document.createElement('script');"
                      + "s.src = 'assets/search/stemmer.js';"
                      + "s.onload = () => done(words.map(w => self.StarbookStemmer.stem(w)));"
                      + "s.onerror = () => done(null);"
                      + "document.head.appendChild(s);",
                  words);
      Map<String, String> browser = new TreeMap<>();
      for (int i = 0; i < words.size(); i++) {
        browser.put(words.get(i), stems.get(i));
      }
      Map<String, String> differ = new TreeMap<>();
      expected.forEach(
          (w, s) -> {
            if (!s.equals(browser.get(w))) {
              differ.put(w, s + " (Java) vs " + browser.get(w) + " (browser)");
            }
          });
      assertEquals(Map.of(), differ);
    } finally {
      chrome.quit();
    }
  }

  private static TreeSet<String> words() throws IOException {
    TreeSet<String> out = new TreeSet<>();
    Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("content"))) {
      files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".md")).toList());
    }
    files.add(Path.of("README.md"));
    for (Path f : files) {
      Matcher m = word.matcher(Files.readString(f).toLowerCase(Locale.ROOT));
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }
}
