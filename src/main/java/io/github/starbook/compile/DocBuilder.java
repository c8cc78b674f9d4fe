package io.github.starbook.compile;

import io.github.starbook.content.Fields;
import io.github.starbook.content.FrontMatter;
import io.github.starbook.content.SourceFile;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Attachment;
import io.github.starbook.model.Category;
import io.github.starbook.model.Copies;
import io.github.starbook.model.Difficulty;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Page;
import io.github.starbook.model.Placeholders;
import io.github.starbook.model.Question;
import io.github.starbook.model.SectionKind;
import io.github.starbook.model.Site;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * The first pass over one file, which needs no other file: front matter checked against the schema,
 * Markdown parsed, STAR structure checked, links rewritten and the HTML rendered. The syntax tree
 * is dropped as soon as the file is rendered, so a large guide never holds them all.
 */
public final class DocBuilder {
  static final Set<String> QUESTION_KEYS =
      Set.of("title", "format", "tags", "difficulty", "summary", "related", "order", "draft");
  static final Set<String> CATEGORY_KEYS = Set.of("title", "order", "summary");
  static final Set<String> PAGE_KEYS = Set.of("title", "summary", "order", "draft");
  static final Set<String> HOME_KEYS = Set.of("title");
  static final List<String> FORMATS = List.of("answer", "star");

  private final Markdown markdown;
  private final Site site;
  private final Map<String, Attachment> files;

  /** {@code files}: the images and downloads beside the content, by their path inside it. */
  public DocBuilder(Markdown markdown, Site site, Map<String, Attachment> files) {
    this.markdown = markdown;
    this.site = site;
    this.files = files;
  }

  /** Where a content file sits: what kind of page it is, its category (or null) and slug. */
  private record Spot(Doc.Kind kind, String category, String slug, String name) {}

  /** One file while it is compiled: what the steps below share. */
  private record Unit(
      SourceFile file,
      Spot spot,
      String url,
      Fields fields,
      boolean draft,
      Document body,
      Marks marks,
      Set<String> anchors,
      Links.Found links,
      int bodyLine,
      List<Diagnostic> problems) {

    String source() {
      return file.display();
    }
  }

  /** The file read and rendered, or null when it cannot be a page (the problem is reported). */
  public Doc build(SourceFile file, List<Diagnostic> reported) {
    Spot spot = spot(file.contentPath());
    if (spot == null) {
      reported.add(
          Diagnostic.error(
              file.display(),
              1,
              1,
              "file is not where starbook looks for content",
              "questions are content/<category>/<slug>.md, pages content/pages/<slug>.md"));
      return null;
    }
    List<Diagnostic> problems = new ArrayList<>();
    checkSlugs(spot, file.display(), problems);
    String url = Layout.urlOf(file.contentPath());
    FrontMatter fm = FrontMatter.parse(file, problems);
    if (fm == null) {
      return new Doc(
          spot.kind(),
          file,
          spot.category(),
          spot.slug(),
          url,
          null,
          false,
          true,
          problems,
          null,
          null,
          null,
          List.of(),
          List.of(),
          Set.of());
    }
    Set<String> allowed = allowedKeys(spot.kind());
    fm.checkKeys(allowed, file.display(), problems);
    Fields f = new Fields(fm.fields(), file.display(), problems);
    boolean draft = allowed.contains("draft") && f.bool("draft");
    Document body = markdown.parse(fm.body(), file.display(), fm.bodyLine(), problems);
    if (body == null) {
      reported.addAll(problems);
      return null;
    }
    Marks marks = Marks.of(body);
    Set<String> anchors = new LinkedHashSet<>(marks.headingIds().values());
    Links.Found links =
        Links.resolve(
            body,
            new Links.From(file.contentPath(), url, anchors, file.display(), fm.bodyLine(), files),
            problems);
    marks.images().putAll(links.images());
    Unit u =
        new Unit(file, spot, url, f, draft, body, marks, anchors, links, fm.bodyLine(), problems);
    return spot.kind() == Doc.Kind.QUESTION ? question(u) : listPage(u);
  }

  /** What a content path is: home, free page, category or question; null if none of these. */
  private static Spot spot(String path) {
    String[] parts = path.split("/");
    String name = parts[parts.length - 1];
    String stem = name.substring(0, name.length() - 3);
    boolean index = name.equals("_index.md");
    if (parts.length == 1 && index) {
      return new Spot(Doc.Kind.HOME, null, "", name);
    }
    if (parts.length != 2) {
      return null;
    }
    if (parts[0].equals(Layout.PAGES)) {
      return new Spot(Doc.Kind.PAGE, null, stem, name);
    }
    return index
        ? new Spot(Doc.Kind.CATEGORY, parts[0], parts[0], name)
        : new Spot(Doc.Kind.QUESTION, parts[0], stem, name);
  }

