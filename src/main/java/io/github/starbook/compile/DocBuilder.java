package io.github.starbook.compile;

import io.github.starbook.model.Layout;

import io.github.starbook.content.Fields;
import io.github.starbook.content.FrontMatter;
import io.github.starbook.content.SourceFile;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Category;
import io.github.starbook.model.Copies;
import io.github.starbook.model.Page;
import io.github.starbook.model.Question;
import io.github.starbook.model.SectionKind;
import io.github.starbook.model.Site;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.jsoup.nodes.Entities;

/**
 * The first pass over one file, which needs no other file: front matter checked against the
 * schema, Markdown parsed, STAR structure checked, links rewritten and the HTML rendered. The
 * syntax tree is dropped as soon as the file is rendered, so a large guide never holds them all.
 */
public final class DocBuilder {
  static final Set<String> QUESTION_KEYS =
      Set.of("title", "format", "tags", "difficulty", "summary", "related", "order", "draft");
  static final Set<String> CATEGORY_KEYS = Set.of("title", "order", "summary");
  static final Set<String> PAGE_KEYS = Set.of("title", "summary", "order", "draft");
  static final Set<String> HOME_KEYS = Set.of("title");
  static final List<String> FORMATS = List.of("answer", "star");
  static final List<String> DIFFICULTIES = List.of("foundational", "intermediate", "advanced");

  private final Markdown markdown;
  private final Site site;

  public DocBuilder(Markdown markdown, Site site) {
    this.markdown = markdown;
    this.site = site;
  }

  /** The file read and rendered, or null when it cannot be a page (the problem is reported). */
  public Doc build(SourceFile file, List<Diagnostic> reported) {
    List<Diagnostic> problems = new ArrayList<>();
    String path = file.contentPath();
    String[] parts = path.split("/");
    Doc.Kind kind;
    String category = null;
    String slug;
    String name = parts[parts.length - 1];
    String stem = name.substring(0, name.length() - 3);
    if (parts.length == 1 && name.equals("_index.md")) {
      kind = Doc.Kind.HOME;
      slug = "";
    } else if (parts.length == 2 && parts[0].equals("pages")) {
      kind = Doc.Kind.PAGE;
      slug = stem;
    } else if (parts.length == 2 && name.equals("_index.md")) {
      kind = Doc.Kind.CATEGORY;
      category = parts[0];
      slug = parts[0];
    } else if (parts.length == 2) {
      kind = Doc.Kind.QUESTION;
      category = parts[0];
      slug = stem;
    } else {
      reported.add(Diagnostic.error(file.display(), 1, 1,
          "file is not where starbook looks for content",
          "questions are content/<category>/<slug>.md, pages content/pages/<slug>.md"));
      return null;
    }
    String url = Layout.urlOf(path);
    if (category != null && !Layout.SLUG.matcher(category).matches()) {
      problems.add(Diagnostic.error(file.display(), 1, 1,
          "category folder '" + category + "' is not a valid slug", Layout.SLUG_RULE));
    }
    if (kind != Doc.Kind.HOME && kind != Doc.Kind.CATEGORY
        && !Layout.SLUG.matcher(slug).matches()) {
      problems.add(Diagnostic.error(file.display(), 1, 1,
          "file name '" + name + "' is not a valid slug", Layout.SLUG_RULE));
    }
    FrontMatter fm = FrontMatter.parse(file, problems);
    if (fm == null) {
      return new Doc(kind, file, category, slug, url, null, false, true, problems, null, null,
          null, List.of(), List.of());
    }
    Set<String> allowed = switch (kind) {
      case HOME -> HOME_KEYS;
      case CATEGORY -> CATEGORY_KEYS;
      case QUESTION -> QUESTION_KEYS;
      case PAGE -> PAGE_KEYS;
    };
    fm.checkKeys(allowed, file.display(), problems);
    Fields f = new Fields(fm.fields(), file.display(), problems);
    boolean draft = allowed.contains("draft") && f.bool("draft");
    Document body = markdown.parse(fm.body(), file.display(), fm.bodyLine(), problems);
    if (body == null) {
      reported.addAll(problems);
      return null;
    }
    Map<Node, String> ids = Markdown.headingIds(body);
    Set<String> anchors = new LinkedHashSet<>(ids.values());
    String source = file.display();
    List<Links.Ref> refs = new ArrayList<>();
    Links.resolve(body, path, url, anchors, source, fm.bodyLine(), Layout::urlOf, problems,
        refs);

    String title = f.string("title", kind != Doc.Kind.HOME, "\"How do you ...?\"");
    title = title == null ? "" : title;
    Integer order = kind == Doc.Kind.HOME ? null : f.integer("order");
    int ord = order == null ? Integer.MAX_VALUE : order;
    if (kind != Doc.Kind.QUESTION) {
      String summary = kind == Doc.Kind.HOME ? null : f.string("summary", false, "\"...\"");
      String html = markdown.render(children(body), ids).html();
      Page page = null;
      Category cat = null;
      if (kind == Doc.Kind.CATEGORY) {
        cat = new Category(slug, title, ord, summary == null ? "" : summary, html, url, source,
            path);
      } else {
        page = new Page(slug, title, summary == null ? "" : summary, ord, html, url, source, path);
      }
      return new Doc(kind, file, category, slug, url, anchors, draft, false, problems, page, cat,
          null, List.of(), List.copyOf(refs));
    }
    String format = f.oneOf("format", FORMATS, "answer");
    String difficulty = f.oneOf("difficulty", DIFFICULTIES, "");
    String summary = f.string("summary", false, "\"One sentence.\"");
    List<String> tags = new ArrayList<>();
    for (Fields.Located t : f.stringList("tags")) {
      if (!Layout.SLUG.matcher(t.value()).matches()) {
        // A tag is a folder of the site (tags/<tag>/): it must be a slug, never a path.
        problems.add(Diagnostic.error(source, t.line(), t.column(),
            "tag '" + t.value() + "' is not a valid slug", Layout.SLUG_RULE));
      } else if (!tags.contains(t.value())) {
        tags.add(t.value());
      }
    }
    if (tags.isEmpty() && f.entry("tags") == null) {
      problems.add(Diagnostic.warning(source, f.line("tags"), 1, "question has no tags",
          "add e.g. 'tags: [strategy, technical-debt]' so readers can find it"));
    }
    List<Fields.Located> related = f.stringList("related");
    boolean star = "star".equals(format);
    int lastLine = 1;
    for (int nl = file.text().indexOf('\n'); nl >= 0; nl = file.text().indexOf('\n', nl + 1)) {
      lastLine++;
    }
    Map<String, List<Node>> sectionNodes =
        SectionSplitter.split(body, star, source, fm.bodyLine(), lastLine, problems);
    Map<String, String> html = new LinkedHashMap<>();
    Map<String, String> text = new LinkedHashMap<>();
    for (Map.Entry<String, List<Node>> e : sectionNodes.entrySet()) {
      Markdown.Rendered r = markdown.render(e.getValue(), ids);
      html.put(e.getKey(), r.html());
      if (!r.text().isEmpty()) {
        text.put(e.getKey(), PlainText.squash(
            e.getKey().equals("body") ? r.text() : PlainText.withoutHeading(r.text())));
      }
    }
    Copies copies = copies(sectionNodes, ids, category, slug, url, summary);
    Question q = new Question(category + "/" + slug, category, slug, title, format,
        List.copyOf(tags), difficulty, summary == null ? "" : summary, List.of(), ord, draft, url,
        source, path, Collections.unmodifiableMap(html), text, hash(file.text()), copies);
    return new Doc(kind, file, category, slug, url, anchors, draft, false, problems, null, null, q,
        List.copyOf(related), List.copyOf(refs));
  }

