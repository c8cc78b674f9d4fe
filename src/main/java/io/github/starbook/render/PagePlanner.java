package io.github.starbook.render;

import io.github.starbook.model.Attachment;
import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Output;
import io.github.starbook.model.Page;
import io.github.starbook.model.Question;
import io.github.starbook.model.SectionKind;
import io.github.starbook.model.Site;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out every HTML page of the site: which template, which context, which output path. Pages are
 * rendered when the writer asks for them.
 */
public final class PagePlanner {
  private final Guide guide;
  private final Templates templates;
  private final Map<String, List<Question>> byCategory = new HashMap<>();
  private final Map<String, List<Question>> byTag;
  private final Map<String, Question> byId = new HashMap<>();
  private final Map<String, Category> categoryBySlug = new HashMap<>();
  private final Map<Question, Integer> positionInCategory = new java.util.IdentityHashMap<>();

  /** The icon every page declares: the guide's own (content/favicon.svg or .png) or the theme's. */
  private final String favicon;

  /** More than {@link Paging#LARGE} questions: home highlights, booklet per category, A–Z pages. */
  private final boolean large;

  public PagePlanner(Guide guide, Templates templates) {
    this.guide = guide;
    this.templates = templates;
    for (Question q : guide.questions()) {
      List<Question> siblings = byCategory.computeIfAbsent(q.category(), k -> new ArrayList<>());
      positionInCategory.put(q, siblings.size());
      siblings.add(q);
      byId.put(q.id(), q);
    }
    for (Category c : guide.categories()) {
      categoryBySlug.putIfAbsent(c.slug(), c);
    }
    this.byTag = guide.tags();
    this.favicon =
        guide.files().stream()
            .map(Attachment::contentPath)
            .filter(Layout.FAVICONS::contains)
            .findFirst()
            .orElse(Layout.ASSETS + "favicon.svg");
    this.large = Paging.large(guide);
  }

  /** One entry of a question list in a template: the question and the link to it. */
  public record Item(Question question, String href, String categoryTitle) {}

  public List<Output> plan() {
    return plan(path -> true);
  }

  /** The pages whose output path {@code wanted} accepts (starbook serve re-plans what changed). */
  public List<Output> plan(java.util.function.Predicate<String> wanted) {
    List<Output> out = new ArrayList<>();
    if (wanted.test("index.html")) {
      out.add(home());
    }
    for (Category c : guide.categories()) {
      List<Question> qs = byCategory.getOrDefault(c.slug(), List.of());
      for (int n = 1; n <= Paging.pages(qs.size(), Paging.PER_PAGE); n++) {
        if (wanted.test(Layout.paged(c.url(), n) + "index.html")) {
          out.add(category(c, qs, n));
        }
      }
    }
    out.addAll(
        guide.questions().parallelStream()
            .filter(q -> wanted.test(q.url() + "index.html"))
            .map(q -> page(q.url() + "index.html", q.source(), "question.peb", questionContext(q)))
            .toList());
    for (Page p : guide.pages()) {
      if (wanted.test(p.url() + "index.html")) {
        out.add(freePage(p));
      }
    }
    if (wanted.test(Layout.TAGS + "index.html")) {
      out.add(tagIndex());
    }
    for (Map.Entry<String, List<Question>> e : byTag.entrySet()) {
      for (int n = 1; n <= Paging.pages(e.getValue().size(), Paging.PER_PAGE); n++) {
        if (wanted.test(Layout.paged(Layout.tag(e.getKey()), n) + "index.html")) {
          out.add(tag(e.getKey(), e.getValue(), n));
        }
      }
    }
    if (large) {
      out.addAll(booklets(wanted));
    } else if (wanted.test(Layout.ALL + "index.html")) {
      out.add(booklet());
    }
    if (wanted.test("404.html")) {
      out.add(notFound());
    }
    return out;
  }

  private Output home() {
    Map<String, Object> home =
        base(
            "",
            guide.home().title().isEmpty() ? guide.site().title() : guide.home().title(),
            guide.site().description(),
            "home");
    home.put("intro", guide.home().html());
    home.put("sections", sections(""));
    home.put("pages", pageLinks(""));
    home.put("overview", large);
    return page(
        "index.html",
        guide.home().source().isEmpty() ? "(home page)" : guide.home().source(),
        "home.peb",
        home);
  }

