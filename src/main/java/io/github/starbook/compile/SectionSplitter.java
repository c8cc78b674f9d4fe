package io.github.starbook.compile;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.SectionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * Splits a question body at its recognised level-2 headings and checks the STAR structure. The
 * body's other content (before the first recognised heading, or under any other heading) stays in
 * "body", in order.
 */
public final class SectionSplitter {
  private SectionSplitter() {}

  /** The section kind a level-2 heading opens, or null for an ordinary heading. */
  static SectionKind kindOf(Node n, boolean star) {
    if (!(n instanceof Heading h) || h.getLevel() != 2) {
      return null;
    }
    SectionKind kind = SectionKind.ofHeading(Markdown.headingText(h));
    return kind == null || (!star && kind.star()) ? null : kind;
  }

  /**
   * Moves the document's top-level nodes into sections. For a STAR answer, reports a missing,
   * repeated, empty or out-of-order Situation/Task/Action/Result.
   */
  public static Map<String, List<Node>> split(
      Document doc,
      boolean star,
      String display,
      int bodyLine,
      int lastLine,
      List<Diagnostic> problems) {
    Map<String, List<Node>> out = new LinkedHashMap<>();
    out.put("body", new ArrayList<>());
    for (SectionKind k : SectionKind.all()) {
      out.put(k.key(), new ArrayList<>());
    }
    Map<String, Node> headings = new LinkedHashMap<>();
    List<Node> children = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      children.add(n);
    }
    String current = "body";
    for (Node n : children) {
      SectionKind kind = kindOf(n, star);
      String key = kind == null ? null : kind.key();
      if (key != null) {
        if (headings.containsKey(key)) {
          problems.add(
              at(
                  display,
                  bodyLine,
                  n,
                  "section '## " + Markdown.headingText(n).strip() + "' appears twice",
                  "merge the two sections into one"));
          key = current;
        } else {
          headings.put(key, n);
          current = key;
        }
      } else if (n instanceof Heading h && h.getLevel() == 2) {
        current = "body";
      }
      out.get(current).add(n);
    }
    if (star) {
      checkStar(out, headings, children, new Where(display, bodyLine, lastLine), problems);
    }
    return out;
  }

  /** Where a file's body is, for messages: its name, first body line and last line. */
  private record Where(String display, int bodyLine, int lastLine) {}

  /**
   * The heading that was meant for a missing STAR part ({@code ### Situation}, {@code ## Results},
   * {@code ## Actions}), or null.
   */
  private static Heading mistakenHeading(List<Node> children, SectionKind part) {
    for (Node n : children) {
      if (n instanceof Heading h && mistaken(h, part)) {
        return h;
      }
    }
    return null;
  }

  private static boolean mistaken(Heading h, SectionKind part) {
    String text = Markdown.headingText(h).strip().toLowerCase(Locale.ROOT);
    String name = part.heading().toLowerCase(Locale.ROOT);
    if (h.getLevel() != 2) {
      return text.equals(name);
    }
    return SectionKind.ofHeading(text) == null
        && (text.equals(name + "s")
            || io.github.starbook.content.Fields.nearest(text, List.of(name)) != null);
  }

  private static void checkStar(
      Map<String, List<Node>> sections,
      Map<String, Node> headings,
      List<Node> children,
      Where where,
      List<Diagnostic> problems) {
    String display = where.display();
    int bodyLine = where.bodyLine();
    int lastSeen = -1;
    String lastName = null;
    for (SectionKind part : SectionKind.starParts()) {
      String name = part.heading();
      String key = part.key();
      Node h = headings.get(key);
      Heading meant = h == null ? mistakenHeading(children, part) : null;
      if (meant != null) {
        String written = "#".repeat(meant.getLevel()) + " " + Markdown.headingText(meant).strip();
        problems.add(
            at(
                display,
                bodyLine,
                meant,
                "STAR answer is missing '## " + name + "'",
                "'" + written + "' should be '## " + name + "' (level 2, exactly this word)"));
        continue;
      }
      if (h == null) {
        problems.add(missingAt(display, bodyLine, where.lastLine(), headings, name));
        continue;
      }
      int line = line(bodyLine, h);
      if (line < lastSeen) {
        problems.add(
            at(
                display,
                bodyLine,
                h,
                "'## " + name + "' comes before '## " + lastName + "'",
                "format: star needs Situation, Task, Action, Result in that order"));
      } else {
        lastSeen = line;
        lastName = name;
      }
      if (sections.get(key).size() < 2) {
        problems.add(
            at(
                display,
                bodyLine,
                h,
                "'## " + name + "' has no content",
                "write at least one paragraph under the heading"));
      }
    }
  }

  private static Diagnostic missingAt(
      String display, int bodyLine, int lastLine, Map<String, Node> headings, String name) {
    String message = "STAR answer is missing '## " + name + "'";
    String hint = "format: star needs Situation, Task, Action, Result in that order";
    // Point at the heading that should have come after it, or the end of the file.
    List<SectionKind> parts = SectionKind.starParts();
    List<SectionKind> after =
        new ArrayList<>(
            parts.subList(parts.indexOf(SectionKind.ofHeading(name)) + 1, parts.size()));
    SectionKind.all().stream().filter(k -> k.place() == SectionKind.Place.BOX).forEach(after::add);
    for (SectionKind later : after) {
      Node h = headings.get(later.key());
      if (h != null) {
        return at(display, bodyLine, h, message, hint);
      }
    }
    return Diagnostic.error(display, lastLine, 1, message, hint);
  }

  static int line(int bodyLine, Node n) {
    return n.getSourceSpans().isEmpty()
        ? bodyLine
        : bodyLine + n.getSourceSpans().get(0).getLineIndex();
  }

  static int column(Node n) {
    return n.getSourceSpans().isEmpty() ? 1 : n.getSourceSpans().get(0).getColumnIndex() + 1;
  }

  static Diagnostic at(String display, int bodyLine, Node n, String message, String hint) {
    return Diagnostic.error(display, line(bodyLine, n), column(n), message, hint);
  }

  static Diagnostic warningAt(String display, int bodyLine, Node n, String message, String hint) {
    return Diagnostic.warning(display, line(bodyLine, n), column(n), message, hint);
  }
}
