package io.github.starbook.output;

import io.github.starbook.model.Category;
import io.github.starbook.model.Difficulty;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Output;
import io.github.starbook.model.Question;
import io.github.starbook.model.SectionKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The search index's files under {@code assets/search/}, all scripts rather than JSON so that they
 * load from {@code file://} too, where fetch() is refused, and in a Web Worker by importScripts:
 * {@code index.js} (what every search needs first), one file per shard of terms ({@code t/}), one
 * per question with what its result shows ({@code d/}), the filters' facets ({@code facets.js},
 * loaded only when a filter is used) and the stemmer of the guide's language ({@code stemmer.js}).
 * The format is described in docs/search.md.
 */
public final class SearchData {
  public static final String DIR = Layout.ASSETS + "search/";
  static final int FORMAT = 1;

  private SearchData() {}

  /** The index's files, built now: what {@code starbook build} writes. */
  public static List<Output> plan(Guide guide) {
    SearchIndex index = SearchIndex.build(guide);
    List<Output> out = new ArrayList<>();
    out.add(script(DIR + "index.js", "self.STARBOOK_SEARCH = ", () -> meta(guide, index, 0)));
    index.shards.forEach(
        (key, shard) ->
            out.add(
                new Output(
                    DIR + "t/" + SearchIndex.fileOf(key),
                    SOURCE,
                    os ->
                        os.write(
                            (HEADER + shardCall(key, shard)).getBytes(StandardCharsets.UTF_8)))));
    out.addAll(rest(guide));
    return out;
  }

  /**
   * The index's files for the live preview, where a rebuild follows every save: the shards are
   * grouped into {@link #BUCKETS} files whose names do not depend on the index, so the index is
   * built only if and when the preview's reader searches (once per rebuild).
   */
  public static List<Output> planForPreview(Guide guide) {
    Supplier<SearchIndex> index = memo(() -> SearchIndex.build(guide));
    List<Output> out = new ArrayList<>();
    out.add(
        script(
            DIR + "index.js", "self.STARBOOK_SEARCH = ", () -> meta(guide, index.get(), BUCKETS)));
    for (int b = 0; b < BUCKETS; b++) {
      int bucket = b;
      out.add(
          new Output(
              DIR + "t/" + SearchIndex.bucketFile(b),
              SOURCE,
              os -> bucket(index.get(), bucket, os)));
    }
    out.addAll(rest(guide));
    return out;
  }

  /** Shard files per preview bucket. */
  static final int BUCKETS = 64;

  private static final String SOURCE = "(search index)";

  private static void bucket(SearchIndex index, int bucket, OutputStream os) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    index.shards.forEach(
        (key, shard) -> {
          if (SearchIndex.bucketOf(key, BUCKETS) == bucket) {
            sb.append(shardCall(key, shard));
          }
        });
    os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A shard as one line of script: {@code StarbookSearchFiles.shard("key",{...});}. */
  private static String shardCall(String key, SearchIndex.Shard shard) {
    return "StarbookSearchFiles.shard(" + Json.write(key) + "," + Json.write(shard(shard)) + ");\n";
  }

