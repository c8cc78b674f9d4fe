package io.github.starbook.compile;

import io.github.starbook.diag.Diagnostic;
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
 * body's other content (before the first recognised heading, or under any other heading) stays
 * in "body", in order.
 */
public final class SectionSplitter {
  public static final List<String> STAR = List.of("Situation", "Task", "Action", "Result");

  /** Recognised heading text (lower case) to the section key templates see. */
  private static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("situation", "situation");
    KEYS.put("task", "task");
    KEYS.put("action", "action");
    KEYS.put("result", "result");
    KEYS.put("key points", "keyPoints");
    KEYS.put("follow-up questions", "followUps");
    KEYS.put("pitfalls", "pitfalls");
  }

  private SectionSplitter() {}

  /** The section key a level-2 heading opens, or null for an ordinary heading. */
  static String keyOf(Node n, boolean star) {
    if (!(n instanceof Heading h) || h.getLevel() != 2) {
      return null;
    }
    String key = KEYS.get(Markdown.headingText(h).strip().toLowerCase(Locale.ROOT));
    if (key == null || (!star && STAR.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(key)))) {
      return null;
    }
    return key;
  }

  /**
   * Moves the document's top-level nodes into sections. For a STAR answer, reports a missing,
   * repeated, empty or out-of-order Situation/Task/Action/Result.
   */
  public static Map<String, List<Node>> split(
      Document doc, boolean star, String display, int bodyLine, int lastLine,
      List<Diagnostic> problems) {
    Map<String, List<Node>> out = new LinkedHashMap<>();
    out.put("body", new ArrayList<>());
    for (String k : KEYS.values()) {
      out.put(k, new ArrayList<>());
    }
    Map<String, Node> headings = new LinkedHashMap<>();
    List<Node> children = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      children.add(n);
    }
    String current = "body";
    for (Node n : children) {
      String key = keyOf(n, star);
      if (key != null) {
        if (headings.containsKey(key)) {
          problems.add(at(display, bodyLine, n,
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
      checkStar(out, headings, display, bodyLine, lastLine, problems);
    }
    return out;
  }

  private static void checkStar(
      Map<String, List<Node>> sections, Map<String, Node> headings, String display, int bodyLine,
      int lastLine, List<Diagnostic> problems) {
    int lastSeen = -1;
    String lastName = null;
    for (String name : STAR) {
      String key = name.toLowerCase(Locale.ROOT);
      Node h = headings.get(key);
      if (h == null) {
        problems.add(missingAt(display, bodyLine, lastLine, headings, name));
        continue;
      }
      int line = line(bodyLine, h);
      if (line < lastSeen) {
        problems.add(at(display, bodyLine, h,
            "'## " + name + "' comes before '## " + lastName + "'",
            "format: star needs Situation, Task, Action, Result in that order"));
      } else {
        lastSeen = line;
        lastName = name;
      }
      if (sections.get(key).size() < 2) {
        problems.add(at(display, bodyLine, h, "'## " + name + "' has no content",
            "write at least one paragraph under the heading"));
      }
    }
  }

  private static Diagnostic missingAt(
      String display, int bodyLine, int lastLine, Map<String, Node> headings, String name) {
    // Point at the heading that should have come after it, or the end of the file.
    int index = STAR.indexOf(name);
    for (String later : STAR.subList(index + 1, STAR.size())) {
      Node h = headings.get(later.toLowerCase(Locale.ROOT));
      if (h != null) {
        return at(display, bodyLine, h, "STAR answer is missing '## " + name + "'",
            "format: star needs Situation, Task, Action, Result in that order");
      }
    }
    for (String other : List.of("key points", "follow-up questions", "pitfalls")) {
      Node h = headings.get(KEYS.get(other));
      if (h != null) {
        return at(display, bodyLine, h, "STAR answer is missing '## " + name + "'",
            "format: star needs Situation, Task, Action, Result in that order");
      }
    }
    return Diagnostic.error(display, lastLine, 1, "STAR answer is missing '## " + name + "'",
        "format: star needs Situation, Task, Action, Result in that order");
  }

  static int line(int bodyLine, Node n) {
    return n.getSourceSpans().isEmpty() ? bodyLine : bodyLine + n.getSourceSpans().get(0).getLineIndex();
  }

  static int column(Node n) {
    return n.getSourceSpans().isEmpty() ? 1 : n.getSourceSpans().get(0).getColumnIndex() + 1;
  }

  static Diagnostic at(String display, int bodyLine, Node n, String message, String hint) {
    return Diagnostic.error(display, line(bodyLine, n), column(n), message, hint);
  }
}
