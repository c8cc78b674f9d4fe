package io.github.starbook.serve;

import io.github.starbook.diag.Diagnostic;
import java.util.List;

/** The little JSON the live-reload script reads: a list of diagnostics. */
final class Json {
  private Json() {}

  static String diagnostics(List<Diagnostic> list) {
    StringBuilder b = new StringBuilder("[");
    for (Diagnostic d : list) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append("{\"path\":").append(string(d.path()))
          .append(",\"line\":").append(d.line())
          .append(",\"column\":").append(d.column())
          .append(",\"severity\":").append(string(d.severity().label()))
          .append(",\"message\":").append(string(d.message()))
          .append(",\"hint\":").append(string(d.hint() == null ? "" : d.hint()))
          .append(",\"text\":").append(string(d.format()))
          .append('}');
    }
    return b.append(']').toString();
  }

  /** A JSON string literal that is also safe inside an HTML script element. */
  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