  private static <T> Supplier<T> memo(Supplier<T> make) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }

  /** The files that do not depend on the index: documents, facets, stemmer. */
  private static List<Output> rest(Guide guide) {
    List<Output> out = new ArrayList<>();
    List<Question> qs = guide.questions();
    for (int i = 0; i < qs.size(); i++) {
      int n = i;
      out.add(
          new Output(
              DIR + "d/" + n + ".js",
              SOURCE,
              os -> write(os, "StarbookSearchFiles.doc(" + n + ",", document(guide, qs.get(n)))));
    }
    out.add(
        new Output(
            DIR + "facets.js",
            SOURCE,
            os -> write(os, "StarbookSearchFiles.facets(", facets(guide))));
    String stemmer = Stemming.forLanguage(guide.site().language()).script();
    if (stemmer != null) {
      out.add(new Output(DIR + "stemmer.js", "(stemmer)", os -> copy(stemmer, os)));
    }
    return out;
  }

  private static Output script(String path, String head, Supplier<Object> value) {
    return new Output(path, SOURCE, os -> write(os, head, value.get()));
  }

  private static void write(OutputStream os, String head, Object value) throws IOException {
    String tail = head.endsWith("(") || head.endsWith(",") ? ");\n" : ";\n";
    os.write((HEADER + head + Json.write(value) + tail).getBytes(StandardCharsets.UTF_8));
  }

  private static final String HEADER = "/* starbook search index: generated, do not edit */\n";

  private static void copy(String resource, OutputStream os) throws IOException {
    try (InputStream in = SearchData.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " not found on the classpath");
      }
      in.transferTo(os);
    }
  }

  /** What every search loads first: the format, the shards that exist, which keys are split. */
  static Map<String, Object> meta(Guide guide, SearchIndex index, int buckets) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    if (buckets > 0) {
      m.put("buckets", buckets);
    }
    m.put("language", guide.site().language());
    m.put("stemmer", index.stemmer);
    m.put("sections", sections());
    m.put("docs", index.docs);
    m.put("typoFrom", SearchIndex.TYPO_FROM);
    m.put("shards", List.copyOf(index.shards.keySet()));
    m.put("split", List.copyOf(index.split));
    m.put("common", index.common);
    return m;
  }

  /** Each section kind's key and its label in search results, in reading order. */
  static List<Map<String, String>> sections() {
    List<Map<String, String>> out = new ArrayList<>();
    for (SectionKind kind : SectionKind.all()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("key", kind.key());
      m.put("label", kind.heading());
      out.add(m);
    }
    return out;
  }

  /**
   * A shard: {@code t} term → postings as a flat list of (question − previous question, score,
   * section + 1 or 0); {@code v} typo variant → terms; {@code p} a split key's best postings.
   */
  static Map<String, Object> shard(SearchIndex.Shard shard) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> terms = new LinkedHashMap<>();
    shard.terms().forEach((t, postings) -> terms.put(t, flat(postings)));
    m.put("t", terms);
    Map<String, Object> variants = new LinkedHashMap<>();
    shard.variants().forEach((v, ts) -> variants.put(v, List.copyOf(ts)));
    m.put("v", variants);
    m.put("p", flat(shard.digest()));
    return m;
  }

  private static int[] flat(List<SearchIndex.Posting> postings) {
    int[] out = new int[postings.size() * 3];
    int last = 0;
    int i = 0;
    for (SearchIndex.Posting p : postings) {
      out[i++] = p.doc() - last;
      out[i++] = p.score();
      out[i++] = p.section();
      last = p.doc();
    }
    return out;
  }

  /** What a result shows: title, link, meta, summary and each section's text for the snippet. */
  static Map<String, Object> document(Guide guide, Question q) {
    Category c = guide.category(q.category());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", q.id());
    d.put("url", q.url() + "index.html");
    d.put("title", q.title());
    d.put("summary", q.summary());
    d.put("category", q.category());
    d.put("categoryTitle", c == null ? q.category() : c.title());
    d.put("tags", q.tags());
    d.put("difficulty", q.difficulty() == null ? "" : q.difficulty());
    d.put("format", q.format());
    Map<String, Object> sections = new LinkedHashMap<>();
    for (SectionKind kind : SectionKind.all()) {
      String text = q.text().get(kind.key());
      if (text != null) {
        sections.put(kind.key(), text);
      }
    }
    d.put("sections", sections);
    return d;
  }

  /**
   * The filters' values per question: lists of categories, tags and difficulties, and per question
   * "category,difficulty,format,tag,tag…" as indexes into them (difficulty −1: none; format 1:
   * STAR).
   */
  static Map<String, Object> facets(Guide guide) {
    List<String> categories = new ArrayList<>();
    guide.categories().forEach(c -> categories.add(c.slug()));
    List<String> tags = List.copyOf(guide.tags().keySet());
    List<String> difficulties = Difficulty.used(guide.questions());
    Map<String, Integer> tagIndex = new java.util.HashMap<>();
    tags.forEach(t -> tagIndex.put(t, tagIndex.size()));
    List<String> docs = new ArrayList<>();
    for (Question q : guide.questions()) {
      StringBuilder sb = new StringBuilder();
      sb.append(categories.indexOf(q.category())).append(',');
      sb.append(q.difficulty() == null ? -1 : difficulties.indexOf(q.difficulty())).append(',');
      sb.append("star".equals(q.format()) ? 1 : 0);
      for (String t : q.tags()) {
        sb.append(',').append(tagIndex.get(t));
      }
      docs.add(sb.toString());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("category", categories);
    m.put("tag", tags);
    m.put("difficulty", difficulties);
    m.put("docs", docs);
    return m;
  }
}