  /** Page {@code n} of a category's list ({@code all}: the category's questions). */
  private Output category(Category c, List<Question> all, int n) {
    String url = Layout.paged(c.url(), n);
    Paging.Pager pager = Paging.Pager.of(c.url(), n, all.size(), Paging.PER_PAGE);
    Map<String, Object> ctx = base(url, pager.titled(c.title()), c.summary(), "category");
    ctx.put("category", c);
    ctx.put("questions", items(url, pager.slice(all)));
    ctx.put("total", all.size());
    ctx.put("pager", pager);
    return page(url + "index.html", c.source(), "category.peb", ctx);
  }

  private Output freePage(Page p) {
    Map<String, Object> ctx = base(p.url(), p.title(), p.summary(), "page");
    ctx.put("page", p);
    return page(p.url() + "index.html", p.source(), "page.peb", ctx);
  }

  private Output tagIndex() {
    Map<String, Object> tags =
        base(Layout.TAGS, "Tags", "All tags of " + guide.site().title(), "tags");
    List<Map<String, Object>> tagList = new ArrayList<>();
    for (Map.Entry<String, List<Question>> e : byTag.entrySet()) {
      tagList.add(
          Map.of(
              "name",
              e.getKey(),
              "href",
              Layout.page(Layout.TAGS, Layout.tag(e.getKey())),
              "count",
              e.getValue().size()));
    }
    tags.put("tags", tagList);
    return page(Layout.TAGS + "index.html", "(tag index)", "tags.peb", tags);
  }

  /** Page {@code n} of a tag's list ({@code all}: the tag's questions). */
  private Output tag(String tag, List<Question> all, int n) {
    String url = Layout.paged(Layout.tag(tag), n);
    Paging.Pager pager = Paging.Pager.of(Layout.tag(tag), n, all.size(), Paging.PER_PAGE);
    Map<String, Object> ctx =
        base(url, pager.titled("Tag: " + tag), "Questions tagged " + tag, "tag");
    ctx.put("tag", tag);
    ctx.put("questions", items(url, pager.slice(all)));
    ctx.put("total", all.size());
    ctx.put("pager", pager);
    return page(url + "index.html", "(tag " + tag + ")", "tag.peb", ctx);
  }

  private Output booklet() {
    Map<String, Object> all =
        base(
            Layout.ALL,
            "All questions",
            "Every question of " + guide.site().title() + " on one page, ready to print",
            "all");
    List<Map<String, Object>> booklet = new ArrayList<>();
    for (Category c : guide.categories()) {
      booklet.add(
          Map.of(
              "category",
              c,
              "questions",
              byCategory.getOrDefault(c.slug(), List.of()).stream()
                  .map(q -> Booklet.of(q, c.title()))
                  .toList()));
    }
    all.put("sections", booklet);
    all.put("alphabetical", alphabetical(Layout.ALL));
    return page(Layout.ALL + "index.html", "(print booklet)", "all.peb", all);
  }

  /**
   * A large guide's booklet: {@code all/} becomes an index of one booklet per category, and the A–Z
   * list gets pages of its own.
   */
  private List<Output> booklets(java.util.function.Predicate<String> wanted) {
    List<Output> out = new ArrayList<>();
    if (wanted.test(Layout.ALL + "index.html")) {
      out.add(bookletIndex());
    }
    for (Category c : guide.categories()) {
      if (wanted.test(Layout.booklet(c.slug()) + "index.html")) {
        out.add(categoryBooklet(c));
      }
    }
    AzList az = null;
    for (int n = 1; n <= Paging.pages(guide.questions().size(), Paging.AZ_PER_PAGE); n++) {
      if (wanted.test(Layout.paged(Layout.AZ, n) + "index.html")) {
        az = az == null ? new AzList(guide.questions()) : az;
        out.add(az(az, n));
      }
    }
    return out;
  }

