package io.github.starbook.output;

import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Output;
import io.github.starbook.model.Question;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data study mode needs, in two parts, so a guide of 10,000 questions does not put every card's
 * text into the study page.
 *
 * <p>The <b>index</b>, JSON inside the study page ({@link #json}): what the page needs to start,
 * one array per field with one entry per question in guide order (so by category): its stable id,
 * the hash of its source (so a changed answer can be marked for review), its category, difficulty
 * and tags as numbers into the lists beside them (the deck filter), plus how the cards are cut into
 * chunks. A question's page is {@code pages + id + "/index.html"}.
 *
 * <p>The <b>chunks</b>, {@code study/cards/<n>.js} ({@link #chunk}): the texts of {@link #CHUNK}
 * questions in a row (title, STAR or not, key points as HTML with links re-pointed to work from the
 * study page), as a classic script that hands them to the page, so they load from {@code file://}
 * too, where fetch cannot. Both carry the same {@code stamp}, a hash of every id and hash: a chunk
 * from an older build (a stale cache) is told apart and asked for again.
 */
public record Cards(Guide guide, String pageDir, String stamp) {
  /** Questions per chunk: a small guide has one chunk; 10,000 questions make 100 of ~60 KB. */
  public static final int CHUNK = 100;

  /** The chunks' folder, inside the study page's folder. */
  public static final String DIR = "cards/";

  public Cards(Guide guide, String pageDir) {
    this(guide, pageDir, stamp(guide));
  }

  /** How many chunk files there are (at least one, even for an empty guide). */
  public int chunks() {
    return Math.max(1, (guide.questions().size() + CHUNK - 1) / CHUNK);
  }

  /** A chunk's path in the site. */
  public String path(int n) {
    return pageDir + script(n);
  }

  /** A chunk's address from the study page (the page loads the first one itself). */
  public String script(int n) {
    return DIR + n + ".js";
  }

  /** The chunk files, made when written (by {@link #chunk}). */
  public List<Output> outputs() {
    List<Output> out = new ArrayList<>();
    for (int i = 0; i < chunks(); i++) {
      int n = i;
      out.add(new Output(path(n), "(study cards)", os -> chunk(n, os)));
    }
    return out;
  }

  /**
   * The index, made when the study page is written (the template calls this), so a preview that
   * never shows the study page never makes it. Equal {@code Cards} give equal JSON.
   */
  public String json() {
    List<Question> qs = guide.questions();
    List<String> tagNames = new ArrayList<>(guide.tags().keySet());
    List<String> levels = qs.stream().map(Cards::difficulty).distinct().sorted().toList();
    Map<String, Integer> tagAt = indexes(tagNames);
    Map<String, Integer> levelAt = indexes(levels);
    Map<String, Integer> categoryAt = new HashMap<>();
    guide.categories().forEach(c -> categoryAt.put(c.slug(), categoryAt.size()));
    Map<String, Object> cards = new LinkedHashMap<>();
    cards.put("id", qs.stream().map(Question::id).toList());
    cards.put("hash", qs.stream().map(Question::hash).toList());
    cards.put("category", qs.stream().map(q -> categoryAt.getOrDefault(q.category(), -1)).toList());
    cards.put("difficulty", qs.stream().map(q -> levelAt.get(difficulty(q))).toList());
    cards.put("tags", qs.stream().map(q -> q.tags().stream().map(tagAt::get).toList()).toList());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", 2);
    data.put("stamp", stamp);
    data.put("pages", Layout.root(pageDir));
    data.put("chunkDir", DIR);
    data.put("chunkSize", CHUNK);
    data.put("chunks", chunks());
    data.put("categories", categories(guide));
    data.put("tagNames", tagNames);
    data.put("difficulties", levels);
    data.put("cards", cards);
    return Json.write(data);
  }

  /**
   * Chunk {@code n}: {@code (self.STARBOOK_CARDS = self.STARBOOK_CARDS || []).push({chunk, stamp,
   * cards})}, each card {@code [title, star (1 or 0), key points as HTML]} in index order. Pushed
   * rather than called, so a chunk may run before or after study.js.
   */
  void chunk(int n, OutputStream os) throws IOException {
    List<Question> qs = guide.questions();
    List<Question> part =
        qs.subList(Math.min(qs.size(), n * CHUNK), Math.min(qs.size(), (n + 1) * CHUNK));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("chunk", n);
    data.put("stamp", stamp);
    data.put("cards", part.parallelStream().map(this::card).toList());
    String js =
        "/* starbook study cards "
            + n
            + ": generated, do not edit */\n"
            + "(self.STARBOOK_CARDS = self.STARBOOK_CARDS || []).push("
            + Json.write(data)
            + ");\n";
    os.write(js.getBytes(StandardCharsets.UTF_8));
  }

  private List<Object> card(Question q) {
    return List.of(
        q.title(), q.star() ? 1 : 0, q.copies().card()); // key points, else 1st paragraph
  }

  private static String difficulty(Question q) {
    return q.difficulty() == null ? "" : q.difficulty();
  }

  private static Map<String, Integer> indexes(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    names.forEach(s -> m.put(s, m.size()));
    return m;
  }

  /** 12 hex digits of a SHA-256 over every question's id and hash, in order. */
  static String stamp(Guide guide) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Question q : guide.questions()) {
        md.update((q.id() + " " + q.hash() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each category's slug and title, in guide order (the card data and the study page's filter). */
  static List<Map<String, Object>> categories(Guide guide) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Category c : guide.categories()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("slug", c.slug());
      m.put("title", c.title());
      out.add(m);
    }
    return out;
  }
}
