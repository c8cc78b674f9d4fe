package io.github.starbook.output;

import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Question;
import io.github.starbook.model.SectionKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The search index, built once per build: every word of every question and the word's stem, each
 * with the questions it occurs in and a score (BM25 over the fields, title and tags weighing most),
 * split into shards by the term's first letters so that a reader's query loads only the shards of
 * its words. The browser side is {@code assets/search-engine.js}; the format is in docs/search.md.
 */
public final class SearchIndex {
  /** A shard's estimated size in bytes above which it is split by one more letter. */
  static final int SHARD_BYTES = 16_000;

  /** How many best postings a split shard keeps for a prefix as short as its key. */
  static final int DIGEST = 40;

  /** Words longer than this are not indexed (nobody types them; a hostile one is megabytes). */
  static final int MAX_TERM = 64;

  /** Shard keys are never longer than this, however many long terms share a prefix. */
  static final int MAX_KEY = 8;

  /** Terms this long get typo variants: a 5-letter query word with a letter missing. */
  static final int TYPO_FROM = 4;

  /** Weight of a word in each field; each answer section counts 1. */
  static final double TITLE = 10, TAGS = 6, SUMMARY = 3, CATEGORY = 2, SECTION = 1;

  /**
   * A term in this share of the questions or more is common: the browser leaves it out of a query
   * that has other words (as a stop word would be, in any language), once the guide has at least
   * {@link #COMMON_FROM} questions.
   */
  static final double COMMON = 0.95;

  static final int COMMON_FROM = 20;

  private static final double K1 = 1.2, B = 0.75;
  private static final int CHUNK = 256;

  /** A question (by its place in the guide) where a term occurs: score, and section + 1 or 0. */
  record Posting(int doc, int score, int section) {}

  /** One shard: terms with postings, typo variants (variant → terms), a split key's digest. */
  record Shard(
      SortedMap<String, List<Posting>> terms,
      SortedMap<String, SortedSet<String>> variants,
      List<Posting> digest) {}

  final int docs;
  final String stemmer;
  final SortedMap<String, Shard> shards = new TreeMap<>();
  final SortedSet<String> split = new TreeSet<>();
  final List<String> common = new ArrayList<>();

  private SearchIndex(int docs, String stemmer) {
    this.docs = docs;
    this.stemmer = stemmer;
  }

