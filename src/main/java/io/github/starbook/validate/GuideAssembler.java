package io.github.starbook.validate;

import io.github.starbook.content.ContentLoader;
import io.github.starbook.content.Fields;
import io.github.starbook.content.FrontMatter;
import io.github.starbook.content.SourceFile;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.markdown.Links;
import io.github.starbook.markdown.Markdown;
import io.github.starbook.markdown.Sections;
import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Page;
import io.github.starbook.model.Question;
import io.github.starbook.model.Site;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.Node;

/**
 * Turns loaded content into a validated {@link Guide}: front matter checked against the schema,
 * Markdown parsed, STAR structure and links checked, then rendered to HTML fragments.
 */
public final class GuideAssembler {
  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  static final Pattern RELATED = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)?");
  static final String SLUG_RULE = "use lowercase letters, digits and hyphens, e.g. tech-debt";
  static final Set<String> QUESTION_KEYS =
      Set.of("title", "format", "tags", "difficulty", "summary", "related", "order", "draft");
  static final Set<String> CATEGORY_KEYS = Set.of("title", "order", "summary");
  static final Set<String> PAGE_KEYS = Set.of("title", "summary", "order", "draft");
  static final Set<String> HOME_KEYS = Set.of("title");
  static final List<String> FORMATS = List.of("answer", "star");
  static final List<String> DIFFICULTIES = List.of("foundational", "intermediate", "advanced");

  private final Diagnostics diagnostics;
  private final boolean drafts;
  private final Memo memo;

  public GuideAssembler(Diagnostics diagnostics, boolean drafts) {
    this(diagnostics, drafts, null);
  }

  /** With a {@link Memo}, unchanged files are neither parsed nor rendered again. */
  public GuideAssembler(Diagnostics diagnostics, boolean drafts, Memo memo) {
    this.diagnostics = diagnostics;
    this.drafts = drafts;
    this.memo = memo;
  }

  public Guide assemble(ContentLoader.Loaded loaded, String baseUrlOverride) {
    List<Diagnostic> siteProblems = new ArrayList<>();
    Site site = SiteSettings.read(loaded.siteYaml(), baseUrlOverride, siteProblems);
    diagnostics.addAll(siteProblems);
    Markdown markdown = new Markdown(site.allowHtml());

    if (memo != null) {
      memo.settings(Memo.key(site, drafts));
      memo.retain(loaded.markdown().stream().map(SourceFile::contentPath)
          .collect(java.util.stream.Collectors.toSet()));
    }
    List<Doc> docs = memo == null
        ? loaded.markdown().parallelStream().map(f -> parse(f, markdown)).filter(d -> d != null).toList()
        : parsedWithMemo(loaded.markdown(), markdown);
    for (Doc d : docs) {
      diagnostics.addAll(d.problems());
    }
    Map<String, Links.Target> targets = new HashMap<>();
    for (Doc d : docs) {
      targets.put(d.file().contentPath(), new Links.Target(d.url(), d.anchors(), d.draft()));
    }
    List<Doc> built = docs.stream().filter(d -> drafts || !d.draft()).toList();
    List<Doc> usable = built.stream().filter(d -> !d.broken()).toList();
    Links links = new Links(targets, drafts);
    Map<String, Doc> categories = new HashMap<>();
    for (Doc d : built) {
      if (d.kind() == Doc.Kind.CATEGORY) {
        categories.put(d.category(), d);
      }
    }
    QuestionIds questionIds = new QuestionIds();
    for (Doc d : built) {
      if (d.kind() == Doc.Kind.QUESTION) {
        questionIds.add(d.category(), d.slug());
      }
    }
    List<Diagnostic> missingCategories = new ArrayList<>();
    for (Doc d : usable) {
      if (d.kind() == Doc.Kind.QUESTION && !categories.containsKey(d.category())) {
        missingCategories.add(Diagnostic.error(d.display(), 1, 1,
            "category '" + d.category() + "' has no _index.md",
            "create content/" + d.category() + "/_index.md with 'title: ...'"));
      }
    }
    diagnostics.addAll(missingCategories.stream().distinct().toList());

    List<Rendered> rendered;
    if (memo == null) {
      Doc[] pending = usable.toArray(Doc[]::new);
      docs = null; // from here on only 'pending' holds the syntax trees, and lets each one go
      built = null;
      usable = null;
      rendered = renderAll(pending, links, markdown, questionIds);
    } else {
      rendered = renderedWithMemo(usable, targets, questionIds, links, markdown);
    }
    for (Rendered r : rendered) {
      diagnostics.addAll(r.problems());
    }
    Page home = null;
    List<Category> cats = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    List<Page> pages = new ArrayList<>();
    for (Rendered r : rendered) {
      switch (r.kind()) {
        case HOME -> home = r.page();
        case CATEGORY -> cats.add(r.category());
        case QUESTION -> questions.add(r.question());
        case PAGE -> pages.add(r.page());
      }
    }
    if (home == null) {
      home = new Page("", site.title(), site.description(), 0, "", "", "", "_index.md");
    }
    cats.sort(Comparator.comparingInt(Category::order).thenComparing(Category::slug));
    Map<String, Integer> catRank = new HashMap<>();
    for (int i = 0; i < cats.size(); i++) {
      catRank.put(cats.get(i).slug(), i);
    }
    questions.sort(
        Comparator.comparingInt((Question q) -> catRank.getOrDefault(q.category(), Integer.MAX_VALUE))
            .thenComparing(Question::category)
            .thenComparingInt(Question::order)
            .thenComparing(Question::slug));
    pages.sort(Comparator.comparingInt(Page::order).thenComparing(Page::slug));
    return new Guide(site, home, List.copyOf(cats), List.copyOf(questions), List.copyOf(pages));
  }

  /** Parses the files whose text changed since the memo's last run; the others come from it. */
  private List<Doc> parsedWithMemo(List<SourceFile> files, Markdown markdown) {
    List<SourceFile> changed = files.stream().filter(f -> !memo.has(f)).toList();
    Map<String, Doc> fresh = new HashMap<>();
    changed.parallelStream().map(f -> parse(f, markdown)).filter(d -> d != null).toList()
        .forEach(d -> fresh.put(d.file().contentPath(), d));
    List<Doc> docs = new ArrayList<>();
    for (SourceFile f : files) {
      Doc d = memo.parsed(f, x -> fresh.get(x.contentPath()));
      if (d != null) {
        docs.add(d);
      }
    }
    return docs;
  }

  /** Renders the documents the memo has no record for (all of them when any link target changed). */
  private List<Rendered> renderedWithMemo(List<Doc> built, Map<String, Links.Target> targets,
      QuestionIds questionIds, Links links, Markdown markdown) {
    memo.environment(Memo.key(new HashMap<>(targets), new ArrayList<>(questionIds.ids())));
    List<Doc> todo = built.stream().filter(d -> memo.rendered(d) == null).toList();
    List<Rendered> done = todo.parallelStream()
        .map(d -> render(memo.fresh(d, f -> parse(f, markdown)), links, markdown, questionIds))
        .toList();
    for (int i = 0; i < todo.size(); i++) {
      memo.store(todo.get(i), done.get(i));
    }
    List<Rendered> out = new ArrayList<>();
    for (Doc d : built) {
      out.add((Rendered) memo.rendered(d));
    }
    return out;
  }

  private Doc parse(SourceFile file, Markdown markdown) {
    List<Diagnostic> problems = new ArrayList<>();
    String path = file.contentPath();
    String[] parts = path.split("/");
    Doc.Kind kind;
    String category = null;
    String slug;
    String url;
    String name = parts[parts.length - 1];
    String stem = name.substring(0, name.length() - 3);
    if (parts.length == 1 && name.equals("_index.md")) {
      kind = Doc.Kind.HOME;
      slug = "";
      url = "";
    } else if (parts.length == 2 && parts[0].equals("pages")) {
      kind = Doc.Kind.PAGE;
      slug = stem;
      url = slug + "/";
    } else if (parts.length == 2 && name.equals("_index.md")) {
      kind = Doc.Kind.CATEGORY;
      category = parts[0];
      slug = parts[0];
      url = slug + "/";
    } else if (parts.length == 2) {
      kind = Doc.Kind.QUESTION;
      category = parts[0];
      slug = stem;
      url = category + "/" + slug + "/";
    } else {
      diagnostics.error(file.display(), 1, 1, "file is not where starbook looks for content",
          "questions are content/<category>/<slug>.md, pages content/pages/<slug>.md");
      return null;
    }
    if (category != null && !SLUG.matcher(category).matches()) {
      problems.add(Diagnostic.error(file.display(), 1, 1,
          "category folder '" + category + "' is not a valid slug", SLUG_RULE));
    }
    if (kind != Doc.Kind.HOME && kind != Doc.Kind.CATEGORY && !SLUG.matcher(slug).matches()) {
      problems.add(Diagnostic.error(file.display(), 1, 1,
          "file name '" + name + "' is not a valid slug", SLUG_RULE));
    }
    FrontMatter fm = FrontMatter.parse(file, problems);
    if (fm == null) {
      return new Doc(kind, file, category, slug, url, Map.of(), new Document(), Map.of(), null, 1,
          1, false, true, problems);
    }
    Set<String> allowed = switch (kind) {
      case HOME -> HOME_KEYS;
      case CATEGORY -> CATEGORY_KEYS;
      case QUESTION -> QUESTION_KEYS;
      case PAGE -> PAGE_KEYS;
    };
    fm.checkKeys(allowed, file.display(), problems);
    Fields fields = new Fields(fm.fields(), file.display(), problems);
    boolean draft = allowed.contains("draft") && fields.bool("draft");
    Document body = markdown.parse(fm.body(), file.display(), fm.bodyLine(), problems);
    if (body == null) {
      diagnostics.addAll(problems);
      return null;
    }
    Map<Node, String> ids = Markdown.headingIds(body);
    Set<String> anchors = new LinkedHashSet<>(ids.values());
    int lastLine = (int) file.text().chars().filter(c -> c == '\n').count() + 1;
    return new Doc(kind, file, category, slug, url, fm.fields(), body, ids, anchors, fm.bodyLine(),
        lastLine, draft, false, problems);
  }

  /** A document rendered into its model record, with the problems found on the way. */
  private record Rendered(
      Doc.Kind kind, Page page, Category category, Question question, List<Diagnostic> problems) {}

  /**
   * Renders every document over the cores, in order. Each syntax tree is dropped as soon as its
   * document is rendered, so the trees and the rendered HTML of a large guide are not all in
   * memory at once.
   */
  private List<Rendered> renderAll(
      Doc[] pending, Links links, Markdown markdown, QuestionIds questionIds) {
    return java.util.stream.IntStream.range(0, pending.length).parallel()
        .mapToObj(i -> {
          Doc d = pending[i];
          pending[i] = null;
          return render(d, links, markdown, questionIds);
        })
        .toList();
  }

  private Rendered render(Doc d, Links links, Markdown markdown, QuestionIds questionIds) {
    List<Diagnostic> problems = new ArrayList<>();
    Fields f = new Fields(d.front(), d.display(), problems);
    String source = d.display();
    links.resolve(d.body(), d.file().contentPath(), d.url(), d.anchors(), source, d.bodyLine(), problems);
    String title = f.string("title", d.kind() != Doc.Kind.HOME, "\"How do you ...?\"");
    title = title == null ? "" : title;
    Integer order = d.kind() == Doc.Kind.HOME ? null : f.integer("order");
    int ord = order == null ? Integer.MAX_VALUE : order;
    String contentPath = d.file().contentPath();
    if (d.kind() != Doc.Kind.QUESTION) {
      String summary = d.kind() == Doc.Kind.HOME ? null : f.string("summary", false, "\"...\"");
      String html = markdown.render(children(d.body()), d.headingIds()).html();
      if (d.kind() == Doc.Kind.CATEGORY) {
        return new Rendered(d.kind(), null,
            new Category(d.slug(), title, ord, summary == null ? "" : summary, html, d.url(), source,
                contentPath), null, problems);
      }
      return new Rendered(d.kind(), new Page(d.slug(), title, summary == null ? "" : summary, ord, html,
          d.url(), source, contentPath), null, null, problems);
    }
    String format = f.oneOf("format", FORMATS, "answer");
    String difficulty = f.oneOf("difficulty", DIFFICULTIES, "");
    String summary = f.string("summary", false, "\"One sentence.\"");
    List<String> tags = new ArrayList<>();
    for (Fields.Located t : f.stringList("tags")) {
      if (!SLUG.matcher(t.value()).matches()) {
        // A tag is a folder of the site (tags/<tag>/): it must be a slug, never a path.
        problems.add(Diagnostic.error(source, t.line(), t.column(),
            "tag '" + t.value() + "' is not a valid slug", SLUG_RULE));
      } else if (!tags.contains(t.value())) {
        tags.add(t.value());
      }
    }
    if (tags.isEmpty() && f.entry("tags") == null) {
      problems.add(Diagnostic.warning(source, f.line("tags"), 1, "question has no tags",
          "add e.g. 'tags: [strategy, technical-debt]' so readers can find it"));
    }
    String id = d.category() + "/" + d.slug();
    List<String> related = new ArrayList<>();
    for (Fields.Located r : f.stringList("related")) {
      String v = r.value();
      if (!RELATED.matcher(v).matches()) {
        problems.add(Diagnostic.error(source, r.line(), r.column(),
            "related entry '" + v + "' is not 'slug' or 'category/slug'",
            "write e.g. 'related: [strategy/build-vs-buy]'"));
        continue;
      }
      String target = questionIds.resolve(d.category(), v);
      if (target.equals(id)) {
        problems.add(Diagnostic.error(source, r.line(), r.column(),
            "question lists itself as related", "remove '" + v + "' from related"));
      } else if (!questionIds.ids().contains(target)) {
        String near = Fields.nearest(target, questionIds.ids());
        problems.add(Diagnostic.error(source, r.line(), r.column(),
            "related question '" + v + "' does not exist",
            near != null ? "did you mean '" + near + "'?" : "write 'category/slug' of an existing question"));
      } else if (!related.contains(target)) {
        related.add(target);
      }
    }
    boolean star = "star".equals(format);
    Map<String, List<Node>> parts =
        Sections.split(d.body(), star, source, d.bodyLine(), d.lastLine(), problems);
    Map<String, String> html = new java.util.LinkedHashMap<>();
    Map<String, String> text = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<Node>> e : parts.entrySet()) {
      Markdown.Rendered r = markdown.render(e.getValue(), d.headingIds());
      html.put(e.getKey(), r.html());
      if (!r.text().isEmpty()) {
        text.put(e.getKey(), r.text());
      }
    }
    io.github.starbook.model.Sections sections = new io.github.starbook.model.Sections(
        html.get("body"), html.get("situation"), html.get("task"), html.get("action"),
        html.get("result"), html.get("keyPoints"), html.get("followUps"), html.get("pitfalls"));
    Question q = new Question(id, d.category(), d.slug(), title, format, List.copyOf(tags),
        difficulty, summary == null ? "" : summary, List.copyOf(related), ord, d.draft(), d.url(),
        source, contentPath, sections, text, hash(d.file().text()));
    return new Rendered(d.kind(), null, null, q, problems);
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