  private Output bookletIndex() {
    Map<String, Object> all =
        base(
            Layout.ALL,
            "All questions",
            "Every question of " + guide.site().title() + ", one printable page per section",
            "all");
    List<Map<String, Object>> booklets = new ArrayList<>();
    for (Category c : guide.categories()) {
      booklets.add(
          Map.of(
              "category",
              c,
              "href",
              Layout.page(Layout.ALL, Layout.booklet(c.slug())),
              "count",
              byCategory.getOrDefault(c.slug(), List.of()).size()));
    }
    all.put("booklets", booklets);
    all.put("azPages", Paging.pages(guide.questions().size(), Paging.AZ_PER_PAGE));
    return page(Layout.ALL + "index.html", "(print booklet)", "booklets.peb", all);
  }

  private Output categoryBooklet(Category c) {
    String url = Layout.booklet(c.slug());
    Map<String, Object> ctx =
        base(
            url,
            c.title() + ": all questions",
            "Every question of " + c.title() + " on one page, ready to print",
            "all");
    ctx.put("category", c);
    ctx.put("allHref", Layout.page(url, Layout.ALL));
    ctx.put(
        "questions",
        byCategory.getOrDefault(c.slug(), List.of()).stream()
            .map(q -> CategoryBooklet.of(q, c.title()))
            .toList());
    return page(url + "index.html", c.source(), "booklet.peb", ctx);
  }

  /** Page {@code n} of a large guide's A–Z list. */
  private Output az(AzList az, int n) {
    String url = Layout.paged(Layout.AZ, n);
    Paging.Pager pager = Paging.Pager.of(Layout.AZ, n, az.size(), Paging.AZ_PER_PAGE);
    Map<String, Object> ctx =
        base(
            url,
            pager.titled("All questions A–Z"),
            "Every question of " + guide.site().title() + " from A to Z",
            "az");
    List<AzList.Entry> entries = new ArrayList<>();
    for (int i = pager.first() - 1; i < pager.last(); i++) {
      Item it = item(url, az.get(i));
      entries.add(new AzList.Entry(it.question(), it.href(), it.categoryTitle(), az.anchorAt(i)));
    }
    ctx.put("alphabetical", entries);
    ctx.put("letters", az.letters(url));
    ctx.put("allHref", Layout.page(url, Layout.ALL));
    ctx.put("pager", pager);
    return page(url + "index.html", "(A–Z list)", "az.peb", ctx);
  }

  private Output notFound() {
    Map<String, Object> notFound = base("", "Page not found", guide.site().description(), "404");
    notFound.put("root", guide.site().basePath());
    notFound.put("azHref", guide.site().basePath() + azPath());
    notFound.put("favicon", guide.site().basePath() + favicon);
    return page("404.html", "(404 page)", "404.peb", notFound);
  }

  /**
   * The pages whose context may differ between two guides that have the same pages: each changed
   * question's own page, its neighbours, the questions relating to it, its category and tag pages
   * (every page of each), the home page and the booklet (in a large guide: the booklet index, the
   * category's booklet and, when a title changed, the A–Z pages). Null when the set of pages or
   * what every page shows (site, categories, free pages, question order, how many pages a tag's
   * list takes) may have changed: then plan everything.
   */
  public static java.util.Set<String> affected(Guide before, Guide after) {
    if (before == null
        || !before.site().equals(after.site())
        || !before.home().equals(after.home())
        || !before.categories().equals(after.categories())
        || !before.pages().equals(after.pages())
        || !before.files().equals(after.files())
        || before.questions().size() != after.questions().size()) {
      return null;
    }
    List<Question> was = before.questions();
    List<Question> now = after.questions();
    java.util.Set<String> paths = new java.util.HashSet<>();
    Map<String, List<Question>> relating = null;
    Map<String, Integer> categorySizes = new HashMap<>();
    for (int i = 0; i < now.size(); i++) {
      Question a = was.get(i);
      Question b = now.get(i);
      if (a == b) {
        continue;
      }
      if (!a.id().equals(b.id())) {
        return null;
      }
      if (!a.tags().equals(b.tags())) {
        if (!before.tags().keySet().equals(after.tags().keySet())
            || tagPagesChanged(before, after, a, b)) {
          return null;
        }
        paths.add(Layout.TAGS + "index.html");
      }
      if (relating == null) {
        relating = new HashMap<>();
        for (Question q : now) {
          for (String r : q.related()) {
            relating.computeIfAbsent(r, k -> new ArrayList<>()).add(q);
          }
        }
      }
      paths.add(b.url() + "index.html");
      for (int k = i - 1; k <= i + 1; k += 2) {
        if (k >= 0 && k < now.size() && now.get(k).category().equals(b.category())) {
          paths.add(now.get(k).url() + "index.html");
        }
      }
      for (Question r : relating.getOrDefault(b.id(), List.of())) {
        paths.add(r.url() + "index.html");
      }
      listPages(paths, after, a, b, categorySizes);
    }
    return paths;
  }

