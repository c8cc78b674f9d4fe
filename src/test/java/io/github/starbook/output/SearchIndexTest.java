package io.github.starbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.GeneratedGuide;
import io.github.starbook.testing.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index of a large generated guide: a shard grown past its size is split by one more letter,
 * its file keeps a digest for prefixes as short as its key, and every term sits in the shard its
 * first letters name.
 */
class SearchIndexTest {
  @TempDir static Path tmp;
  static Path search;
  static String head;

  @BeforeAll
  static void build() throws Exception {
    GeneratedGuide.generate(
        tmp.resolve("content"), GeneratedGuide.sizes("alpha", 800, "beta", 700));
    Run r = Run.build(tmp, tmp.resolve("content"), tmp.resolve("site"));
    assertEquals(0, r.exit(), r.toString());
    search = tmp.resolve("site").resolve(SearchData.DIR);
    head = Files.readString(search.resolve("index.js"));
  }

  static List<String> list(String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\\[([^\\]]*)\\]").matcher(head);
    assertTrue(m.find(), name);
    return m.group(1).isEmpty()
        ? List.of()
        : Pattern.compile(",").splitAsStream(m.group(1)).map(s -> s.replace("\"", "")).toList();
  }

  @Test
  void aShardOverItsSizeIsSplitAndKeepsADigestForShortPrefixes() throws Exception {
    List<String> split = list("split");
    // Every answer says "see another one": the "an" shard is over the limit at 1,500 questions.
    assertTrue(split.contains("a") && split.contains("an"), split.toString());
    String an = Files.readString(search.resolve("t/" + SearchIndex.fileOf("an")));
    Matcher p = Pattern.compile("\"p\":\\[([0-9,]*)\\]").matcher(an);
    assertTrue(p.find(), an.substring(0, 200));
    assertEquals(3 * SearchIndex.DIGEST, p.group(1).split(",").length, "40 best postings");
    assertTrue(split.contains("ano"), "split again while a shard is too large");
    String key = "another";
    while (!split.contains(key.substring(0, key.length() - 1))) {
      key = key.substring(0, key.length() - 1);
    }
    String deeper = Files.readString(search.resolve("t/" + SearchIndex.fileOf(key)));
    assertTrue(deeper.contains("\"another\":["), "the term in the deeper shard " + key);
  }

  @Test
  void everyTermIsInTheShardItsFirstLettersName() throws Exception {
    List<String> split = list("split");
    for (String key : list("shards")) {
      String js = Files.readString(search.resolve("t/" + SearchIndex.fileOf(key)));
      String terms = js.substring(js.indexOf("{\"t\":{") + 6, js.indexOf("},\"v\":{"));
      Matcher m = Pattern.compile("\"([^\"]+)\":\\[").matcher(terms);
      while (m.find()) {
        String t = m.group(1);
        int k = 1;
        while (k < t.length() && split.contains(t.substring(0, k))) {
          k++;
        }
        assertEquals(key, t.substring(0, k), t + " in " + key);
      }
    }
  }

  @Test
  void aWordInNearlyEveryQuestionIsCommon() {
    List<String> common = list("common");
    assertTrue(common.contains("question") && common.contains("another"), common.toString());
    assertTrue(!common.contains("alpha"), "alpha is in 800 of 1,500");
  }
}
