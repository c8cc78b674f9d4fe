package io.github.starbook.output;

import java.util.List;
import java.util.Map;

/**
 * The one JSON writer of the build (search data, study cards, the live-preview overlay):
 * deterministic (maps in their own order) and safe inside an HTML {@code <script>} element, since
 * {@code <}, {@code >}, {@code &} and the JavaScript line separators are written as escapes.
 */
public final class Json {
  private Json() {}

  /** A String, Number, Boolean, null, int[], List or Map (keys in the map's order) as JSON. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(4096);
    write(sb, value);
    return sb.toString();
  }

  public static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, String.valueOf(e.getKey()));
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof int[] a) {
      out.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(a[i]);
      }
      out.append(']');
    } else if (value instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, l.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    int run = 0; // start of the characters not yet appended, which need no escape
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20
          && c != '"'
          && c != '\\'
          && c != '<'
          && c != '>'
          && c != '&'
          && c != '\u2028'
          && c != '\u2029') {
        continue;
      }
      out.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          out.append("\\u");
          String hex = Integer.toHexString(c);
          out.append("0000", hex.length(), 4).append(hex);
        }
      }
    }
    out.append(s, run, s.length());
    out.append('"');
  }
}