  private static void checkSlugs(Spot spot, String display, List<Diagnostic> problems) {
    if (spot.category() != null && !Layout.SLUG.matcher(spot.category()).matches()) {
      problems.add(
          Diagnostic.error(
              display,
              1,
              1,
              "category folder '" + spot.category() + "' is not a valid slug",
              Layout.SLUG_RULE));
    }
    boolean named = spot.kind() == Doc.Kind.PAGE || spot.kind() == Doc.Kind.QUESTION;
    if (named && !Layout.SLUG.matcher(spot.slug()).matches()) {
      problems.add(
          Diagnostic.error(
              display,
              1,
              1,
              "file name '" + spot.name() + "' is not a valid slug",
              Layout.SLUG_RULE));
    }
  }

  private static Set<String> allowedKeys(Doc.Kind kind) {
    return switch (kind) {
      case HOME -> HOME_KEYS;
      case CATEGORY -> CATEGORY_KEYS;
      case QUESTION -> QUESTION_KEYS;
      case PAGE -> PAGE_KEYS;
    };
  }

  /** The title (required except on the home page). */
  private static String title(Unit u) {
    String title =
        u.fields().string("title", u.spot().kind() != Doc.Kind.HOME, "\"How do you ...?\"");
    return title == null ? "" : title;
  }

  /** The position among its siblings; unordered files come last. */
  private static int order(Unit u) {
    Integer order = u.spot().kind() == Doc.Kind.HOME ? null : u.fields().integer("order");
    return order == null ? Integer.MAX_VALUE : order;
  }

  /** The home page, a category or a free page. */
  private Doc listPage(Unit u) {
    Spot spot = u.spot();
    String title = title(u);
    int order = order(u);
    String summary =
        spot.kind() == Doc.Kind.HOME ? null : u.fields().string("summary", false, "\"...\"");
    summary = summary == null ? "" : summary;
    String html = markdown.render(children(u.body()), u.marks()).html();
    String path = u.file().contentPath();
    Page page = null;
    Category cat = null;
    if (spot.kind() == Doc.Kind.CATEGORY) {
      cat = new Category(spot.slug(), title, order, summary, html, u.url(), u.source(), path);
    } else {
      page = new Page(spot.slug(), title, summary, order, html, u.url(), u.source(), path);
    }
    return doc(u, page, cat, null, List.of());
  }

  /** The compiled file: one of {@code page}, {@code category}, {@code question} is set. */
  private static Doc doc(
      Unit u, Page page, Category category, Question question, List<Fields.Located> related) {
    Spot spot = u.spot();
    return new Doc(
        spot.kind(),
        u.file(),
        spot.category(),
        spot.slug(),
        u.url(),
        u.anchors(),
        u.draft(),
        false,
        u.problems(),
        page,
        category,
        question,
        List.copyOf(related),
        List.copyOf(u.links().refs()),
        Set.copyOf(u.links().files()));
  }

  /** A question: its fields checked, its sections split, rendered and copied. */
  private Doc question(Unit u) {
    Spot spot = u.spot();
    Fields f = u.fields();
    String title = title(u);
    int order = order(u);
    String format = f.oneOf("format", FORMATS, "answer");
    String difficulty = f.oneOf("difficulty", Difficulty.keys(), "");
    String summary = f.string("summary", false, "\"One sentence.\"");
    List<String> tags = tags(u);
    List<Fields.Located> related = f.stringList("related");
    checkFinished(u);
    Map<String, List<Node>> sectionNodes =
        SectionSplitter.split(
            u.body(),
            "star".equals(format),
            u.source(),
            u.bodyLine(),
            lineCount(u.file().text()),
            u.problems());
    Map<String, String> html = new LinkedHashMap<>();
    Map<String, String> text = new LinkedHashMap<>();
    render(sectionNodes, u.marks(), html, text);
    checkAnswered(u, text);
    Copies copies = copies(sectionNodes, u.marks(), spot.category(), spot.slug(), u.url(), summary);
    Question q =
        new Question(
            spot.category() + "/" + spot.slug(),
            spot.category(),
            spot.slug(),
            title,
            format,
            tags,
            difficulty,
            summary == null ? "" : summary,
            List.of(),
            order,
            u.draft(),
            u.url(),
            u.source(),
            u.file().contentPath(),
            Collections.unmodifiableMap(html),
            text,
            hash(u.file().text()),
            copies);
    return doc(u, null, null, q, related);
  }

  /**
   * Placeholder text from {@code starbook new} still in the file: an unfinished page (a warning; an
   * error with --strict).
   */
  private static final List<String> PLACEHOLDERS = List.copyOf(Placeholders.all());