  /**
   * The answer for the booklet, the flashcard and the Anki note, rendered from the same tree as
   * the page (the Anki note last: it may unlink links that cannot work there).
   */
  private Copies copies(Map<String, List<Node>> parts, Map<Node, String> ids, String category,
      String slug, String url, String summary) {
    List<Node> booklet = new ArrayList<>();
    List<Node> card = new ArrayList<>();
    List<Node> anki = new ArrayList<>();
    for (SectionKind kind : SectionKind.all()) {
      List<Node> nodes = parts.get(kind.key());
      booklet.addAll(nodes);
      if (kind.onCard()) {
        card.addAll(withoutHeading(nodes));
      }
      if (kind.inAnki()) {
        anki.addAll(nodes);
      }
    }
    String bookletHtml = markdown.render(booklet, ids,
        Placement.booklet(url, Placement.bookletAnchor(category, slug)));
    String cardHtml = cardHtml(card, parts, ids, Placement.moved(url, Layout.STUDY), summary);
    String ankiHtml = markdown.render(anki, ids, Placement.away(url, site::absolute));
    String page = site.absolute(url);
    if (page != null) {
      ankiHtml += (ankiHtml.isEmpty() ? "" : " ") + "<p><a href=\"" + Entities.escape(page)
          + "\">Full answer</a></p>";
    }
    return new Copies(bookletHtml, cardHtml, ankiHtml);
  }

  /** The flashcard's back; with no section meant for it, the answer's opening paragraph. */
  private String cardHtml(List<Node> card, Map<String, List<Node>> parts, Map<Node, String> ids,
      Placement placement, String summary) {
    if (!card.isEmpty()) {
      return markdown.render(card, ids, placement);
    }
    List<Node> answer = new ArrayList<>(parts.get(SectionKind.BODY.key()));
    answer.addAll(parts.get(SectionKind.RESULT.key()));
    Paragraph first = Markdown.firstParagraph(answer);
    return first != null ? markdown.renderInPlace(first, ids, placement)
        : summary != null && !summary.isEmpty() ? "<p>" + Entities.escape(summary) + "</p>"
        : "";
  }

  private static List<Node> withoutHeading(List<Node> section) {
    return !section.isEmpty() && section.get(0) instanceof Heading
        ? section.subList(1, section.size()) : section;
  }

  private static List<Node> children(Node parent) {
    List<Node> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      out.add(n);
    }
    return out;
  }

  static String hash(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
