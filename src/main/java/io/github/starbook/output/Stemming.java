package io.github.starbook.output;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The guide's language to a Snowball stemmer that exists on both sides: in Java (Lucene's copy of
 * the Snowball stemmers) for the index, and in the browser ({@code stemmers/<name>.js}, a vendored
 * JavaScript build of the same algorithm) for the reader's query. A language with no browser copy
 * is indexed unstemmed (name {@code ""}): search still matches words, prefixes and typos.
 */
public final class Stemming {
  /** Languages (ISO 639-1) with a stemmer on both sides: Snowball's name and its Java class. */
  private static final Map<String, Supplier<SnowballStemmer>> BOTH_SIDES =
      Map.of("english", EnglishStemmer::new);

  private static final Map<String, String> LANGUAGES = Map.of("en", "english");

  private final String name;
  private final SnowballStemmer stemmer;
  private final Map<String, String> memo = new java.util.HashMap<>(); // a word's stem, once

  /** Words remembered at most; a guide's vocabulary is usually far smaller. */
  private static final int MEMO = 200_000;

  private Stemming(String name) {
    this.name = name;
    this.stemmer = name.isEmpty() ? null : BOTH_SIDES.get(name).get();
  }

  /** The stemming for a language tag such as {@code en} or {@code en-GB}. */
  public static Stemming forLanguage(String language) {
    String primary = language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return new Stemming(LANGUAGES.getOrDefault(primary, ""));
  }

  /** Snowball's name of the algorithm ({@code english}), or {@code ""} for none. */
  public String name() {
    return name;
  }

  /** The browser's copy of the stemmer, a classpath resource; null when there is none. */
  public String script() {
    return name.isEmpty() ? null : "stemmers/" + name + ".js";
  }

  /** A lower-case word's stem; not thread-safe (one Stemming per thread). */
  public String stem(String word) {
    if (stemmer == null) {
      return word;
    }
    String known = memo.get(word);
    if (known != null) {
      return known;
    }
    stemmer.setCurrent(word);
    stemmer.stem();
    String stem = stemmer.getCurrent();
    if (memo.size() < MEMO) {
      memo.put(word, stem.equals(word) ? word : stem);
    }
    return stem;
  }
}