  /**
   * The words of a text, lower-case: runs of letters and digits (search-engine.js: tokens, which
   * lower-cases the whole text first; a word here is lower-cased on its own and cut again should
   * lower-casing have made a mark or sign of a letter, as it does for İ).
   */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      boolean lower = true; // only a–z and 0–9 so far
      while (i < n) {
        char c = text.charAt(i);
        if (c < 128) {
          if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            if (c < 'A' || c > 'Z') {
              break;
            }
            lower = false;
          }
          i++;
        } else {
          cp = text.codePointAt(i);
          if (!isWordChar(cp)) {
            break;
          }
          lower = false;
          i += Character.charCount(cp);
        }
      }
      String word = text.substring(start, i);
      if (lower) {
        out.add(word);
      } else {
        cut(word.toLowerCase(Locale.ROOT), out);
      }
    }
    return out;
  }

  /** Adds the runs of letters and digits of an already lower-case text. */
  private static void cut(String lower, List<String> out) {
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      boolean word = isWordChar(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(lower.substring(start));
    }
  }

  /** A letter or a digit: Unicode's L and N categories, as {@code [\p{L}\p{N}]} in JavaScript. */
  static boolean isWordChar(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  static SearchIndex build(Guide guide) {
    String language = guide.site().language();
    SearchIndex index =
        new SearchIndex(guide.questions().size(), Stemming.forLanguage(language).name());
    index.score(count(guide, language));
    index.shard();
    return index;
  }

  // ---- counting: per question, each term's weighted frequency and its best section

  /** Raw postings of one term: question, weighted frequency (float bits), section + 1. */
  static final class Postings {
    int[] a = new int[6];
    int n;

    void add(int doc, float weight, int section) {
      if (n + 3 > a.length) {
        a = Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = doc;
      a[n++] = Float.floatToIntBits(weight);
      a[n++] = section;
    }

    int size() {
      return n / 3;
    }
  }

  /** One question's terms (weighted frequency, then a count per section) and its length. */
  record Counted(Map<String, float[]> terms, int length) {}

  /** Every term's raw postings, and each question's length in words (for BM25). */
  record Counts(Map<String, Postings> terms, float[] lengths) {}

  private static Counts count(Guide guide, String language) {
    List<Question> qs = guide.questions();
    ThreadLocal<Stemming> stemming = ThreadLocal.withInitial(() -> Stemming.forLanguage(language));
    Map<String, Postings> all = new HashMap<>();
    float[] lengths = new float[qs.size()];
    for (int start = 0; start < qs.size(); start += CHUNK) {
      int from = start;
      List<Counted> chunk =
          IntStream.range(from, Math.min(qs.size(), from + CHUNK))
              .parallel()
              .mapToObj(i -> count(guide, qs.get(i), stemming.get()))
              .toList();
      for (int i = 0; i < chunk.size(); i++) {
        int doc = from + i;
        chunk
            .get(i)
            .terms()
            .forEach(
                (t, v) ->
                    all.computeIfAbsent(t, k -> new Postings()).add(doc, v[0], bestSection(v)));
        lengths[doc] = chunk.get(i).length();
      }
    }
    return new Counts(all, lengths);
  }

  private static Counted count(Guide guide, Question q, Stemming stemming) {
    List<SectionKind> kinds = SectionKind.all();
    int size = 1 + kinds.size();
    Map<String, float[]> words = new HashMap<>(); // weight, then a count per section
    int length = 0;
    Category c = guide.category(q.category());
    length += add(words, q.title(), TITLE, -1, size);
    length += add(words, String.join(" ", q.tags()), TAGS, -1, size);
    length += add(words, q.summary(), SUMMARY, -1, size);
    length += add(words, c == null ? q.category() : c.title(), CATEGORY, -1, size);
    for (int k = 0; k < kinds.size(); k++) {
      String text = q.text().get(kinds.get(k).key());
      if (text != null) {
        length += add(words, text, SECTION, k, size);
      }
    }
    // Each word counts for its stem too: stemmed once per word, not once per occurrence.
    Map<String, float[]> terms = new HashMap<>(words.size() * 2);
    words.forEach(
        (w, v) -> {
          addTo(terms, w, v);
          String stem = stemming.stem(w);
          if (!stem.equals(w)) {
            addTo(terms, stem, v);
          }
        });
    return new Counted(terms, length);
  }

  private static void addTo(Map<String, float[]> terms, String term, float[] v) {
    float[] into = terms.get(term);
    if (into == null) {
      terms.put(term, v.clone());
    } else {
      for (int i = 0; i < v.length; i++) {
        into[i] += v[i];
      }
    }
  }

  /** Counts a field's words into {@code words}; returns how many there were. */
  private static int add(
      Map<String, float[]> words, String text, double weight, int section, int size) {
    List<String> list = words(text);
    for (String w : list) {
      if (w.length() > MAX_TERM) {
        continue;
      }
      float[] v = words.computeIfAbsent(w, k -> new float[size]);
      v[0] += weight;
      if (section >= 0) {
        v[1 + section]++;
      }
    }
    return list.size();
  }

  /** The section (index + 1) where a term occurs most, the first on a tie; 0 for none. */
  private static int bestSection(float[] v) {
    int best = 0;
    for (int k = 1; k < v.length; k++) {
      if (v[k] > 0 && (best == 0 || v[k] > v[best])) {
        best = k;
      }
    }
    return best;
  }

  // ---- scoring: BM25 with the weighted frequency

  private final SortedMap<String, List<Posting>> scored = new TreeMap<>();

  /** Scores every posting. */
  private void score(Counts counts) {
    float[] len = counts.lengths();
    double avg = 0;
    for (float l : len) {
      avg += l;
    }
    avg = Math.max(1, avg / Math.max(1, docs));
    for (Map.Entry<String, Postings> e : counts.terms().entrySet()) {
      Postings p = e.getValue();
      int df = p.size();
      double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
      List<Posting> list = new ArrayList<>(df);
      for (int i = 0; i < df; i++) {
        int doc = p.a[3 * i];
        double tf = Float.intBitsToFloat(p.a[3 * i + 1]);
        double s = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len[doc] / avg));
        list.add(new Posting(doc, (int) Math.max(1, Math.round(s * 100)), p.a[3 * i + 2]));
      }
      scored.put(e.getKey(), list);
    }
    scored.forEach(
        (t, list) -> {
          if (docs >= COMMON_FROM && list.size() >= COMMON * docs) {
            common.add(t);
          }
        });
  }

  // ---- sharding

  /** The key of the shard holding a term: its first letters, as many as the splits need. */
  String shardOf(String term) {
    int k = 1;
    while (k < term.length() && split.contains(term.substring(0, k))) {
      k++;
    }
    return term.substring(0, Math.min(k, term.length()));
  }

  private void shard() {
    SortedMap<String, List<String>> byFirst = new TreeMap<>();
    for (String t : scored.keySet()) {
      byFirst.computeIfAbsent(t.substring(0, 1), k -> new ArrayList<>()).add(t);
    }
    byFirst.forEach(this::assign);
    // A typo within a term's key would send the query to another shard: such a term is also
    // filed, as a variant, under itself less each letter of its key (search-engine.js: typoKeys).
    for (String t : scored.keySet()) {
      if (t.length() >= TYPO_FROM) {
        for (int p = 0; p < shardOf(t).length(); p++) {
          variant(t.substring(0, p) + t.substring(p + 1), t);
        }
      }
    }
  }

  private void assign(String key, List<String> terms) {
    long bytes = 0;
    boolean longer = false;
    for (String t : terms) {
      bytes += t.length() + 4 + 9L * scored.get(t).size();
      longer |= t.length() > key.length();
    }
    if (!longer || key.length() >= MAX_KEY || bytes <= SHARD_BYTES) {
      SortedMap<String, List<Posting>> mine = shardAt(key).terms();
      terms.forEach(t -> mine.put(t, scored.get(t)));
      return;
    }
    split.add(key);
    Shard here = shardAt(key);
    SortedMap<String, List<String>> deeper = new TreeMap<>();
    for (String t : terms) {
      if (t.length() == key.length()) {
        here.terms().put(t, scored.get(t));
      } else {
        deeper.computeIfAbsent(t.substring(0, key.length() + 1), k -> new ArrayList<>()).add(t);
      }
    }
    here.digest().addAll(digest(terms));
    deeper.forEach(this::assign);
  }

  /** The best postings among terms: per question its best score, the {@link #DIGEST} best. */
  private List<Posting> digest(List<String> terms) {
    int[] score = new int[docs];
    int[] section = new int[docs];
    int[] touched = new int[docs];
    int n = 0;
    for (String t : terms) {
      for (Posting p : scored.get(t)) {
        int d = p.doc();
        if (score[d] == 0) {
          touched[n++] = d;
        }
        if (p.score() > score[d]) {
          score[d] = p.score();
          section[d] = p.section();
        }
      }
    }
    // The DIGEST best (a higher score, then an earlier question), kept sorted as primitive longs.
    long[] top = new long[Math.min(DIGEST, n)];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int d = touched[i];
      long rank = ((long) (Integer.MAX_VALUE - score[d]) << 32) | d;
      if (kept < top.length || rank < top[kept - 1]) {
        int at = kept < top.length ? kept++ : kept - 1;
        while (at > 0 && top[at - 1] > rank) {
          top[at] = top[at - 1];
          at--;
        }
        top[at] = rank;
      }
    }
    int[] best = new int[kept];
    for (int i = 0; i < kept; i++) {
      best[i] = (int) top[i];
    }
    Arrays.sort(best);
    List<Posting> out = new ArrayList<>(best.length);
    for (int d : best) {
      out.add(new Posting(d, score[d], section[d]));
    }
    return out;
  }

  private void variant(String variant, String term) {
    shardAt(shardOf(variant)).variants().computeIfAbsent(variant, k -> new TreeSet<>()).add(term);
  }

  private Shard shardAt(String key) {
    return shards.computeIfAbsent(
        key, k -> new Shard(new TreeMap<>(), new TreeMap<>(), new ArrayList<>()));
  }

  /**
   * The preview's bucket of a shard key: a 31-multiplier hash of its UTF-16 units (as Java's
   * String.hashCode), modulo the buckets (search-engine.js: bucketOf).
   */
  static int bucketOf(String key, int buckets) {
    return Math.floorMod(key.hashCode(), buckets);
  }

  static String bucketFile(int bucket) {
    return "h-" + bucket + ".js";
  }

  /** A shard's file name: the key itself when plain a–z and 0–9, else its UTF-16 units in hex. */
  static String fileOf(String key) {
    if (key.matches("[a-z0-9]+")) {
      return "t-" + key + ".js";
    }
    StringBuilder sb = new StringBuilder("x-");
    for (char ch : key.toCharArray()) {
      sb.append(String.format(Locale.ROOT, "%04x", (int) ch));
    }
    return sb.append(".js").toString();
  }
}
