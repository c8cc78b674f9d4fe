package io.github.starbook.answers;

import io.github.starbook.model.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a {@code starbook-answers} export (JSON, written by study mode's "Export my answers"):
 * {@code {format:'starbook-answers', version:1, answers:{id:{title, star, markdown, updated}}}}.
 * JSON is read with SnakeYAML's safe loader (JSON is YAML), with the same kind of size limits as
 * front matter.
 */
public final class AnswerExport {
  public static final String FORMAT = "starbook-answers";
  public static final int VERSION = 1;
  static final int MAX_CHARS = 20_000_000;

  /** Top-level folders of a built site: a category cannot be called like one of them. */
  static final Set<String> RESERVED =
      Set.of(
          strip(Layout.ALL),
          strip(Layout.PAGE),
          strip(Layout.STUDY),
          strip(Layout.SEARCH),
          strip(Layout.TAGS),
          strip(Layout.ASSETS),
          Layout.PAGES);

  /** One answer: the question's id (category/slug), its title, STAR or not, the Markdown. */
  public record Answer(
      String id,
      String category,
      String slug,
      String title,
      boolean star,
      String markdown,
      String updated) {}

  /** The answers of an export, in id order, and the entries that were skipped (with why). */
  public record Contents(List<Answer> answers, List<String> skipped) {}

  private AnswerExport() {}

  private static String strip(String folder) {
    return folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
  }

  /**
   * Parses an export.
   *
   * @throws IllegalArgumentException when the text is not a starbook answers export
   */
  public static Contents parse(String text) {
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException("the file is larger than 20 MB");
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CHARS);
    options.setMaxAliasesForCollections(0);
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(20);
    Object root;
    try {
      root = new Yaml(new SafeConstructor(options)).load(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the file is not valid JSON");
    }
    if (!(root instanceof Map<?, ?> map)
        || !FORMAT.equals(map.get("format"))
        || !(map.get("answers") instanceof Map<?, ?> answers)) {
      throw new IllegalArgumentException(
          "the file is not a starbook answers export (format: \"" + FORMAT + "\")");
    }
    if (!(map.get("version") instanceof Integer v) || v > VERSION) {
      throw new IllegalArgumentException(
          "unsupported version " + map.get("version") + " (this starbook reads version 1)");
    }
    List<Answer> out = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    new TreeMap<>(stringKeys(answers)).forEach((id, value) -> read(id, value, out, skipped));
    return new Contents(List.copyOf(out), List.copyOf(skipped));
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static void read(String id, Object value, List<Answer> out, List<String> skipped) {
    int slash = id.indexOf('/');
    String category = slash < 0 ? "" : id.substring(0, slash);
    String slug = slash < 0 ? "" : id.substring(slash + 1);
    if (!Layout.SLUG.matcher(category).matches() || !Layout.SLUG.matcher(slug).matches()) {
      skipped.add(id + ": not category/slug (" + Layout.SLUG_RULE + ")");
      return;
    }
    if (RESERVED.contains(category)) {
      skipped.add(id + ": '" + category + "' is a reserved folder of the built site");
      return;
    }
    if (!(value instanceof Map<?, ?> a)) {
      skipped.add(id + ": not an answer object");
      return;
    }
    String markdown = a.get("markdown") instanceof String s ? s : "";
    if (markdown.isBlank()) {
      skipped.add(id + ": the answer is empty");
      return;
    }
    String title = a.get("title") instanceof String s && !s.isBlank() ? s.strip() : id;
    String updated = a.get("updated") instanceof String s ? s : "";
    boolean star = Boolean.TRUE.equals(a.get("star"));
    out.add(new Answer(id, category, slug, title, star, markdown, updated));
  }
}