  /**
   * The pages that list a changed question (was {@code a}, now {@code b}): every page of its
   * category and tags, the home page and the booklet.
   */
  private static void listPages(
      java.util.Set<String> paths,
      Guide after,
      Question a,
      Question b,
      Map<String, Integer> categorySizes) {
    int inCategory = categorySizes.computeIfAbsent(b.category(), k -> categorySize(after, k));
    addPages(paths, b.category() + "/", inCategory, Paging.PER_PAGE);
    for (String t : a.tags()) {
      addPages(paths, Layout.tag(t), after.tags().get(t).size(), Paging.PER_PAGE);
    }
    for (String t : b.tags()) {
      addPages(paths, Layout.tag(t), after.tags().get(t).size(), Paging.PER_PAGE);
    }
    paths.add("index.html");
    paths.add(Layout.ALL + "index.html");
    if (Paging.large(after)) {
      paths.add(Layout.booklet(b.category()) + "index.html");
      if (!a.title().equals(b.title())) {
        addPages(paths, Layout.AZ, after.questions().size(), Paging.AZ_PER_PAGE);
      }
    }
  }

  /** Whether a tag of either version of a question now takes another number of list pages. */
  private static boolean tagPagesChanged(Guide before, Guide after, Question a, Question b) {
    java.util.Set<String> tags = new java.util.HashSet<>(a.tags());
    tags.addAll(b.tags());
    for (String t : tags) {
      int was = Paging.pages(before.tags().get(t).size(), Paging.PER_PAGE);
      if (was != Paging.pages(after.tags().get(t).size(), Paging.PER_PAGE)) {
        return true;
      }
    }
    return false;
  }

  private static int categorySize(Guide guide, String category) {
    return (int) guide.questions().stream().filter(q -> q.category().equals(category)).count();
  }

  private static void addPages(java.util.Set<String> paths, String dir, int items, int perPage) {
    for (String u : Paging.urls(dir, items, perPage)) {
      paths.add(u + "index.html");
    }
  }

  /**
   * One more page with the shared page context (site, nav, root, title…) plus {@code extra}: for
   * pages planned outside this class, such as the search page.
   */
  public Output extraPage(
      String url,
      String source,
      String title,
      String description,
      String kind,
      String template,
      Map<String, Object> extra) {
    Map<String, Object> ctx = base(url, title, description, kind);
    ctx.putAll(extra);
    return page(url + "index.html", source, template, ctx);
  }

  private Map<String, Object> questionContext(Question q) {
    Map<String, Object> ctx = base(q.url(), q.title(), q.summary(), "question");
    Category c = categoryBySlug.get(q.category());
    ctx.put("question", q);
    ctx.put("sectionKinds", SectionKind.all());
    ctx.put("category", c);
    ctx.put("categoryHref", Layout.page(q.url(), c.url()));
    List<Item> related = new ArrayList<>();
    for (String id : q.related()) {
      Question r = byId.get(id);
      if (r != null) {
        related.add(item(q.url(), r));
      }
    }
    ctx.put("related", related);
    List<Question> siblings = byCategory.get(q.category());
    int i = positionInCategory.get(q);
    ctx.put("prev", i > 0 ? item(q.url(), siblings.get(i - 1)) : null);
    ctx.put("next", i < siblings.size() - 1 ? item(q.url(), siblings.get(i + 1)) : null);
    List<Map<String, Object>> tagLinks = new ArrayList<>();
    for (String t : q.tags()) {
      tagLinks.add(Map.of("name", t, "href", Layout.page(q.url(), Layout.tag(t))));
    }
    ctx.put("tags", tagLinks);
    Site s = guide.site();
    // Never null: Pebble's strict mode refuses a null in {% if %}; "" reads as false.
    ctx.put(
        "editUrl",
        s.repo() == null
            ? ""
            : s.repo().replaceAll("/+$", "")
                + "/edit/"
                + s.editBranch()
                + "/content/"
                + q.contentPath());
    return ctx;
  }

