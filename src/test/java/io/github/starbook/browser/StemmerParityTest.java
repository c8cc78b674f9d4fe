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
 * The index is made in Java and the reader's query is read in the browser: both must cut a text
 * into the same words and give every word the same stem, or a query misses what the index holds.
 * Stems are checked for every word of the real guide and of the README, in Chromium, against the
 * site's own stemmer.js; words on a text of many scripts, marks and signs.
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

  /** Both sides cut a text into the same words (SearchIndex.words, search-engine.js tokens). */
  @Test
  void javaAndTheBrowserCutTextIntoTheSameWords() throws IOException {
    Browser.assumeAvailable();
    Path site = GuideSite.build(tmp);
    String text =
        "Don't re-use it: e\u0301te\u0301 café, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀋 😀x, שלום عربي, ١٢٣ ²³ ½, İSTANBUL ıi,"
            + " Straße, snake_case 3.14 x86-64 C++ 'quoted' «guillemets» ﬁne ΟΔΟΣ ΣΟΦΟΣ. ǅemal";
    ChromeDriver chrome = Browser.start(tmp.resolve("profile"), 800, 600);
    try {
      chrome.get(site.resolve("index.html").toUri().toString());
      Object words =
          chrome.executeAsyncScript(
              "const text = arguments[0], done = arguments[arguments.length - 1];"
                  + "const s = document.createElement('script');"
                  + "s.src = 'assets/search-engine.js';"
                  + "s.onload = () => done(StarbookSearch.tokens(text).map(t => t.word));"
                  + "document.head.appendChild(s);",
              text);
      assertEquals(io.github.starbook.output.SearchIndex.words(text), words);
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
