package io.github.starbook.content;

import io.github.starbook.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Typed reads of front-matter fields; a wrong type becomes a diagnostic at the value. */
public final class Fields {
  private final Map<String, YamlValue.Entry> fields;
  private final String display;
  private final List<Diagnostic> problems;

  public Fields(Map<String, YamlValue.Entry> fields, String display, List<Diagnostic> problems) {
    this.fields = fields;
    this.display = display;
    this.problems = problems;
  }

  public YamlValue.Entry entry(String key) {
    return fields.get(key);
  }

  /** Line of a key, or 1 when it is absent (the opening fence). */
  public int line(String key) {
    YamlValue.Entry e = fields.get(key);
    return e == null ? 1 : e.line();
  }

  public String string(String key, boolean required, String example) {
    YamlValue.Entry e = fields.get(key);
    if (e == null || e.value().value() == null) {
      if (required) {
        problems.add(
            Diagnostic.error(
                display,
                e == null ? 1 : e.line(),
                e == null ? 1 : e.column(),
                "missing required key '" + key + "'",
                "add '" + key + ": " + example + "'"));
      }
      return null;
    }
    Object v = e.value().value();
    if (v instanceof String s) {
      if (required && s.isBlank()) {
        wrong(e, "must not be empty", "write '" + key + ": " + example + "'");
        return null;
      }
      return s.strip();
    }
    if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
      return String.valueOf(v);
    }
    wrong(e, "must be text, found " + e.value().typeName(), "write '" + key + ": " + example + "'");
    return null;
  }

  public String oneOf(String key, Collection<String> allowed, String dflt) {
    String v = string(key, false, allowed.iterator().next());
    if (v == null) {
      return dflt;
    }
    if (!allowed.contains(v)) {
      String near = nearest(v, allowed);
      wrong(
          fields.get(key),
          "must be one of " + String.join(", ", allowed) + ", found '" + v + "'",
          near != null
              ? "did you mean '" + near + "'?"
              : "use one of " + String.join(", ", allowed));
      return dflt;
    }
    return v;
  }

  public Integer integer(String key) {
    YamlValue.Entry e = fields.get(key);
    if (e == null || e.value().value() == null) {
      return null;
    }
    if (e.value().value() instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    wrong(
        e, "must be a whole number, found " + e.value().typeName(), "write e.g. '" + key + ": 3'");
    return null;
  }

  public boolean bool(String key) {
    YamlValue.Entry e = fields.get(key);
    if (e == null || e.value().value() == null) {
      return false;
    }
    if (e.value().value() instanceof Boolean b) {
      return b;
    }
    wrong(e, "must be true or false, found " + e.value().typeName(), "write '" + key + ": true'");
    return false;
  }

  /** A list of text items; a single text value is refused (write it as a list). */
  public List<Located> stringList(String key) {
    YamlValue.Entry e = fields.get(key);
    List<Located> out = new ArrayList<>();
    if (e == null || e.value().value() == null) {
      return out;
    }
    if (!(e.value().value() instanceof List<?> items)) {
      wrong(e, "must be a list, found " + e.value().typeName(), "write '" + key + ": [a, b]'");
      return out;
    }
    for (Object o : items) {
      YamlValue item = (YamlValue) o;
      if (item.value() instanceof String s) {
        out.add(new Located(s.strip(), item.line(), item.column()));
      } else {
        problems.add(
            Diagnostic.error(
                display,
                item.line(),
                item.column(),
                "'" + key + "' items must be text, found " + item.typeName(),
                "write '" + key + ": [a, b]'"));
      }
    }
    return out;
  }

  private void wrong(YamlValue.Entry e, String what, String hint) {
    problems.add(
        Diagnostic.error(
            display, e.value().line(), e.value().column(), "'" + e.key() + "' " + what, hint));
  }

  /** A text value with where it is. */
  public record Located(String value, int line, int column) {}

  /** The allowed word closest to {@code word} (edit distance at most 2), or null. */
  public static String nearest(String word, Collection<String> allowed) {
    String best = null;
    int bestDistance = 3;
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    for (String a : allowed) {
      if (Math.abs(a.length() - lower.length()) >= bestDistance) {
        continue; // the distance is at least the difference in length
      }
      int d = distance(lower, a.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance || (best != null && d == bestDistance && a.compareTo(best) < 0)) {
        bestDistance = d;
        best = a;
      }
    }
    return best;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
