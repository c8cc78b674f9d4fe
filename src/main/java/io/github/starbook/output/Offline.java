package io.github.starbook.output;

import io.github.starbook.model.Attachment;
import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Output;
import io.github.starbook.model.Page;
import io.github.starbook.model.Question;
import io.github.starbook.render.PagePlanner;
import io.github.starbook.render.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reading offline and installing the guide as an app, over http(s) only (site.js registers nothing
 * from file://): the web app manifest and the service worker, both at the site root (a worker's
 * scope is its folder, and GitHub Pages cannot widen it with a header).
 *
 * <p>{@code sw.js} is a few lines the build writes: this build's {@code version} (the cache is
 * named {@code starbook:<scope path>:<version>}), every file of the site, the files kept even when
 * the guide is not saved whole ({@code shell}), the guide's size and whether it is saved at once
 * ({@code auto}); then it imports the theme's {@code assets/offline-worker.js}, which does the
 * work.
 *
 * <p>Both are made when written, so planning (and {@code starbook serve}, whose pages never
 * register the worker) pays nothing for them. The version is a hash of what the site is made from,
 * not of the written bytes (hashing those would render every page twice): starbook's version and
 * commit, every output path, the site settings, the home page, categories and free pages, each
 * question's id, url, related questions and the hash of its file, every attachment and every theme
 * file. The size is likewise estimated, not measured: see {@link #estimate}.
 */
public final class Offline {
  /** The web app manifest, at the site root. */
  public static final String MANIFEST = "manifest.webmanifest";

  /** The service worker, at the site root so that its scope is the whole site. */
  public static final String WORKER = "sw.js";

  /** The worker's code: a theme file, imported by {@link #WORKER}. */
  public static final String WORKER_CODE = Layout.ASSETS + "offline-worker.js";

  /**
   * Up to this many bytes (20 MB), the whole guide is saved on the first visit; above it, only the
   * shell and the pages read, until the reader asks for the rest ("Make available offline").
   */
  public static final long AUTO_LIMIT = 20_000_000L;

  /** Files for servers and crawlers, never asked for by a reader: not cached. */
  static final Set<String> NOT_CACHED =
      Set.of(WORKER, SiteWriter.MARKER, Layout.CNAME, "robots.txt", "sitemap.xml");

  private Offline() {}

  /**
   * The manifest and the worker. {@code beside}: the outputs planned so far besides the pages (the
   * pages themselves are listed from {@code planner} when the worker is written).
   */
  public static List<Output> plan(
      Guide guide, PagePlanner planner, Theme theme, List<Output> beside) {
    List<String> others = new ArrayList<>();
    beside.forEach(o -> others.add(o.path()));
    others.add(MANIFEST);
    List<Output> out = new ArrayList<>();
    out.add(Output.bytes(MANIFEST, "(web app manifest)", manifest(guide)));
    out.add(
        new Output(WORKER, "(service worker)", os -> worker(guide, planner, theme, others, os)));
    return out;
  }

  /** The manifest: every URL in it is relative to it, so it works under any sub-path. */
  static byte[] manifest(Guide guide) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", guide.site().title());
    if (guide.site().description() != null && !guide.site().description().isEmpty()) {
      m.put("description", guide.site().description());
    }
    m.put("lang", guide.site().language());
    m.put("start_url", "./index.html");
    m.put("scope", "./");
    m.put("display", "standalone");
    m.put("icons", List.of(icon(guide)));
    return (Json.write(m) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The guide's own icon (content/favicon.svg or .png), as every page declares it, else the
   * theme's.
   */
  private static Map<String, Object> icon(Guide guide) {
    Map<String, Object> icon = new LinkedHashMap<>();
    Attachment own =
        guide.files().stream()
            .filter(f -> Layout.FAVICONS.contains(f.contentPath()))
            .findFirst()
            .orElse(null);
    boolean png = own != null && own.contentPath().endsWith(".png");
    icon.put("src", own != null ? own.contentPath() : Layout.ASSETS + "favicon.svg");
    icon.put("sizes", png && own.width() > 0 ? own.width() + "x" + own.height() : "any");
    icon.put("type", png ? "image/png" : "image/svg+xml");
    return icon;
  }

  private static void worker(
      Guide guide, PagePlanner planner, Theme theme, List<String> others, OutputStream os)
      throws IOException {
    // Every page's path, without planning the pages (which would make each one's context).
    Set<String> pages = ConcurrentHashMap.newKeySet();
    planner
        .plan(
            path -> {
              pages.add(path);
              return false;
            })
        .forEach(o -> pages.add(o.path()));
    TreeSet<String> all = new TreeSet<>(others);
    all.addAll(pages);
    all.removeAll(NOT_CACHED);
    List<String> files = new ArrayList<>(all);
    long bytes = estimate(guide, theme, planner, pages.size());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("version", version(guide, theme, files));
    config.put("bytes", bytes);
    config.put("auto", bytes <= AUTO_LIMIT);
    config.put("shell", shell(theme, files));
    config.put("files", files);
    String js =
        "/* starbook's service worker, written by the build: this build's version (the name of its"
            + " cache),\n   its files and their estimated size. The code is "
            + WORKER_CODE
            + " (a theme file). */\nself.STARBOOK_OFFLINE = "
            + Json.write(config)
            + ";\nimportScripts('"
            + WORKER_CODE
            + "');\n";
    os.write(js.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What is kept even when the guide is not saved whole: the theme's assets, home and 404 pages.
   */
  private static List<String> shell(Theme theme, List<String> files) throws IOException {
    Set<String> themed = theme.files().keySet();
    List<String> shell = new ArrayList<>();
    for (String f : files) {
      if (f.equals("index.html") || f.equals("404.html") || f.equals(MANIFEST)) {
        shell.add(f);
      } else if (f.startsWith(Layout.ASSETS) && themed.contains(f)) {
        shell.add(f);
      }
    }
    return shell;
  }

  /**
   * The site's size in bytes, estimated without rendering it all: copied files (the theme's assets,
   * attachments, the stemmer) by their size; a question's page as its answer plus what a few
   * sampled question pages carry around theirs (header, footer, breadcrumbs, related, review box),
   * every other page the size of the 404 page; and each question's text as many more times as the
   * site carries it (the booklet, the search index, the flashcard, the Anki deck, and a line in its
   * lists). Within about a tenth of the written size on the real guide and on generated ones
   * (OfflineBrowserTest checks it).
   */
  static long estimate(Guide guide, Theme theme, PagePlanner planner, int pages)
      throws IOException {
    long bytes = stemmerSize(guide);
    for (Map.Entry<String, Theme.Source> e : theme.files().entrySet()) {
      if (e.getKey().startsWith(Layout.ASSETS)) {
        bytes += Files.size(e.getValue().path());
      }
    }
    for (Attachment f : guide.files()) {
      bytes += f.size();
    }
    List<Question> sample = sample(guide.questions());
    Set<String> wanted = new HashSet<>();
    wanted.add("404.html");
    sample.forEach(q -> wanted.add(q.url() + "index.html"));
    Map<String, Output> byPath = new HashMap<>();
    planner.plan(wanted::contains).forEach(p -> byPath.put(p.path(), p));
    long questionChrome = questionChrome(sample, byPath);
    long chrome = size(byPath.get("404.html"), 4096);
    bytes += Math.max(0, pages - guide.questions().size()) * chrome;
    for (Question q : guide.questions()) {
      bytes += questionChrome + answer(q) + copies(q);
    }
    bytes += guide.home().html().length();
    for (Category c : guide.categories()) {
      bytes += 2L * c.introHtml().length();
    }
    for (Page p : guide.pages()) {
      bytes += p.html().length();
    }
    return bytes;
  }

  /** Up to 8 questions spread evenly over the guide. */
  private static List<Question> sample(List<Question> questions) {
    int n = Math.min(8, questions.size());
    List<Question> sample = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sample.add(questions.get((int) ((long) i * questions.size() / n)));
    }
    return sample;
  }

  /** What a question page carries besides its answer: the mean over the sampled pages. */
  private static long questionChrome(List<Question> sample, Map<String, Output> pages) {
    long sum = 0;
    int counted = 0;
    for (Question q : sample) {
      long size = size(pages.get(q.url() + "index.html"), -1);
      if (size >= 0) {
        sum += Math.max(0, size - answer(q));
        counted++;
      }
    }
    return counted == 0 ? 4096 : sum / counted;
  }

  /** A question's answer as its page shows it (characters, about bytes). */
  private static long answer(Question q) {
    long n = 0;
    for (String s : q.sections().values()) {
      n += s.length();
    }
    return n;
  }

  /** The other copies of a question's text: search data, booklet, flashcard, Anki, list lines. */
  private static long copies(Question q) {
    long n = 0;
    for (String s : q.text().values()) {
      n += s.length();
    }
    // Its text in the search index's document, and its words' postings in the shards (on the
    // real guide the shards weigh 1.85 times the text).
    n += 2 * n;
    n += q.copies().booklet().length() + q.copies().card().length() + q.copies().anki().length();
    // Its entries in the search data and the cards (title, url, tags, fields), and a line in the
    // lists: home or category, A–Z, each tag (title, summary, link and markup).
    int line = q.title().length() + q.summary().length() + 2 * q.url().length() + 160;
    return n + 2L * (line + 20L * q.tags().size()) + (long) (3 + q.tags().size()) * line;
  }

  /** The bytes one page renders to; {@code otherwise} when it is missing or cannot render. */
  private static long size(Output page, long otherwise) {
    if (page == null) {
      return otherwise;
    }
    CountingStream counter = new CountingStream();
    try {
      page.producer().write(counter);
      return counter.count;
    } catch (IOException | Output.ProduceError e) {
      return otherwise; // the page reports its own error when it is written
    }
  }

  private static long stemmerSize(Guide guide) throws IOException {
    String script = Stemming.forLanguage(guide.site().language()).script();
    if (script == null) {
      return 0;
    }
    try (InputStream in = Offline.class.getClassLoader().getResourceAsStream(script)) {
      return in == null ? 0 : in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /**
   * The build's version: 16 hex digits of a SHA-256 over what the site is made from (see the class
   * comment). Two builds of the same guide with the same starbook have the same version; a change
   * to any question, page, setting, attachment or theme file gives a new one.
   */
  static String version(Guide guide, Theme theme, List<String> files) throws IOException {
    MessageDigest md = sha256();
    feed(md, starbook());
    files.forEach(f -> feed(md, f));
    feed(md, guide.site().toString());
    feed(md, guide.home().toString());
    guide.categories().forEach(c -> feed(md, c.toString()));
    guide.pages().forEach(p -> feed(md, p.toString()));
    for (Question q : guide.questions()) {
      feed(md, q.id() + " " + q.url() + " " + q.hash() + " " + q.related() + " " + q.order());
    }
    for (Attachment f : guide.files()) {
      feed(md, f.contentPath());
      md.update(Files.readAllBytes(f.file()));
    }
    for (Map.Entry<String, Theme.Source> e : theme.files().entrySet()) {
      feed(md, e.getKey());
      md.update(Files.readAllBytes(e.getValue().path()));
    }
    return HexFormat.of().formatHex(md.digest(), 0, 8);
  }

  /** starbook's version and commit, as the jar records them. */
  private static String starbook() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Offline.class.getResourceAsStream("/starbook.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return "starbook " + p.getProperty("version", "dev") + " " + p.getProperty("commit", "");
  }

  private static void feed(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts the bytes written to it. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
