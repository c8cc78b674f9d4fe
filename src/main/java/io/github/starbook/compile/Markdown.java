package io.github.starbook.compile;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Attachment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The one Markdown configuration: commonmark-java with the GFM extensions, raw HTML escaped unless
 * the site allows it, URLs sanitised to http, https and mailto. Built once per build and shared by
 * all threads (parser and renderers are immutable).
 */
public final class Markdown {
  /** The URL schemes a rendered link or image may carry; anything else is dropped. */
  public static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          TaskListItemsExtension.create(),
          AutolinkExtension.create(),
          FootnotesExtension.create());

  private final Parser parser;
  private final HtmlRenderer html;
  private final TextContentRenderer text;

  public Markdown(boolean allowHtml) {
    parser =
        Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    html =
        HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(!allowHtml)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(SAFE_SCHEMES))
            .attributeProviderFactory(context -> ATTRIBUTES)
            .nodeRendererFactory(context -> new FragmentRenderer(context::render))
            .build();
    text =
        TextContentRenderer.builder()
            .extensions(EXTENSIONS)
            .nodeRendererFactory(context -> new FragmentRenderer(context::render))
            .build();
  }

  /** The deepest nesting of blocks and inlines a body may have; real answers stay under 15. */
  public static final int MAX_DEPTH = 100;

  public Document parse(String markdown) {
    return (Document) parser.parse(markdown);
  }

  /**
   * Parses a body, or returns null (after adding a diagnostic) when it is nested too deeply to
   * render safely: the parser, the renderers and the visitors all recurse once per level.
   */
  public Document parse(String markdown, String display, int bodyLine, List<Diagnostic> problems) {
    int line = deepLine(markdown);
    if (line > 0) {
      problems.add(
          Diagnostic.error(
              display,
              bodyLine + line - 1,
              1,
              "Markdown is nested more than " + MAX_DEPTH + " levels deep",
              TOO_DEEP_HINT));
      return null;
    }
    Document doc;
    try {
      doc = parse(markdown);
    } catch (StackOverflowError e) {
      problems.add(
          Diagnostic.error(
              display, bodyLine, 1, "Markdown is nested too deeply to parse", TOO_DEEP_HINT));
      return null;
    }
    Node deep = deepest(doc);
    if (deep != null) {
      problems.add(
          SectionSplitter.at(
              display,
              bodyLine,
              deep,
              "Markdown is nested more than " + MAX_DEPTH + " levels deep",
              TOO_DEEP_HINT));
      return null;
    }
    return doc;
  }

  private static final String TOO_DEEP_HINT = "flatten the nested quotes, lists, emphasis or links";

  /**
   * The 1-based line of the first line that opens more than {@link #MAX_DEPTH} levels at once
   * (quote or list markers before its text, '[' brackets, or a run of '*', '_' or '~'), or 0.
   * Checked before parsing, so the common pathological inputs get the same answer on any stack.
   */
  static int deepLine(String markdown) {
    int line = 1;
    int start = 0;
    while (start <= markdown.length()) {
      int end = markdown.indexOf('\n', start);
      if (end < 0) {
        end = markdown.length();
      }
      if (lineDepth(markdown, start, end) > MAX_DEPTH) {
        return line;
      }
      start = end + 1;
      line++;
    }
    return 0;
  }

  private static int lineDepth(String s, int start, int end) {
    int markers = 0;
    int i = start;
    while (i < end) {
      char c = s.charAt(i);
      boolean listMarker =
          (c == '*' || c == '-' || c == '+')
              && (i + 1 == end || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t');
      if (c == '>' || listMarker) {
        markers++;
      } else if (c != ' ' && c != '\t') {
        break;
      }
      i++;
    }
    int brackets = 0;
    int run = 0;
    int longest = 0;
    char prev = 0;
    for (; i < end; i++) {
      char c = s.charAt(i);
      if (c == '[') {
        brackets++;
      }
      run = (c == '*' || c == '_' || c == '~') && c == prev ? run + 1 : 1;
      longest = Math.max(longest, run);
      prev = c;
    }
    return Math.max(markers, Math.max(brackets, longest));
  }

  /** The first node nested deeper than {@link #MAX_DEPTH}, found without recursion; or null. */
  static Node deepest(Node root) {
    Deque<Node> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(0);
    while (!nodes.isEmpty()) {
      Node n = nodes.pop();
      int depth = depths.pop();
      if (depth > MAX_DEPTH) {
        return n;
      }
      for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
        nodes.push(c);
        depths.push(depth + 1);
      }
    }
    return null;
  }

  /**
   * Heading ids for the whole document, in document order, exactly as commonmark's heading-anchor
   * extension makes them (lower case, punctuation dropped, spaces to '-', duplicates numbered).
   */
  public static Map<Node, String> headingIds(Node document) {
    IdGenerator generator = IdGenerator.builder().build();
    Map<Node, String> ids = new IdentityHashMap<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            ids.put(heading, generator.generateId(headingText(heading)));
          }
        });
    return ids;
  }

  /** The heading's text as the heading-anchor extension reads it (text and code spans). */
  /** An image's alt text: the text of its description, as the page will show it. */
  public static String altText(Node image) {
    return literalText(image, false);
  }

  public static String headingText(Node heading) {
    return literalText(heading, false);
  }

  /** The text and code spans under {@code node}; with {@code breaks}, line breaks as '\n'. */
  private static String literalText(Node node, boolean breaks) {
    StringBuilder sb = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            sb.append(t.getLiteral());
          }

          @Override
          public void visit(Code c) {
            sb.append(c.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak b) {
            if (breaks) {
              sb.append('\n');
            }
          }

          @Override
          public void visit(HardLineBreak b) {
            if (breaks) {
              sb.append('\n');
            }
          }
        });
    return sb.toString();
  }

  /** Renders the given top-level nodes (moved out of their document) as one HTML fragment. */
  public Rendered render(List<Node> nodes, Marks marks) {
    if (nodes.isEmpty()) {
      return new Rendered("", "");
    }
    Fragment f = new Fragment(marks, null);
    for (Node n : nodes) {
      f.appendChild(n);
    }
    return new Rendered(html.render(f), text.render(f).strip());
  }

  /**
   * Renders the given top-level nodes as HTML for another place than their page. Links and images
   * the placement cannot point anywhere are taken out of the tree, so render for such a placement
   * last.
   */
  public String render(List<Node> nodes, Marks marks, Placement placement) {
    if (nodes.isEmpty()) {
      return "";
    }
    Fragment f = new Fragment(marks, placement);
    for (Node n : nodes) {
      f.appendChild(n);
    }
    if (placement.unlinks()) {
      unlinkDeadEnds(f, placement);
    }
    String out = html.render(f);
    return placement.oneLine() ? Placement.oneLine(out) : out;
  }

  /**
   * Renders one node that stays where it is in its tree (e.g. a paragraph inside a quote) for a
   * placement, and puts it back.
   */
  public String renderInPlace(Node node, Marks marks, Placement placement) {
    Node parent = node.getParent();
    Node previous = node.getPrevious();
    String out = render(List.of(node), marks, placement);
    if (previous != null) {
      previous.insertAfter(node);
    } else if (parent != null) {
      parent.prependChild(node);
    }
    return out;
  }

  /**
   * The first paragraph among {@code nodes} and inside them, in reading order, that the HTML shows
   * as a {@code <p>} (not one of a tight list's items); null when there is none.
   */
  public static Paragraph firstParagraph(List<Node> nodes) {
    Paragraph[] found = new Paragraph[1];
    AbstractVisitor finder =
        new AbstractVisitor() {
          @Override
          public void visit(Paragraph p) {
            boolean tight =
                p.getParent() instanceof ListItem item
                    && item.getParent() instanceof ListBlock list
                    && list.isTight();
            if (found[0] == null && !tight) {
              found[0] = p;
            }
            if (found[0] == null) {
              visitChildren(p);
            }
          }

          @Override
          protected void visitChildren(Node parent) {
            if (found[0] == null) {
              super.visitChildren(parent);
            }
          }
        };
    for (Node n : nodes) {
      if (found[0] == null) {
        n.accept(finder);
      }
    }
    return found[0];
  }

  /**
   * Links whose new href is null become their text; images whose new src is null their alt text.
   */
  private static void unlinkDeadEnds(Node root, Placement placement) {
    List<Node> dead = new java.util.ArrayList<>();
    root.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            if (placement.href().apply(link.getDestination()) == null) {
              dead.add(link);
            }
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            if (placement.src().apply(image.getDestination()) == null) {
              dead.add(image);
            }
          }
        });
    for (Node n : dead) {
      if (n instanceof Image image) {
        image.insertBefore(new Text(literalText(image, true))); // the alt text
        image.unlink();
      } else {
        Links.unwrap(n);
      }
    }
  }

  /** Renders a whole Markdown document (heading ids included), as the site would show it. */
  public String toHtml(String markdown) {
    Document doc = parse(markdown);
    Links.dropUnsafe(doc);
    Marks marks = Marks.of(doc);
    List<Node> nodes = new java.util.ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      nodes.add(n);
    }
    return render(nodes, marks).html();
  }

  /** A fragment as HTML and as plain text (for search and summaries). */
  public record Rendered(String html, String text) {}

  /** Renders a {@link Fragment} as its children (renderers are looked up by exact node class). */
  private record FragmentRenderer(java.util.function.Consumer<Node> child) implements NodeRenderer {
    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Fragment.class);
    }

    @Override
    public void render(Node node) {
      for (Node n = node.getFirstChild(); n != null; ) {
        Node next = n.getNext();
        child.accept(n);
        n = next;
      }
    }
  }

  /** Re-points one URL attribute; one that can point nowhere is dropped (an unlinked link). */
  private static void move(
      Map<String, String> attributes, String name, java.util.function.UnaryOperator<String> to) {
    String url = attributes.get(name);
    if (url != null) {
      String moved = to.apply(url);
      if (moved == null) {
        attributes.remove(name);
      } else {
        attributes.put(name, moved);
      }
    }
  }

  private static final java.util.regex.Pattern EXTERNAL =
      java.util.regex.Pattern.compile("(?i)\\s*(https?:|//)");

  private static final AttributeProvider ATTRIBUTES =
      (node, tagName, attributes) -> {
        if (node instanceof Link link
            && Links.unsafeScheme(link.getDestination()) == null
            && !EXTERNAL.matcher(link.getDestination()).lookingAt()) {
          attributes.remove("rel"); // the sanitiser's nofollow is meant for external links only
        }
        Fragment f = null;
        for (Node p = node.getParent(); p != null && f == null; p = p.getParent()) {
          f = p instanceof Fragment x ? x : null;
        }
        if (f == null) {
          return;
        }
        if (node instanceof Image && tagName.equals("img")) {
          Attachment file = f.marks.images().get(node);
          if (file != null && file.width() > 0 && file.height() > 0) {
            attributes.put("width", Integer.toString(file.width()));
            attributes.put("height", Integer.toString(file.height()));
          }
          attributes.put("loading", "lazy");
        }
        if (node instanceof Heading) {
          String id = f.marks.headingIds().get(node);
          if (id != null) {
            attributes.put("id", id);
          }
        }
        Placement place = f.placement;
        if (place != null) {
          String id = attributes.get("id");
          if (id != null) {
            String moved = place.id().apply(id);
            if (moved == null) {
              attributes.remove("id");
            } else {
              attributes.put("id", moved);
            }
          }
          // Any <a> or <img>, not only Link and Image nodes: footnote references link too.
          if (tagName.equals("a")) {
            move(attributes, "href", place.href());
          } else if (tagName.equals("img")) {
            move(attributes, "src", place.src());
          }
        }
      };
}
