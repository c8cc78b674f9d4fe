package io.github.starbook.compile;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

/**
 * The links of one document. {@link #resolve} rewrites them while the document is rendered, from
 * that file alone: {@code .md} links become relative page URLs, unsafe schemes are dropped, in-page
 * anchors are checked, other links stay. Whether a linked file and its {@code #anchor} exist is
 * checked by {@link #check} once every file is known.
 */
public final class Links {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x20\\x7f]");

  /** A page a link may point to; {@code anchors} is null when unknown (the file is broken). */
  public record Target(String url, Set<String> anchors, boolean draft) {}

  /**
   * A link to another content file, to check: {@code target} is its path inside content/ (null when
   * the link climbs out of it), {@code written} the path as written, {@code anchor} or null.
   */
  public record Ref(String target, String written, String anchor, int line, int column) {}

  private Links() {}

  /**
   * The file links are written in: its path inside content/, its page URL, its own heading ids, how
   * it is shown in messages and the line its body starts on.
   */
  public record From(
      String contentPath, String url, Set<String> anchors, String display, int bodyLine) {}

  /**
   * Rewrites every link and image of {@code doc}, written in {@code from}. Links to other files are
   * added to {@code refs}, to be checked once every file is known.
   */
  public static void resolve(Node doc, From from, List<Diagnostic> problems, List<Ref> refs) {
    for (Node n : linksAndImages(doc)) {
      String dest = n instanceof Link l ? l.getDestination() : ((Image) n).getDestination();
      String resolved = resolveOne(dest, n, from, problems, refs);
      if (resolved == null) {
        unwrap(n);
      } else if (n instanceof Link l) {
        l.setDestination(resolved);
      } else {
        ((Image) n).setDestination(resolved);
      }
    }
  }

  /** Reports a link whose file or heading does not exist, or is a draft left out of the build. */
  public static void check(
      Ref ref,
      Map<String, Target> targets,
      boolean drafts,
      String display,
      List<Diagnostic> problems) {
    Target t = ref.target() == null ? null : targets.get(ref.target());
    if (t == null || (t.draft() && !drafts)) {
      String hint =
          t != null
              ? "the target is a draft; build with --drafts or remove the link"
              : ref.target() == null
                  ? "the link leads outside the content folder"
                  : "no file at content/"
                      + ref.target()
                      + "; links are relative to this file, e.g. ../category/slug.md";
      problems.add(
          Diagnostic.error(
              display, ref.line(), ref.column(), "broken link to '" + ref.written() + "'", hint));
      return;
    }
    String anchor = ref.anchor();
    if (anchor != null
        && !anchor.isEmpty()
        && t.anchors() != null
        && !t.anchors().contains(anchor)) {
      problems.add(
          Diagnostic.error(
              display,
              ref.line(),
              ref.column(),
              "broken link: no heading '#" + anchor + "' in " + ref.target(),
              anchorsHint(t.anchors())));
    }
  }

  /** The unsafe URL scheme of a link destination (e.g. "javascript"), or null when it is safe. */
  static String unsafeScheme(String dest) {
    Matcher m = SCHEME.matcher(CONTROL.matcher(dest).replaceAll(""));
    if (m.find()) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      return Markdown.SAFE_SCHEMES.contains(scheme) ? null : scheme;
    }
    return null;
  }

  /** Unlinks every link and image with an unsafe scheme (keeping their text). */
  static void dropUnsafe(Node doc) {
    for (Node n : linksAndImages(doc)) {
      String dest = n instanceof Link l ? l.getDestination() : ((Image) n).getDestination();
      if (unsafeScheme(dest) != null) {
        unwrap(n);
      }
    }
  }

  private static List<Node> linksAndImages(Node doc) {
    List<Node> nodes = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            nodes.add(link);
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            nodes.add(image);
            visitChildren(image);
          }
        });
    return nodes;
  }

  private static String resolveOne(
      String dest, Node n, From from, List<Diagnostic> problems, List<Ref> refs) {
    String display = from.display();
    int bodyLine = from.bodyLine();
    String scheme = unsafeScheme(dest);
    if (scheme != null) {
      problems.add(
          SectionSplitter.at(
              display,
              bodyLine,
              n,
              "link with scheme '" + scheme + ":' removed",
              "only http, https, mailto and relative links are kept"));
      return null;
    }
    if (SCHEME.matcher(dest.strip()).find()) {
      return dest;
    }
    int hash = dest.indexOf('#');
    String path = hash < 0 ? dest : dest.substring(0, hash);
    String anchor = hash < 0 ? null : dest.substring(hash + 1);
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.isEmpty()) {
      if (anchor != null && !anchor.isEmpty() && !from.anchors().contains(anchor)) {
        problems.add(
            SectionSplitter.at(
                display,
                bodyLine,
                n,
                "no heading '#" + anchor + "' in this file",
                anchorsHint(from.anchors())));
      }
      return dest;
    }
    if (!path.endsWith(".md")) {
      return dest;
    }
    String target = normalize(parent(from.contentPath()) + path);
    refs.add(
        new Ref(
            target, path, anchor, SectionSplitter.line(bodyLine, n), SectionSplitter.column(n)));
    String url = target == null ? null : Layout.urlOf(target);
    if (url == null) {
      return dest; // reported by check(): no page lives there
    }
    return Layout.page(from.url(), url) + (anchor == null ? "" : "#" + anchor);
  }

  private static String anchorsHint(Set<String> anchors) {
    if (anchors.isEmpty()) {
      return "the file has no headings";
    }
    return "headings there: #" + String.join(", #", anchors.stream().sorted().toList());
  }

  private static String parent(String contentPath) {
    int slash = contentPath.lastIndexOf('/');
    return slash < 0 ? "" : contentPath.substring(0, slash + 1);
  }

  /** Normalises a '/'-path; null when it climbs out of content/. */
  static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  static void unwrap(Node n) {
    Node child = n.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      n.insertBefore(child);
      child = next;
    }
    n.unlink();
  }
}
