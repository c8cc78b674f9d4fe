package io.github.starbook.content;

import io.github.starbook.diag.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file split into YAML front matter and Markdown body, with the front matter loaded.
 *
 * @param fields the front-matter keys in file order
 * @param body the Markdown after the closing fence
 * @param bodyLine the file line (1-based) where the body starts
 */
public record FrontMatter(Map<String, YamlValue.Entry> fields, String body, int bodyLine) {

  static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

  /**
   * Splits {@code text} at its {@code ---} fences and loads the YAML between them. Problems go to
   * {@code problems}; the result is null when the file cannot be used at all.
   */
  public static FrontMatter parse(SourceFile file, List<Diagnostic> problems) {
    String text = file.text();
    if (text.isBlank()) {
      problems.add(
          Diagnostic.error(
              file.display(),
              1,
              1,
              "file is empty",
              "a content file starts with front matter: a '---' line, 'title: ...', and '---'"));
      return null;
    }
    if (!(text.startsWith("---\n") || text.equals("---"))) {
      problems.add(
          Diagnostic.error(
              file.display(),
              1,
              1,
              "missing front matter",
              "start the file with a line '---', then 'title: ...', then a closing '---'"));
      return null;
    }
    int yamlStart = 4;
    int[] closing = closingFence(text, yamlStart);
    int close = closing[0];
    int closeLine = closing[1];
    if (close < 0) {
      problems.add(
          Diagnostic.error(
              file.display(),
              1,
              1,
              "front matter is never closed",
              "add a line '---' after the last front-matter key"));
      return null;
    }
    String yaml = text.substring(Math.min(yamlStart, close), close);
    if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
      problems.add(
          Diagnostic.error(
              file.display(),
              1,
              1,
              "front matter is too large (" + yaml.length() + " characters)",
              "front matter holds a few short keys; keep it under 64 KB and put prose in the body"));
      return null;
    }
    int eol = text.indexOf('\n', close);
    String body = eol < 0 ? "" : text.substring(eol + 1);
    Map<String, YamlValue.Entry> fields =
        yaml.isBlank() ? new LinkedHashMap<>() : Yaml.load(yaml, 2, file.display(), problems);
    if (fields == null) {
      return null;
    }
    return new FrontMatter(fields, body, closeLine + 1);
  }

  /**
   * Where the closing '---' (or '...') line starts, and its line number, searching from {@code
   * from} on line 2; {-1, -1} when there is none.
   */
  private static int[] closingFence(String text, int from) {
    int lineNo = 2;
    int pos = from;
    while (pos <= text.length()) {
      int eol = text.indexOf('\n', pos);
      String line = eol < 0 ? text.substring(pos) : text.substring(pos, eol);
      if (line.stripTrailing().equals("---") || line.stripTrailing().equals("...")) {
        return new int[] {pos, lineNo};
      }
      if (eol < 0) {
        break;
      }
      pos = eol + 1;
      lineNo++;
    }
    return new int[] {-1, -1};
  }

  /** Reports every key not in {@code allowed}, suggesting the nearest allowed one. */
  public void checkKeys(Set<String> allowed, String display, List<Diagnostic> problems) {
    for (YamlValue.Entry e : fields.values()) {
      if (!allowed.contains(e.key())) {
        String near = Fields.nearest(e.key(), allowed);
        problems.add(
            Diagnostic.error(
                display,
                e.line(),
                e.column(),
                "unknown front-matter key '" + e.key() + "'",
                near != null
                    ? "did you mean '" + near + "'?"
                    : "allowed keys: " + String.join(", ", allowed.stream().sorted().toList())));
      }
    }
  }
}