  public Map<String, Object> base(String url, String title, String description, String kind) {
    Map<String, Object> ctx = new LinkedHashMap<>();
    Site s = guide.site();
    ctx.put("site", s);
    ctx.put("kind", kind);
    ctx.put("url", url);
    ctx.put("root", Layout.root(url));
    ctx.put("title", title);
    ctx.put(
        "description",
        description == null || description.isEmpty() ? s.description() : description);
    ctx.put("canonical", s.absolute(url) == null ? "" : s.absolute(url));
    ctx.put("questionCount", guide.questions().size());
    ctx.put("azHref", Layout.root(url) + azPath());
    ctx.put("favicon", Layout.root(url) + favicon);
    ctx.put("faviconType", favicon.endsWith(".png") ? "image/png" : "image/svg+xml");
    List<Map<String, Object>> nav = new ArrayList<>();
    for (Category c : guide.categories()) {
      nav.add(
          Map.of(
              "title",
              c.title(),
              "href",
              Layout.page(url, c.url()),
              "current",
              url.startsWith(c.url())));
    }
    ctx.put("nav", nav);
    return ctx;
  }

  /**
   * The home page's sections: each category with its questions, or in a large guide with its first
   * {@link Paging#HIGHLIGHTS} ({@code more} tells whether there are others), and its {@code count}.
   */
  private List<Map<String, Object>> sections(String from) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Category c : guide.categories()) {
      List<Question> qs = byCategory.getOrDefault(c.slug(), List.of());
      List<Question> shown = large ? qs.subList(0, Math.min(qs.size(), Paging.HIGHLIGHTS)) : qs;
      Map<String, Object> m = new HashMap<>();
      m.put("category", c);
      m.put("href", Layout.page(from, c.url()));
      m.put("questions", items(from, shown));
      m.put("count", qs.size());
      m.put("more", shown.size() < qs.size());
      list.add(m);
    }
    return list;
  }

  /**
   * The no-JavaScript way to every question, from the site root: the booklet's A–Z list, or a large
   * guide's A–Z pages.
   */
  private String azPath() {
    return large ? Layout.AZ + "index.html" : Layout.ALL + "index.html#az-title";
  }

  private List<Map<String, Object>> pageLinks(String from) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Page p : guide.pages()) {
      list.add(Map.of("page", p, "href", Layout.page(from, p.url())));
    }
    return list;
  }

  private List<Item> alphabetical(String from) {
    return AzList.sorted(guide.questions()).stream().map(q -> item(from, q)).toList();
  }

  private List<Item> items(String from, List<Question> qs) {
    return qs.stream().map(q -> item(from, q)).toList();
  }

  private Item item(String from, Question q) {
    Category c = categoryBySlug.get(q.category());
    return new Item(q, Layout.page(from, q.url()), c == null ? q.category() : c.title());
  }

  public Output page(String path, String source, String template, Map<String, Object> ctx) {
    return new Output(path, source, new Render(templates, template, ctx));
  }

  /**
   * How a page is produced: a template and its context. Contexts hold records, lists and maps only,
   * so two equal contexts render the same bytes with the same templates (starbook serve relies on
   * this to re-render only pages whose context changed).
   */
  public record Render(Templates templates, String template, Map<String, Object> context)
      implements Output.Producer {
    @Override
    public void write(java.io.OutputStream os) throws java.io.IOException, Output.ProduceError {
      Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
      try {
        templates.render(template, context, w);
      } catch (Templates.TemplateError e) {
        throw new Output.ProduceError(e.diagnostic());
      }
      w.flush();
    }
  }
}
