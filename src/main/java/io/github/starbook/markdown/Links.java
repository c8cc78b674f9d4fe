package io.github.starbook.markdown;

import io.github.starbook.diag.Diagnostic;
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
 * Checks and rewrites the links of one document: {@code .md} links become relative page URLs (the
 * file and any {@code #anchor} must exist), unsafe schemes are dropped, other links stay.
 */
public final class Links {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

  /** A page a link may point to; {@code anchors} is null when unknown (the file is broken). */
  public record Target(String url, Set<String> anchors, boolean draft) {}

  private final Map<String, Target> targets;
  private final boolean drafts;

  public Links(Map<String, Target> targets, boolean drafts) {
    this.targets = targets;
    this.drafts = drafts;
  }

  /** Resolves every link and image of {@code doc}, written in {@code contentPath}. */
  public void resolve(
      Node doc, String contentPath, String fromUrl, Set<String> ownAnchors, String display,
      int bodyLine, List<Diagnostic> problems) {
    for (Node n : linksAndImages(doc)) {
      String dest = n instanceof Link l ? l.getDestination() : ((Image) n).getDestination();
      String resolved = resolveOne(dest, n, contentPath, fromUrl, ownAnchors, display, bodyLine, problems);
      if (resolved == null) {
        unwrap(n);
      } else if (n instanceof Link l) {
        l.setDestination(resolved);
      } else {
        ((Image) n).setDestination(resolved);
      }
    }
  }

  /** The unsafe URL scheme of a link destination (e.g. "javascript"), or null when it is safe. */
  static String unsafeScheme(String dest) {
    Matcher m = SCHEME.matcher(dest.replaceAll("[\\x00-\\x20\\x7f]", ""));
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

  private String resolveOne(
      String dest, Node n, String contentPath, String fromUrl, Set<String> ownAnchors,
      String display, int bodyLine, List<Diagnostic> problems) {
    String scheme = unsafeScheme(dest);
    if (scheme != null) {
      problems.add(Sections.at(display, bodyLine, n,
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
      if (anchor != null && !anchor.isEmpty() && !ownAnchors.contains(anchor)) {
        problems.add(Sections.at(display, bodyLine, n, "no heading '#" + anchor + "' in this file",
            anchorsHint(ownAnchors)));
      }
      return dest;
    }
    if (!path.endsWith(".md")) {
      return dest;
    }
    String target = normalize(parent(contentPath) + path);
    Target t = target == null ? null : targets.get(target);
    if (t == null || (t.draft() && !drafts)) {
      String hint = t != null ? "the target is a draft; build with --drafts or remove the link"
          : target == null ? "the link leads outside the content folder"
          : "no file at content/" + target
              + "; links are relative to this file, e.g. ../category/slug.md";
      problems.add(Sections.at(display, bodyLine, n, "broken link to '" + path + "'", hint));
      return dest;
    }
    if (anchor != null && !anchor.isEmpty() && t.anchors() != null && !t.anchors().contains(anchor)) {
      problems.add(Sections.at(display, bodyLine, n,
          "broken link: no heading '#" + anchor + "' in " + target, anchorsHint(t.anchors())));
    }
    return Urls.page(fromUrl, t.url()) + (anchor == null ? "" : "#" + anchor);
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

  private static void unwrap(Node n) {
    Node child = n.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      n.insertBefore(child);
      child = next;
    }
    n.unlink();
  }
}