  private static void checkFinished(Unit u) {
    String text = u.file().text();
    // Each placeholder is looked for only from the first place its first ten characters are: the
    // seven placeholders start in three ways, so a finished page is read three times, not seven
    // (in a profile of 10,000 questions, the seven scans were 4 % of the CPU samples).
    Map<String, Integer> prefixes = new HashMap<>();
    for (String placeholder : PLACEHOLDERS) {
      int from =
          prefixes.computeIfAbsent(
              placeholder.substring(0, Math.min(10, placeholder.length())), text::indexOf);
      int at = from < 0 ? -1 : text.indexOf(placeholder, from);
      if (at >= 0) {
        int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        int column = at - text.lastIndexOf('\n', at - 1);
        u.problems()
            .add(
                Diagnostic.warning(
                    u.source(),
                    line,
                    column,
                    "placeholder text from 'starbook new' is still here",
                    "replace it with your own words"));
      }
    }
  }

  /** Each section's HTML, and its plain text (headings left out) for search. */
  private void render(
      Map<String, List<Node>> sections,
      Marks marks,
      Map<String, String> html,
      Map<String, String> text) {
    for (Map.Entry<String, List<Node>> e : sections.entrySet()) {
      Markdown.Rendered r = markdown.render(e.getValue(), marks);
      html.put(e.getKey(), r.html());
      if (!r.text().isEmpty()) {
        text.put(
            e.getKey(),
            PlainText.squash(
                e.getKey().equals(SectionKind.BODY.key())
                    ? r.text()
                    : PlainText.withoutHeading(r.text())));
      }
    }
  }

  /** A question with no answer text (front matter only, or headings only) is unfinished. */
  private static void checkAnswered(Unit u, Map<String, String> text) {
    boolean answered =
        SectionKind.all().stream()
            .filter(k -> k.place() == SectionKind.Place.BODY || k.star())
            .anyMatch(k -> text.containsKey(k.key()));
    if (!answered) {
      u.problems()
          .add(
              Diagnostic.warning(
                  u.source(),
                  u.bodyLine(),
                  1,
                  "question has no answer text",
                  "write the model answer below the front matter"));
    }
  }

  /** The question's tags: slugs, each once; a warning when it has none. */
  private static List<String> tags(Unit u) {
    Fields f = u.fields();
    List<String> tags = new ArrayList<>();
    for (Fields.Located t : f.stringList("tags")) {
      if (!Layout.SLUG.matcher(t.value()).matches()) {
        // A tag is a folder of the site (tags/<tag>/): it must be a slug, never a path.
        u.problems()
            .add(
                Diagnostic.error(
                    u.source(),
                    t.line(),
                    t.column(),
                    "tag '" + t.value() + "' is not a valid slug",
                    Layout.SLUG_RULE));
      } else if (!tags.contains(t.value())) {
        tags.add(t.value());
      }
    }
    if (tags.isEmpty() && f.entry("tags") == null) {
      u.problems()
          .add(
              Diagnostic.warning(
                  u.source(),
                  f.line("tags"),
                  1,
                  "question has no tags",
                  "add e.g. 'tags: [strategy, technical-debt]' so readers can find it"));
    }
    return List.copyOf(tags);
  }

  private static int lineCount(String text) {
    int lines = 1;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      lines++;
    }
    return lines;
  }

  /**
   * The answer for the booklet, the flashcard and the Anki note, rendered from the same tree as the
   * page (the Anki note last: it may unlink links that cannot work there).
   */
  private Copies copies(
      Map<String, List<Node>> parts,
      Marks ids,
      String category,
      String slug,
      String url,
      String summary) {
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
    String bookletHtml =
        markdown.render(
            booklet, ids, Placement.booklet(url, Placement.bookletAnchor(category, slug)));
    String cardHtml = cardHtml(card, parts, ids, Placement.moved(url, Layout.STUDY), summary);
    String ankiHtml = markdown.render(anki, ids, Placement.away(url, site::absolute));
    String page = site.absolute(url);
    if (page != null) {
      ankiHtml +=
          (ankiHtml.isEmpty() ? "" : " ")
              + "<p><a href=\""
              + Entities.escape(page)
              + "\">Full answer</a></p>";
    }
    return new Copies(bookletHtml, cardHtml, ankiHtml);
  }

  /** The flashcard's back; with no section meant for it, the answer's opening paragraph. */
  private String cardHtml(
      List<Node> card,
      Map<String, List<Node>> parts,
      Marks ids,
      Placement placement,
      String summary) {
    if (!card.isEmpty()) {
      return markdown.render(card, ids, placement);
    }
    List<Node> answer = new ArrayList<>(parts.get(SectionKind.BODY.key()));
    answer.addAll(parts.get(SectionKind.RESULT.key()));
    Paragraph first = Markdown.firstParagraph(answer);
    return first != null
        ? markdown.renderInPlace(first, ids, placement)
        : summary != null && !summary.isEmpty() ? "<p>" + Entities.escape(summary) + "</p>" : "";
  }

  private static List<Node> withoutHeading(List<Node> section) {
    return !section.isEmpty() && section.get(0) instanceof Heading
        ? section.subList(1, section.size())
        : section;
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
