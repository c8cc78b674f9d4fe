package io.github.starbook.render;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.Build;
import io.github.starbook.Reuse;
import io.github.starbook.model.Output;
import io.github.starbook.testing.GeneratedGuide;
import io.github.starbook.testing.GeneratedGuide.Q;
import io.github.starbook.testing.RealGuide;
import io.github.starbook.testing.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated guide of 550 questions (more than {@link Paging#LARGE}) built end to end with the
 * project's templates: the home page shows counts and highlights, long category and tag lists are
 * split into linked pages, the A–Z list has pages of its own, the booklet is one page per category,
 * every internal link resolves; and guides of {@link Paging#LARGE} questions or fewer, like the
 * real one, keep the one-page layout.
 */
class LargeGuideTest {
  /** Categories and their sizes: two pages; exactly one full page; a short list. */
  static final Map<String, Integer> SIZES =
      GeneratedGuide.sizes("alpha", 300, "beta", 200, "gamma", 50);

  @TempDir static Path tmp;
  static Path site;
  static Run run;
  static List<Q> questions;

  @BeforeAll
  static void build() throws IOException {
    questions = GeneratedGuide.generate(tmp.resolve("content"), SIZES);
    site = tmp.resolve("site");
    run = Run.build(tmp, tmp.resolve("content"), site);
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  /** The site path a relative link on the page {@code from} leads to, without its fragment. */
  static String target(String from, String href) {
    String path = URI.create("https://x.invalid/" + from).resolve(href).getPath().substring(1);
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }

  /** The site paths the question links of a list point to, in order. */
  static List<String> listed(String from, String selector) throws IOException {
    return page(from).select(selector).eachAttr("href").stream().map(h -> target(from, h)).toList();
  }

  /** The questions of a category in guide order (by order, then slug). */
  static List<Q> inCategory(String cat) {
    return questions.stream()
        .filter(q -> q.category().equals(cat))
        .sorted(Comparator.comparingInt(Q::order).thenComparing(Q::slug))
        .toList();
  }

  /** Every question in guide order. */
  static List<Q> inGuideOrder() {
    return SIZES.keySet().stream().flatMap(c -> inCategory(c).stream()).toList();
  }

  @Test
  void buildSucceeds() {
    assertEquals(0, run.exit(), run.toString());
    assertEquals("", run.err());
    assertTrue(Paging.LARGE < questions.size(), "the generated guide is large");
  }

  @Test
  void homeShowsEachCategoryWithItsCountAndFirstQuestions() throws IOException {
    Document home = page("index.html");
    List<Element> blocks = home.select("section.category-block");
    assertEquals(
        List.copyOf(SIZES.keySet()),
        blocks.stream()
            .map(b -> target("", b.selectFirst("h2 a").attr("href")).replace("/index.html", ""))
            .toList());
    int k = 0;
    for (Map.Entry<String, Integer> e : SIZES.entrySet()) {
      Element b = blocks.get(k++);
      assertEquals(e.getValue() + " questions", b.selectFirst("h2 .count").text());
      List<String> highlights =
          inCategory(e.getKey()).subList(0, Paging.HIGHLIGHTS).stream().map(Q::page).toList();
      assertEquals(
          highlights,
          b.select(".question-list > li > a").eachAttr("href"),
          "the first questions by order");
      assertEquals(e.getKey() + "/index.html", b.selectFirst(".more a").attr("href"));
      assertTrue(b.selectFirst(".more a").text().contains(e.getValue() + " questions"));
    }
    assertEquals(SIZES.size() * Paging.HIGHLIGHTS, home.select(".question-list > li").size());
    assertEquals("all/az/index.html", home.selectFirst("a.search-fallback").attr("href"));
    assertEquals("all/az/index.html", home.selectFirst(".browse a").attr("href"));
    assertTrue(home.selectFirst(".stats").text().startsWith(questions.size() + " questions"));
  }

  @Test
  void longCategoryListsArePagedWithPrevAndNextLinks() throws IOException {
    List<String> alpha = inCategory("alpha").stream().map(Q::page).toList();
    assertEquals(alpha.subList(0, 200), listed("alpha/index.html", ".question-list > li > a"));
    assertEquals(
        alpha.subList(200, 300), listed("alpha/page/2/index.html", ".question-list > li > a"));
    assertFalse(Files.exists(site.resolve("alpha/page/3")));

    Document first = page("alpha/index.html");
    assertEquals("300 questions", first.selectFirst("main h2").text());
    assertNull(first.selectFirst("a[rel=prev]"));
    assertEquals(
        "alpha/page/2/index.html",
        target("alpha/index.html", first.selectFirst("a[rel=next]").attr("href")));
    assertEquals(
        List.of("alpha/index.html", "alpha/page/2/index.html"),
        first.select(".page-nav li > a:not([rel])").eachAttr("href").stream()
            .map(h -> target("alpha/index.html", h))
            .toList());
    assertEquals("1", first.selectFirst(".page-nav a[aria-current=page]").text());

    Document second = page("alpha/page/2/index.html");
    assertEquals("300 questions", second.selectFirst("main h2").text());
    assertEquals(
        "alpha/index.html",
        target("alpha/page/2/index.html", second.selectFirst("a[rel=prev]").attr("href")));
    assertNull(second.selectFirst("a[rel=next]"));
    assertEquals("2", second.selectFirst(".page-nav a[aria-current=page]").text());
    assertTrue(second.title().startsWith("Alpha (page 2 of 2)"), second.title());
    assertEquals(
        "alpha/index.html",
        target("alpha/page/2/index.html", second.select(".breadcrumbs a").get(1).attr("href")));
    assertTrue(second.selectFirst("a[aria-current=true]").text().equals("Alpha"), "nav");
  }

  @Test
  void listsOfAtMostOnePageAreNotPaged() throws IOException {
    for (String cat : List.of("beta", "gamma")) {
      Document d = page(cat + "/index.html");
      assertNull(d.selectFirst(".page-nav"), cat);
      assertNull(d.selectFirst(".page-of"), cat);
      assertFalse(Files.exists(site.resolve(cat + "/page")), cat);
      assertEquals(
          inCategory(cat).stream().map(Q::page).toList(),
          listed(cat + "/index.html", ".question-list > li > a"));
    }
    assertNull(page("tags/rare/index.html").selectFirst(".page-nav"));
    assertNull(page("tags/half/index.html").selectFirst(".page-nav"), "200: one full page");
  }

  @Test
  void longTagListsArePagedAndListEveryQuestionOnce() throws IOException {
    List<String> seen = new ArrayList<>();
    String at = "tags/common/index.html";
    for (int n = 1; n <= 3; n++) {
      Document d = page(at);
      seen.addAll(listed(at, ".question-list > li > a"));
      Element next = d.selectFirst("a[rel=next]");
      if (n < 3) {
        at = target(at, next.attr("href"));
        assertEquals("tags/common/page/" + (n + 1) + "/index.html", at);
      } else {
        assertNull(next);
      }
    }
    assertEquals(inGuideOrder().stream().map(Q::page).toList(), seen);
  }

  @Test
  void theAzPagesListEveryQuestionOnceInTitleOrder() throws IOException {
    List<String> expected =
        questions.stream()
            .sorted(
                Comparator.comparing((Q q) -> q.title().toLowerCase(Locale.ROOT))
                    .thenComparing(Q::id))
            .map(Q::page)
            .toList();
    List<String> pages = List.of("all/az/index.html", "all/az/page/2/index.html");
    List<String> seen = new ArrayList<>();
    Map<String, String> titleById = new HashMap<>();
    for (String p : pages) {
      seen.addAll(listed(p, ".a-z-list > li > a"));
      for (Element li : page(p).select(".a-z-list > li[id]")) {
        titleById.put(p + "#" + li.id(), li.selectFirst("a").text());
      }
    }
    assertEquals(expected, seen);
    assertEquals(questions.size(), new HashSet<>(seen).size());
    assertFalse(Files.exists(site.resolve("all/az/page/3")));
    assertEquals(
        "all/az/page/2/index.html",
        target(pages.get(0), page(pages.get(0)).selectFirst("a[rel=next]").attr("href")));

    // Each initial links to the first title that starts with it.
    Document first = page(pages.get(0));
    Set<String> initials = new HashSet<>();
    for (Element a : first.select(".letters a")) {
      String href = a.attr("href");
      String title =
          titleById.get(target(pages.get(0), href) + "#" + URI.create(href).getFragment());
      assertNotNull(title, href);
      assertEquals(a.text(), AzList.initial(title), title);
      initials.add(a.text());
    }
    assertTrue(initials.containsAll(List.of("0–9", "Á", "B", "Z", "W")), initials.toString());
  }

  @Test
  void theBookletIsOnePagePerCategoryWithEveryQuestionOnce() throws IOException {
    Document index = page("all/index.html");
    assertTrue(index.select(".booklet-question").isEmpty());
    assertEquals(
        SIZES.keySet().stream().map(c -> "all/" + c + "/index.html").toList(),
        listed("all/index.html", ".toc a"));
    assertEquals(
        "all/az/index.html",
        target(
            "all/index.html",
            index.selectFirst("#az-title").parent().selectFirst("a").attr("href")));

    List<String> seen = new ArrayList<>();
    for (String cat : SIZES.keySet()) {
      String at = "all/" + cat + "/index.html";
      Document d = page(at);
      List<Q> qs = inCategory(cat);
      assertEquals(
          qs.stream().map(q -> "q-" + cat + "-" + q.slug()).toList(),
          d.select("article.booklet-question").eachAttr("id"));
      List<String> pagesLinked = listed(at, "article.booklet-question > h3 > a");
      assertEquals(qs.stream().map(Q::page).toList(), pagesLinked);
      seen.addAll(pagesLinked);
      for (Element a : d.select("article.booklet-question .prose a")) {
        assertEquals("alpha/q-0001/index.html", target(at, a.attr("href")), "re-pointed link");
      }
      assertEquals(qs.size(), d.select(".toc a").size());
    }
    assertEquals(inGuideOrder().stream().map(Q::page).toList(), seen);
    Element img = page("all/alpha/index.html").selectFirst(".prose img");
    assertEquals("alpha/img/flow.svg", target("all/alpha/index.html", img.attr("src")));
  }

  @Test
  void everyInternalLinkLeadsToAFileAndEveryFragmentToAnId() throws IOException {
    Map<String, Set<String>> ids = new HashMap<>();
    int checked = 0;
    List<Path> pages;
    try (Stream<Path> s = Files.walk(site)) {
      pages = s.filter(p -> p.toString().endsWith(".html")).toList();
    }
    for (Path p : pages) {
      String from = site.relativize(p).toString().replace('\\', '/');
      if (from.equals("404.html")) {
        continue; // links from the site root's base path, as a server shows it anywhere
      }
      Document d = Jsoup.parse(p.toFile(), "UTF-8");
      for (Element e : d.select("[href], [src]")) {
        String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (link.contains(":") || link.startsWith("//")) {
          continue;
        }
        String to = link.startsWith("#") ? from : target(from, link);
        assertTrue(Files.isRegularFile(site.resolve(to)), from + " → " + link);
        String fragment = URI.create(link).getFragment();
        if (fragment != null && to.endsWith(".html")) {
          Set<String> there =
              ids.computeIfAbsent(
                  to,
                  t -> {
                    try {
                      return new HashSet<>(page(t).select("[id]").eachAttr("id"));
                    } catch (IOException x) {
                      throw new java.io.UncheckedIOException(x);
                    }
                  });
          assertTrue(there.contains(fragment), from + " → " + link);
        }
        checked++;
      }
    }
    assertTrue(checked > 10_000, "links checked: " + checked);
  }

  @Test
  void theLargeGuidePagesAreValidHtml() throws Exception {
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
    List<String> problems = new ArrayList<>();
    for (String p :
        List.of(
            "index.html",
            "alpha/index.html",
            "alpha/page/2/index.html",
            "tags/common/page/3/index.html",
            "all/index.html",
            "all/gamma/index.html",
            "all/az/index.html",
            "all/az/page/2/index.html")) {
      for (String line : validator.validate(site.resolve(p)).split("\n")) {
        // As in output/HtmlValidityTest: 'self' in the policy matches nothing for a file.
        if (!line.contains("violates Content Security Policy (meta tag)")
            && (line.contains(": error:") || line.contains(": info warning:"))) {
          problems.add(p + ": " + line);
        }
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void theSitemapListsTheExtraPages() throws IOException {
    String sitemap = Files.readString(site.resolve("sitemap.xml"));
    for (String u :
        List.of("alpha/page/2/", "all/", "all/alpha/", "all/gamma/", "all/az/", "all/az/page/2/")) {
      assertTrue(sitemap.contains("<loc>https://example.org/big/" + u + "</loc>"), u);
    }
    assertFalse(sitemap.contains("beta/page/"));
  }

  @Test
  void searchFallbacksLeadToTheAzPages() throws IOException {
    assertEquals(
        "../../all/az/index.html",
        page("alpha/q-0001/index.html").selectFirst("a.search-fallback").attr("href"));
    String search = Files.readString(site.resolve("search/index.html"));
    assertTrue(
        search.contains("<a href=\"../all/az/index.html\">list of all questions A–Z</a>"),
        "the no-JavaScript search page");
  }

  @Test
  void aGuideOfTwoHundredQuestionsKeepsTheOnePageLayout() throws IOException {
    Path dir = tmp.resolve("small");
    List<Q> small =
        GeneratedGuide.generate(
            dir.resolve("content"), GeneratedGuide.sizes("alpha", 120, "beta", 80));
    assertEquals(Paging.LARGE, small.size());
    Path out = dir.resolve("site");
    Run r = Run.build(dir, dir.resolve("content"), out);
    assertEquals(0, r.exit(), r.toString());
    assertOnePageLayout(out, small.size());
  }

  @Test
  void theRealGuideKeepsTheOnePageLayout() throws IOException {
    Path out = tmp.resolve("real");
    Run r = Run.build(Path.of("").toAbsolutePath(), RealGuide.CONTENT, out);
    assertEquals(0, r.exit(), r.toString());
    assertOnePageLayout(out, RealGuide.questionCount());
  }

  static void assertOnePageLayout(Path out, int count) throws IOException {
    Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
    assertEquals(count, home.select(".question-list > li").size(), "the home lists every question");
    assertNull(home.selectFirst(".more"));
    assertNull(home.selectFirst(".browse"));
    assertEquals("all/index.html#az-title", home.selectFirst("a.search-fallback").attr("href"));
    Document all = Jsoup.parse(out.resolve("all/index.html").toFile(), "UTF-8");
    assertEquals(count, all.select("article.booklet-question").size());
    assertEquals(count, all.select("section.a-z li").size());
    assertFalse(Files.exists(out.resolve("all/az")));
    try (Stream<Path> s = Files.walk(out)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("page")), "no paged lists");
    }
  }

  @Test
  void anEditReplansEveryPageThatListsTheQuestion() throws Exception {
    Path dir = tmp.resolve("edit");
    GeneratedGuide.generate(dir.resolve("content"), SIZES);
    Build build = new Build(dir, new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    Reuse reuse = new Reuse();
    assertFalse(build.plan(OPTIONS, reuse).partial());

    edit(dir, "alpha/q-0005.md", "question 5?", "question five?");
    reuse.changed(Set.of("alpha/q-0005.md"));
    Build.Planned partial = build.plan(OPTIONS, reuse);
    assertTrue(partial.partial());
    Map<String, Output> planned = new HashMap<>();
    partial.outputs().stream()
        .filter(o -> o.path().endsWith(".html"))
        .forEach(o -> planned.put(o.path(), o));
    for (String p :
        List.of(
            "alpha/q-0005/index.html",
            "alpha/index.html",
            "alpha/page/2/index.html",
            "tags/common/index.html",
            "tags/common/page/2/index.html",
            "tags/common/page/3/index.html",
            "index.html",
            "all/index.html",
            "all/alpha/index.html",
            "all/az/index.html",
            "all/az/page/2/index.html")) {
      assertTrue(planned.containsKey(p), p + " in " + planned.keySet());
    }
    assertFalse(planned.containsKey("all/beta/index.html"));
    assertFalse(planned.containsKey("beta/index.html"));
    // What is re-planned is what a full build makes.
    Map<String, Output> full = new HashMap<>();
    build.plan(OPTIONS, null).outputs().forEach(o -> full.put(o.path(), o));
    for (Output o : planned.values()) {
      assertEquals(bytes(full.get(o.path())), bytes(o), o.path());
    }

    // One more question tagged "half" (200 → 201) gives that tag a second page: plan everything.
    edit(dir, "gamma/q-0000.md", "tags: [common", "tags: [common, half");
    reuse.changed(Set.of("gamma/q-0000.md"));
    Build.Planned all = build.plan(OPTIONS, reuse);
    assertFalse(all.partial());
    assertTrue(
        all.outputs().stream().anyMatch(o -> o.path().equals("tags/half/page/2/index.html")));
  }

  static final Build.Options OPTIONS =
      new Build.Options(Path.of("content"), Run.TEMPLATES, null, null, false, false, false, false);

  static void edit(Path dir, String file, String from, String to) throws IOException {
    Path p = dir.resolve("content").resolve(file);
    String text = Files.readString(p);
    assertTrue(text.contains(from), file);
    Files.writeString(p, text.replace(from, to));
  }

  static String bytes(Output o) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    o.producer().write(out);
    return out.toString(UTF_8);
  }
}
