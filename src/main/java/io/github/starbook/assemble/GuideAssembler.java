package io.github.starbook.assemble;

import io.github.starbook.compile.Doc;
import io.github.starbook.compile.DocBuilder;
import io.github.starbook.compile.Links;
import io.github.starbook.compile.Markdown;
import io.github.starbook.content.ContentLoader;
import io.github.starbook.content.Fields;
import io.github.starbook.content.SiteSettings;
import io.github.starbook.content.SourceFile;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Attachment;
import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Page;
import io.github.starbook.model.Question;
import io.github.starbook.model.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns loaded content into a validated {@link Guide}. First every file on its own, over the cores
 * ({@link DocBuilder}: front matter, Markdown, STAR structure, HTML); then what needs the whole
 * guide: links between files, {@code related} entries, categories without an index.
 */
public final class GuideAssembler {
  static final Pattern RELATED = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)?");

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
    if (memo != null) {
      memo.settings(Memo.key(site, drafts, loaded.files()));
      memo.retain(
          loaded.markdown().stream()
              .map(SourceFile::contentPath)
              .collect(java.util.stream.Collectors.toSet()));
    }
    Map<String, Attachment> files = new LinkedHashMap<>();
    loaded.files().forEach(f -> files.put(f.contentPath(), f));
    List<Doc> docs =
        built(loaded.markdown(), new DocBuilder(new Markdown(site.allowHtml()), site, files));
    for (Doc d : docs) {
      diagnostics.addAll(d.problems());
    }
    Map<String, Links.Target> targets = new HashMap<>();
    for (Doc d : docs) {
      targets.put(d.file().contentPath(), new Links.Target(d.url(), d.anchors(), d.draft()));
    }
    List<Doc> usable = docs.stream().filter(d -> (drafts || !d.draft()) && !d.broken()).toList();
    QuestionIds questionIds = questionIds(docs);
    checkCategoriesExist(docs, usable);
    if (memo != null) {
      memo.environment(Memo.key(targets, questionIds.ids()));
    }
    warnUnused(loaded.files(), usable);
    return guide(site, usable, targets, questionIds, loaded.files());
  }

  /** A file beside the content that no page shows or links to is published, with a warning. */
  private void warnUnused(List<Attachment> files, List<Doc> usable) {
    Set<String> used = new HashSet<>();
    usable.forEach(d -> used.addAll(d.files()));
    for (Attachment f : files) {
      if (!used.contains(f.contentPath()) && !Layout.FAVICONS.contains(f.contentPath())) {
        diagnostics.warning(
            f.display(),
            1,
            1,
            "file is not used by any page",
            "link it from a page (e.g. ![What it shows](img/file.svg)) or remove it");
      }
    }
  }

  /** The ids of the questions that will be built, to resolve {@code related} entries against. */
  private QuestionIds questionIds(List<Doc> docs) {
    QuestionIds ids = new QuestionIds();
    for (Doc d : docs) {
      if ((drafts || !d.draft()) && d.kind() == Doc.Kind.QUESTION) {
        ids.add(d.category(), d.slug());
      }
    }
    return ids;
  }

  /** A question in a folder without {@code _index.md} is an error (once per file). */
  private void checkCategoriesExist(List<Doc> docs, List<Doc> usable) {
    Set<String> categorySlugs = new HashSet<>();
    for (Doc d : docs) {
      if ((drafts || !d.draft()) && d.kind() == Doc.Kind.CATEGORY) {
        categorySlugs.add(d.category());
      }
    }
    List<Diagnostic> missing = new ArrayList<>();
    for (Doc d : usable) {
      if (d.kind() == Doc.Kind.QUESTION && !categorySlugs.contains(d.category())) {
        missing.add(
            Diagnostic.error(
                d.display(),
                1,
                1,
                "category '" + d.category() + "' has no _index.md",
                "create content/" + d.category() + "/_index.md with 'title: ...'"));
      }
    }
    diagnostics.addAll(missing.stream().distinct().toList());
  }

  /** The checks between files, then the guide in reading order. */
  private Guide guide(
      Site site,
      List<Doc> usable,
      Map<String, Links.Target> targets,
      QuestionIds questionIds,
      List<Attachment> files) {
    Page home = null;
    List<Category> cats = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    List<Page> pages = new ArrayList<>();
    for (Doc d : usable) {
      Checked c = checked(d, targets, questionIds);
      diagnostics.addAll(c.problems());
      switch (d.kind()) {
        case HOME -> home = d.page();
        case CATEGORY -> cats.add(d.categoryPage());
        case QUESTION -> questions.add(c.question());
        case PAGE -> pages.add(d.page());
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
        Comparator.comparingInt(
                (Question q) -> catRank.getOrDefault(q.category(), Integer.MAX_VALUE))
            .thenComparing(Question::category)
            .thenComparingInt(Question::order)
            .thenComparing(Question::slug));
    pages.sort(Comparator.comparingInt(Page::order).thenComparing(Page::slug));
    return Guide.of(
        site, home, List.copyOf(cats), List.copyOf(questions), List.copyOf(pages), files);
  }

  /** A file's checks between files, from the memo when nothing they depend on changed. */
  private Checked checked(Doc d, Map<String, Links.Target> targets, QuestionIds questionIds) {
    Checked c = memo == null ? null : memo.checked(d);
    if (c == null) {
      c = check(d, targets, questionIds);
      if (memo != null) {
        c = memo.store(d, c);
      }
    }
    return c;
  }

  /** Every file read and rendered, over the cores, in file order; from the memo when unchanged. */
  private List<Doc> built(List<SourceFile> files, DocBuilder builder) {
    List<SourceFile> todo =
        memo == null ? files : files.stream().filter(f -> memo.doc(f) == null).toList();
    List<Diagnostic> reported = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Doc> fresh = todo.parallelStream().map(f -> builder.build(f, reported)).toList();
    diagnostics.addAll(reported);
    if (memo == null) {
      return fresh.stream().filter(d -> d != null).toList();
    }
    for (int i = 0; i < todo.size(); i++) {
      memo.store(todo.get(i), fresh.get(i));
    }
    List<Doc> docs = new ArrayList<>();
    for (SourceFile f : files) {
      Doc d = memo.doc(f);
      if (d != null) {
        docs.add(d);
      }
    }
    return docs;
  }

  /** What the checks between files made of one file: its question (related resolved), problems. */
  record Checked(Question question, List<Diagnostic> problems) {}

  /** Checks a file's links to other files and, for a question, resolves its related entries. */
  private Checked check(Doc d, Map<String, Links.Target> targets, QuestionIds questionIds) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Links.Ref ref : d.links()) {
      Links.check(ref, targets, drafts, d.display(), problems);
    }
    Question q = d.question();
    if (q == null) {
      return new Checked(null, List.copyOf(problems));
    }
    List<String> related = new ArrayList<>();
    for (Fields.Located r : d.related()) {
      String target = related(d, r, questionIds, problems);
      if (target != null && !related.contains(target)) {
        related.add(target);
      }
    }
    if (!related.isEmpty()) {
      q = q.withRelated(related);
    }
    return new Checked(q, List.copyOf(problems));
  }

  /** The question id one {@code related} entry names, or null (the problem is reported). */
  private static String related(
      Doc d, Fields.Located r, QuestionIds questionIds, List<Diagnostic> problems) {
    String v = r.value();
    String problem = null;
    String hint = null;
    String target = RELATED.matcher(v).matches() ? questionIds.resolve(d.category(), v) : null;
    if (target == null) {
      problem = "related entry '" + v + "' is not 'slug' or 'category/slug'";
      hint = "write e.g. 'related: [strategy/build-vs-buy]'";
    } else if (target.equals(d.question().id())) {
      problem = "question lists itself as related";
      hint = "remove '" + v + "' from related";
    } else if (!questionIds.ids().contains(target)
        && !v.contains("/")
        && questionIds.withSlug(v).size() > 1) {
      problem =
          "related question '"
              + v
              + "' is ambiguous: "
              + String.join(" and ", questionIds.withSlug(v))
              + " both exist";
      hint = "write 'category/slug' to say which";
    } else if (!questionIds.ids().contains(target)) {
      String near = Fields.nearest(target, questionIds.ids());
      problem = "related question '" + v + "' does not exist";
      hint =
          near != null
              ? "did you mean '" + near + "'?"
              : "write 'category/slug' of an existing question";
    }
    if (problem == null) {
      return target;
    }
    problems.add(Diagnostic.error(d.display(), r.line(), r.column(), problem, hint));
    return null;
  }
}
