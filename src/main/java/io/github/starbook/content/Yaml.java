package io.github.starbook.content;

import io.github.starbook.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads YAML safely: SnakeYAML only composes a node tree (nothing is ever instantiated from a tag),
 * with limits on aliases, nesting and size; duplicate keys and non-standard tags are errors. Every
 * value keeps its file line and column.
 */
public final class Yaml {
  private static final Set<Tag> PLAIN_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP, Tag.TIMESTAMP);
  private static final int MAX_NODES = 10_000;
  private static final int MAX_DEPTH = 20;

  private Yaml() {}

  /**
   * Loads a top-level mapping. {@code firstLine} is the file line of the YAML's first line. Returns
   * null (after adding diagnostics) when the YAML cannot be used.
   */
  public static Map<String, YamlValue.Entry> load(
      String yaml, int firstLine, String display, List<Diagnostic> problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(FrontMatter.MAX_FRONT_MATTER_CHARS * 2);
    options.setAllowRecursiveKeys(false);
    Node root;
    StreamReader reader = new StreamReader(yaml);
    try {
      Composer composer = new Composer(new ParserImpl(reader, options), new Resolver(), options);
      root = composer.getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = m == null ? firstLine : firstLine + m.getLine();
      int col = m == null ? 1 : m.getColumn() + 1;
      Mark ctx = e.getContextMark();
      String opened =
          ctx != null && m != null && ctx.getLine() != m.getLine()
              ? " (" + oneLine(e.getContext()) + " on line " + (firstLine + ctx.getLine()) + ")"
              : "";
      problems.add(
          Diagnostic.error(
              display,
              line,
              col,
              "invalid YAML: " + oneLine(e.getProblem()) + opened,
              hintFor(e.getProblem())));
      return null;
    } catch (YAMLException | StackOverflowError e) {
      // Limits (nesting, aliases) carry no mark; the reader stopped just past the problem.
      problems.add(
          Diagnostic.error(
              display,
              firstLine + reader.getLine(),
              reader.getColumn() + 1,
              "invalid YAML: " + oneLine(String.valueOf(e.getMessage())),
              limitHint(String.valueOf(e.getMessage()))));
      return null;
    }
    if (root == null) {
      return new LinkedHashMap<>();
    }
    Converter c = new Converter(firstLine, display, problems);
    YamlValue v = c.convert(root, 0);
    if (c.failed) {
      return null;
    }
    if (!(v.value() instanceof Map)) {
      problems.add(
          Diagnostic.error(
              display,
              v.line(),
              v.column(),
              "front matter must be 'key: value' lines, found " + v.typeName(),
              "write e.g. 'title: \"How do you ...?\"'"));
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, YamlValue.Entry> map = (Map<String, YamlValue.Entry>) v.value();
    return map;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').strip();
  }

  private static String limitHint(String message) {
    if (message.contains("aliases")) {
      return "remove the anchors and aliases (&name, *name); write the values out";
    }
    if (message.contains("Nesting")) {
      return "front matter nests at most " + MAX_DEPTH + " levels; keep it to 'key: value' lines";
    }
    return "front matter is a short list of 'key: value' lines";
  }

  private static String hintFor(String problem) {
    if (problem != null && problem.contains("'\\t'")) {
      return "indent YAML with spaces, not tabs";
    }
    if (problem != null && problem.contains("tag")) {
      return "remove the '!' tag; front matter holds plain text, numbers, lists and mappings";
    }
    if (problem != null && problem.contains("mapping values are not allowed")) {
      return "quote values that contain ': ', e.g. title: \"Q: why?\"";
    }
    return "check the YAML syntax at this position; quote values that contain ':' or '#'";
  }

  private static final class Converter {
    final int firstLine;
    final String display;
    final List<Diagnostic> problems;
    int nodes;
    boolean failed;

    Converter(int firstLine, String display, List<Diagnostic> problems) {
      this.firstLine = firstLine;
      this.display = display;
      this.problems = problems;
    }

    int line(Node n) {
      return firstLine + n.getStartMark().getLine();
    }

    int col(Node n) {
      return n.getStartMark().getColumn() + 1;
    }

    YamlValue fail(Node n, String message, String hint) {
      if (!failed) {
        problems.add(Diagnostic.error(display, line(n), col(n), message, hint));
      }
      failed = true;
      return new YamlValue(null, line(n), col(n));
    }

    YamlValue convert(Node n, int depth) {
      if (failed) {
        return new YamlValue(null, line(n), col(n));
      }
      if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
        return fail(
            n,
            "front matter is too deeply nested or too large",
            "front matter holds a few short keys; remove anchors and aliases");
      }
      if (!PLAIN_TAGS.contains(n.getTag())) {
        return fail(
            n,
            "YAML tag '" + n.getTag() + "' is not allowed",
            "remove the '!' tag; front matter holds plain text, numbers, lists and mappings");
      }
      if (n instanceof ScalarNode s) {
        return new YamlValue(scalar(s), line(n), col(n));
      }
      if (n instanceof SequenceNode seq) {
        List<YamlValue> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new YamlValue(items, line(n), col(n));
      }
      MappingNode map = (MappingNode) n;
      Map<String, YamlValue.Entry> entries = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode ks) || !PLAIN_TAGS.contains(k.getTag())) {
          return fail(k, "front-matter keys must be plain words", "write 'key: value'");
        }
        String key = ks.getValue();
        YamlValue.Entry prev = entries.get(key);
        if (prev != null) {
          return fail(
              k,
              "duplicate key '" + key + "' (first on line " + prev.line() + ")",
              "keep one '" + key + ":' line (lines " + prev.line() + " and " + line(k) + ")");
        }
        entries.put(
            key, new YamlValue.Entry(key, line(k), col(k), convert(t.getValueNode(), depth + 1)));
      }
      return new YamlValue(entries, line(n), col(n));
    }

    static Object scalar(ScalarNode s) {
      String v = s.getValue();
      Tag tag = s.getTag();
      try {
        if (tag.equals(Tag.INT)) {
          return Long.decode(v.replace("_", "").replace("0o", "0"));
        }
        if (tag.equals(Tag.FLOAT)) {
          return Double.parseDouble(v.replace("_", ""));
        }
      } catch (NumberFormatException e) {
        return v;
      }
      if (tag.equals(Tag.BOOL)) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
          case "true", "yes", "on", "y" -> Boolean.TRUE;
          default -> Boolean.FALSE;
        };
      }
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      return v;
    }
  }
}
