package io.github.starbook.compile;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Attachment;
import io.github.starbook.model.Layout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
      String contentPath,
      String url,
      Set<String> anchors,
      String display,
      int bodyLine,
      Map<String, Attachment> files) {}

  /**
   * What resolving found: links to other pages (to check once every file is known), the files
   * beside the content that the document uses, and the file each local image shows.
   */
  public record Found(List<Ref> refs, Set<String> files, Map<Node, Attachment> images) {}

  /**
   * Rewrites every link and image of {@code doc}, written in {@code from}: links to pages become
   * page URLs, links and images of files beside the content become URLs of the published files.
   */
  public static Found resolve(Node doc, From from, List<Diagnostic> problems) {
    Found found = new Found(new ArrayList<>(), new TreeSet<>(), new HashMap<>());
    for (Node n : linksAndImages(doc)) {
      String dest = n instanceof Link l ? l.getDestination() : ((Image) n).getDestination();
      if (n instanceof Image && Markdown.altText(n).isBlank()) {
        problems.add(
            SectionSplitter.warningAt(
                from.display(),
                from.bodyLine(),
                n,
                "image has no alt text",
                "say what it shows, for readers who cannot see it: ![A diagram of …]("
                    + dest
                    + ")"));
      }
      String resolved = resolveOne(dest, n, from, problems, found);
      if (resolved == null) {
        unwrap(n);
      } else if (n instanceof Link l) {
        l.setDestination(resolved);
      } else {
        ((Image) n).setDestination(resolved);
      }
    }
    return found;
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
      String dest, Node n, From from, List<Diagnostic> problems, Found found) {
    String scheme = unsafeScheme(dest);
    if (scheme != null) {
      problems.add(
          SectionSplitter.at(
              from.display(),
              from.bodyLine(),
              n,
              "link with scheme '" + scheme + ":' removed",
              "only http, https, mailto and relative links are kept"));
      return null;
    }
    if (SCHEME.matcher(dest.strip()).find() || dest.startsWith("//")) {
      return dest;
    }
    int hash = dest.indexOf('#');
    String path = hash < 0 ? dest : dest.substring(0, hash);
    String anchor = hash < 0 ? null : dest.substring(hash + 1);
    int query = path.indexOf('?');
    path = query < 0 ? path : path.substring(0, query);
    if (path.isEmpty()) {
      if (anchor != null && !anchor.isEmpty() && !from.anchors().contains(anchor)) {
        problems.add(
            SectionSplitter.at(
                from.display(),
                from.bodyLine(),
                n,
                "no heading '#" + anchor + "' in this file",
                anchorsHint(from.anchors())));
      }
      return dest;
    }
    if (path.endsWith(".md")) {
      String page = page(from, n, path, anchor, found);
      return page == null ? dest : page; // null: reported by check(), no page lives there
    }
    if (path.startsWith("/") || path.endsWith("/")) {
      problems.add(unfinished(from, n, path));
      return dest;
    }
    return file(dest, n, from, problems, found);
  }

  /** A link or image of a file beside the content: to its published URL, or reported. */
  private static String file(
      String dest, Node n, From from, List<Diagnostic> problems, Found found) {
    int hash = dest.indexOf('#');
    String anchor = hash < 0 ? null : dest.substring(hash + 1);
    String path = hash < 0 ? dest : dest.substring(0, hash);
    int query = path.indexOf('?');
    String rest = query < 0 ? "" : path.substring(query);
    path = query < 0 ? path : path.substring(0, query);
    String target = normalize(parent(from.contentPath()) + decode(path));
    boolean file = n instanceof Image || Attachment.publishable(path);
    if (!file) {
      return dest; // a link of the author's own making (e.g. to a built page): left as written
    }
    Attachment a = target == null ? null : from.files().get(target);
    if (a == null) {
      problems.add(
          SectionSplitter.at(
              from.display(),
              from.bodyLine(),
              n,
              target == null
                  ? "'" + path + "' leads outside the content folder"
                  : "no file at " + contentRoot(from) + target,
              "images and downloads go beside the Markdown inside content/, linked by a path"
                  + " relative to this file, e.g. img/diagram.svg"));
      return dest;
    }
    found.files().add(target);
    if (n instanceof Image) {
      found.images().put(n, a);
    }
    return Layout.root(from.url()) + encode(target) + rest + (anchor == null ? "" : "#" + anchor);
  }

  private static String page(From from, Node n, String path, String anchor, Found found) {
    String target = normalize(parent(from.contentPath()) + path);
    found
        .refs()
        .add(
            new Ref(
                target,
                path,
                anchor,
                SectionSplitter.line(from.bodyLine(), n),
                SectionSplitter.column(n)));
    String url = target == null ? null : Layout.urlOf(target);
    if (url == null) {
      return null;
    }
    return Layout.page(from.url(), url) + (anchor == null ? "" : "#" + anchor);
  }

  /** A root-absolute link or a link to a folder: it breaks under a sub-path or from disk. */
  private static Diagnostic unfinished(From from, Node n, String path) {
    String why =
        path.startsWith("/")
            ? "link '" + path + "' starts at the domain root, so it breaks under a sub-path"
            : "link '" + path + "' points at a folder";
    return SectionSplitter.warningAt(
        from.display(),
        from.bodyLine(),
        n,
        why,
        "link the .md file by a relative path, e.g. ../strategy/build-vs-buy.md");
  }

  /**
   * How messages show the content folder, e.g. {@code content/}: the file's display less its path.
   */
  private static String contentRoot(From from) {
    String d = from.display();
    return d.endsWith(from.contentPath())
        ? d.substring(0, d.length() - from.contentPath().length())
        : "content/";
  }

  /** A path as written in Markdown (percent-encoded or not), decoded to a file name. */
  static String decode(String path) {
    try {
      return java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path; // a stray '%': take the name as written
    }
  }

  /** A content path as a URL path: spaces and non-ASCII letters percent-encoded. */
  static String encode(String contentPath) {
    try {
      return new java.net.URI(null, null, contentPath, null).toASCIIString();
    } catch (java.net.URISyntaxException e) {
      return contentPath;
    }
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
