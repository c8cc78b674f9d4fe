package io.github.starbook.bench;

import io.github.starbook.browser.Browser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * bench/reader's driver (not a test): the reader's side of built sites, in headless Chromium.
 *
 * <p>For each site given as {@code LABEL|SITE_DIR|QUESTION_URL|QUERY} it measures, over http
 * (served gzipped under /guide/ by {@link Server}) and from file://, each in a fresh browser: the
 * header search (click the box on a question page, type the query, ms from the last keystroke to
 * the first result in {@code .search-list}), the full search page ({@code search/?q=}, ms from
 * navigation to the first result), and the study page (ms from navigation to {@code #card} shown).
 * Times are taken in the page (a key's timeStamp, and performance.now() in a MutationObserver);
 * transfer is what the server sent (gzipped bodies; the DevTools protocol's Network events would
 * miss or, once attached to it, slow the search worker); heap is taken after a forced collection
 * through the DevTools protocol: Performance.getMetrics JSHeapUsedSize of the page plus
 * Runtime.getHeapUsage of each worker (over http the search index lives in a worker). It prints
 * markdown tables of medians and of page weights.
 */
public final class ReaderBench {
  record Site(String label, Path dir, String question, String query) {}

  /** One measure: ms, KB transferred (-1 from file://), heap MB (-1 when not measured). */
  record Sample(double ms, double kb, double heapMb) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f ms %.0f KB %.1f MB", ms, kb, heapMb);
    }
  }

  static final Duration WAIT = Duration.ofSeconds(300);

  /** Records, in the page, when things appear: installed before any page script runs. */
  static final String PROBE =
      """
      (() => {
        const t = window.__bench = {input: null, result: null, page: null, card: null};
        const shown = (e) => e && e.getClientRects().length > 0;
        // A key's timeStamp is when it was pressed, even if a busy page handles it later.
        document.addEventListener('keydown', (e) => { t.input = e.timeStamp; t.result = null; },
          true);
        new MutationObserver((records) => {
          const now = performance.now();
          for (const r of records) {
            const el = r.target.nodeType === 1 ? r.target : null;
            if (t.input !== null && t.result === null && el && el.matches('.search-list')
                && shown(el.querySelector('li'))) { t.result = now; }
          }
          if (t.page === null && shown(document.querySelector('.search-page-results li'))) {
            t.page = now;
          }
          const card = document.getElementById('card');
          if (t.card === null && card && !card.hidden && shown(card)) { t.card = now; }
        }).observe(document, {subtree: true, childList: true, attributes: true,
          attributeFilter: ['hidden', 'class', 'style']});
      })();
      """;

  /**
   * Kept, so the level holds: Selenium warns at every start that it has no CDP for this Chromium.
   */
  static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa");

  public static void main(String[] args) throws Exception {
    // As web servers do (GitHub Pages too): small responses go out at once, not after the 40 ms
    // a delayed ACK holds back the body that follows the headers (Nagle's algorithm).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    SELENIUM.setLevel(java.util.logging.Level.SEVERE);
    int runs = 3;
    List<Site> sites = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else {
        String[] p = args[i].split("\\|", 4);
        sites.add(new Site(p[0], Path.of(p[1]).toAbsolutePath(), p[2], p[3]));
      }
    }
    StringBuilder figures = new StringBuilder();
    StringBuilder weights = new StringBuilder();
    Map<String, Double> judged = new LinkedHashMap<>();
    for (Site site : sites) {
      try (Server server = new Server(site.dir())) {
        weights.append(weights(site, server)).append('\n');
        figures.append(measure(site, server, "http, gzip, /guide/", runs, judged));
        figures.append(measure(site, null, "file://", runs, null));
      }
    }
    System.out.printf(
        "%nMedians of %d runs (min–max), each in a fresh headless Chromium. Search: ms from the last"
            + " keystroke to the first result, KB sent by the server (gzipped) after the page had loaded, JS heap"
            + " after a forced collection (page + search worker). Search page and study page:"
            + " ms from navigation start, KB of the whole page.%n%n",
        runs);
    System.out.println(
        "| guide | served | search: first result | search: KB | search: heap | search page:"
            + " first result | search page: KB | search page: heap | study: first card | study:"
            + " KB |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    System.out.print(figures);
    System.out.println();
    System.out.println("| target (over http) | figure | met? |");
    System.out.println("|---|---|---|");
    target(judged, "10k", "search ms", "two-word query, first result ≤ 300 ms", 300, " ms");
    target(judged, "10k", "search KB", "two-word query ≤ 300 KB", 300, " KB");
    target(judged, "10k", "search heap", "two-word query, heap ≤ 60 MB", 60, " MB");
    target(judged, "10k", "study ms", "study page ready ≤ 1 s", 1000, " ms");
    target(judged, "10k", "study KB", "study page ≤ 300 KB", 300, " KB");
    target(judged, "guide", "search ms", "real guide query ≤ 350 ms", 350, " ms");
    target(judged, "guide", "search KB", "real guide query ≤ 70 KB", 70, " KB");
    System.out.println();
    System.out.println(
        "Page weights (each file the page asked for, once; raw KB / gzipped KB, files):");
    System.out.println();
    System.out.println(
        "| guide | home page | a category's page | question page | study page, to the first card"
            + " | booklet (all/) | first search's files |");
    System.out.println("|---|---|---|---|---|---|---|");
    System.out.print(weights);
  }

  /** One table row: the three measures, {@code runs} times each, over {@code base}. */
  static String measure(
      Site site, Server server, String served, int runs, Map<String, Double> judged)
      throws Exception {
    List<Sample> search = new ArrayList<>();
    List<Sample> page = new ArrayList<>();
    List<Sample> study = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      search.add(headerSearch(site, server, () -> {}));
      page.add(searchPage(site, server));
      study.add(studyPage(site, server));
      log(
          "%s, %s, run %d/%d: search %s, search page %s, study %s",
          site.label(), served, r, runs, search.get(r - 1), page.get(r - 1), study.get(r - 1));
    }
    Sample s = median(search);
    Sample p = median(page);
    Sample c = median(study);
    if (judged != null) {
      judged.put(site.label() + " search ms", s.ms());
      judged.put(site.label() + " search KB", s.kb());
      judged.put(site.label() + " search heap", s.heapMb());
      judged.put(site.label() + " study ms", c.ms());
      judged.put(site.label() + " study KB", c.kb());
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
        site.label(),
        served,
        ms(search),
        kb(s.kb()),
        mb(s.heapMb()),
        ms(page),
        kb(p.kb()),
        mb(p.heapMb()),
        ms(study),
        kb(c.kb()));
  }

  static void target(
      Map<String, Double> judged, String label, String key, String text, double max, String unit) {
    Double v = judged.get(label + " " + key);
    if (v == null) {
      System.out.printf("| %s | (not run) | – |%n", text);
    } else {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f%s | %s |%n",
          text,
          v,
          unit,
          v < 0 ? "–" : v <= max ? "met" : "NOT met");
    }
  }

  // ---------------------------------------------------------------- the three measures

  /** The site's root URL: over http from {@code server}, from disk when it is null. */
  static String base(Site site, Server server) {
    return server != null ? server.base() : site.dir().toUri().toString();
  }

  /** KB the server sent since {@code before}; -1 from disk. */
  static double kb(Server server, long before) {
    return server == null ? -1 : (server.sent.get() - before) / 1024.0;
  }

  /**
   * Types the query into the header box of a question page; {@code loaded} is called once the page
   * has loaded, before the click.
   */
  static Sample headerSearch(Site site, Server server, Runnable loaded) throws Exception {
    try (Chrome chrome = new Chrome()) {
      chrome.open(base(site, server) + site.question());
      Thread.sleep(1000); // the page's own late requests, before the counting starts
      long before = server == null ? 0 : server.sent.get();
      loaded.run();
      WebElement box = chrome.driver.findElement(By.cssSelector("form.search .search-input"));
      new WebDriverWait(chrome.driver, Duration.ofSeconds(10)).until(d -> box.isDisplayed());
      box.click();
      box.sendKeys(site.query());
      double ms = chrome.waitFor("__bench.result") - chrome.number("__bench.input");
      return new Sample(ms, kb(server, before), chrome.heapMb());
    }
  }

  static Sample searchPage(Site site, Server server) throws Exception {
    try (Chrome chrome = new Chrome()) {
      long before = server == null ? 0 : server.sent.get();
      String q = site.query().replace(' ', '+');
      chrome.open(base(site, server) + "search/index.html?q=" + q);
      double ms = chrome.waitFor("__bench.page");
      return new Sample(ms, kb(server, before), chrome.heapMb());
    }
  }

  static Sample studyPage(Site site, Server server) throws Exception {
    try (Chrome chrome = new Chrome()) {
      long before = server == null ? 0 : server.sent.get();
      chrome.open(base(site, server) + "study/index.html");
      double ms = chrome.waitFor("__bench.card");
      return new Sample(ms, kb(server, before), -1);
    }
  }

  /** One markdown row: what each page asks the server for (the browser's cache off). */
  static String weights(Site site, Server server) throws Exception {
    List<String> cells = new ArrayList<>();
    log("%s: page weights", site.label());
    try (Chrome chrome = new Chrome()) {
      chrome.cdp.send(chrome.cdp.page, "Network.enable", Map.of());
      chrome.cdp.send(chrome.cdp.page, "Network.setCacheDisabled", Map.of("cacheDisabled", true));
      String category = site.question().substring(0, site.question().indexOf('/') + 1);
      for (String page :
          List.of("index.html", category, site.question(), "study/index.html", "all/")) {
        int mark = server.mark();
        chrome.open(server.base() + page);
        if (page.startsWith("study/")) {
          chrome.waitFor("__bench.card");
        }
        Thread.sleep(1000);
        cells.add(server.weight(mark));
      }
    }
    int[] mark = {0};
    headerSearch(site, server, () -> mark[0] = server.mark());
    cells.add(server.weight(mark[0]));
    return "| " + site.label() + " | " + String.join(" | ", cells) + " |";
  }

  // ---------------------------------------------------------------- figures

  static Sample median(List<Sample> samples) {
    return new Sample(
        middle(samples.stream().map(Sample::ms).toList()),
        middle(samples.stream().map(Sample::kb).toList()),
        middle(samples.stream().map(Sample::heapMb).toList()));
  }

  static double middle(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  /** "median ms (min–max)". */
  static String ms(List<Sample> samples) {
    List<Double> v = samples.stream().map(Sample::ms).sorted().toList();
    if (v.size() == 1) {
      return String.format(Locale.ROOT, "%,.0f ms", v.get(0));
    }
    return String.format(
        Locale.ROOT, "%,.0f ms (%,.0f–%,.0f)", middle(v), v.get(0), v.get(v.size() - 1));
  }

  static String kb(double v) {
    return v < 0 ? "–" : String.format(Locale.ROOT, "%,.0f KB", v);
  }

  static String mb(double v) {
    return v < 0 ? "–" : String.format(Locale.ROOT, "%.1f MB", v);
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "reader: " + format + "%n", args);
  }

  // ---------------------------------------------------------------- the browser

  /** A fresh headless Chromium (own profile folder) with a DevTools connection beside WebDriver. */
  static final class Chrome implements AutoCloseable {
    final Path profile;
    final ChromeDriver driver;
    final Cdp cdp;

    Chrome() throws Exception {
      profile = Files.createTempDirectory("starbook-reader-profile");
      driver = Browser.start(profile, 1280, 900);
      driver.manage().timeouts().pageLoadTimeout(WAIT);
      driver.manage().timeouts().scriptTimeout(WAIT);
      Map<?, ?> chromeOptions =
          (Map<?, ?>) driver.getCapabilities().getCapability("goog:chromeOptions");
      driver.get("about:blank"); // off Chromium's new-tab page, which loads on its own
      cdp = Cdp.connect((String) chromeOptions.get("debuggerAddress"), driver.getWindowHandle());
      cdp.send(cdp.page, "Page.enable", Map.of());
      cdp.send(cdp.page, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
    }

    void open(String url) {
      driver.get(url);
    }

    double number(String expression) {
      Object v = ((JavascriptExecutor) driver).executeScript("return " + expression + ";");
      return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /** Polls until {@code expression} is a number (a performance.now() time) and returns it. */
    double waitFor(String expression) throws InterruptedException {
      long end = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < end) {
        double v = number(expression);
        if (!Double.isNaN(v)) {
          return v;
        }
        Thread.sleep(25);
      }
      throw new IllegalStateException("timed out waiting for " + expression);
    }

    /** The page's JS heap plus its workers', in MB, after a forced collection. */
    double heapMb() throws Exception {
      // Attached only now (auto-attach takes the workers already running): a debugger attached
      // when the search worker starts pauses it, which would slow what is being timed.
      cdp.send(
          cdp.page,
          "Target.setAutoAttach",
          Map.of("autoAttach", true, "waitForDebuggerOnStart", false, "flatten", true));
      Thread.sleep(300);
      double bytes = 0;
      cdp.send(cdp.page, "HeapProfiler.collectGarbage", Map.of());
      for (Object m :
          (List<?>) cdp.send(cdp.page, "Performance.getMetrics", Map.of()).get("metrics")) {
        Map<?, ?> metric = (Map<?, ?>) m;
        if ("JSHeapUsedSize".equals(metric.get("name"))) {
          bytes += ((Number) metric.get("value")).doubleValue();
        }
      }
      for (String worker : cdp.workers) {
        cdp.send(worker, "HeapProfiler.collectGarbage", Map.of());
        bytes +=
            ((Number) cdp.send(worker, "Runtime.getHeapUsage", Map.of()).get("usedSize"))
                .doubleValue();
      }
      return bytes / (1024 * 1024);
    }

    @Override
    public void close() throws IOException {
      cdp.close();
      driver.quit();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * A minimal DevTools protocol client (flat sessions) on the browser's WebSocket, beside
   * WebDriver's: attached to WebDriver's page, and when asked to its workers, for their heaps.
   */
  static final class Cdp implements WebSocket.Listener, AutoCloseable {
    final Json json = new Json();
    final AtomicLong ids = new AtomicLong();
    final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    final Set<String> workers = ConcurrentHashMap.newKeySet();
    final StringBuilder partial = new StringBuilder();
    WebSocket socket;
    String page;

    /** Connects to the browser and attaches to {@code target}, the page WebDriver drives. */
    static Cdp connect(String debuggerAddress, String target) throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      String version =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://" + debuggerAddress + "/json/version"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Cdp cdp = new Cdp();
      Map<String, Object> info = cdp.json.toType(version, Json.MAP_TYPE);
      String ws = (String) info.get("webSocketDebuggerUrl");
      cdp.socket =
          http.newWebSocketBuilder().buildAsync(URI.create(ws), cdp).get(30, TimeUnit.SECONDS);
      cdp.page =
          (String)
              cdp.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                  .get("sessionId");
      cdp.send(cdp.page, "Performance.enable", Map.of());
      return cdp;
    }

    Map<String, Object> send(String session, String method, Map<String, Object> params)
        throws Exception {
      return sendAsync(session, method, params).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    CompletableFuture<Map<String, Object>> sendAsync(
        String session, String method, Map<String, Object> params) {
      long id = ids.incrementAndGet();
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("id", id);
      message.put("method", method);
      message.put("params", params);
      if (session != null) {
        message.put("sessionId", session);
      }
      CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
      pending.put(id, answer);
      synchronized (this) {
        socket.sendText(json.toJson(message), true).join();
      }
      return answer;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        Map<String, Object> m = json.toType(partial.toString(), Json.MAP_TYPE);
        partial.setLength(0);
        if (m.containsKey("id")) {
          CompletableFuture<Map<String, Object>> answer =
              pending.remove(((Number) m.get("id")).longValue());
          if (answer != null && m.containsKey("error")) {
            answer.completeExceptionally(new IllegalStateException(String.valueOf(m.get("error"))));
          } else if (answer != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) m.get("result");
            answer.complete(result);
          }
        } else {
          event((String) m.get("method"), (Map<?, ?>) m.get("params"));
        }
      }
      ws.request(1);
      return null;
    }

    void event(String method, Map<?, ?> params) {
      switch (method) {
        case "Target.attachedToTarget" -> {
          String session = (String) params.get("sessionId");
          boolean worker = "worker".equals(((Map<?, ?>) params.get("targetInfo")).get("type"));
          if (worker) {
            workers.add(session);
          }
        }
        case "Target.detachedFromTarget" -> workers.remove((String) params.get("sessionId"));
        default -> {}
      }
    }

    @Override
    public void close() {
      socket.abort();
    }
  }

  // ---------------------------------------------------------------- the server

  /**
   * The site at http://127.0.0.1:PORT/guide/, as GitHub Pages serves it: a folder serves its
   * index.html, text files go gzipped (compressed once, then kept), a missing file is 404.html with
   * status 404. sw.js answers 404 too, so no service worker saves the guide behind the measures'
   * back. Every request's path is logged, for the page weights.
   */
  static final class Server implements AutoCloseable {
    static final Map<String, String> TYPES =
        Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "webmanifest", "application/manifest+json",
            "xml", "application/xml",
            "txt", "text/plain; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    final Path root;
    final com.sun.net.httpserver.HttpServer http;
    final List<Path> served = Collections.synchronizedList(new ArrayList<>());

    /** Bytes of response bodies sent, as they went on the wire (gzipped), headers not counted. */
    final AtomicLong sent = new AtomicLong();

    final Map<Path, byte[]> gzipped = new ConcurrentHashMap<>();

    Server(Path root) throws IOException {
      this.root = root;
      http = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      http.setExecutor(
          Executors.newFixedThreadPool(
              6,
              r -> {
                Thread t = new Thread(r, "reader-http");
                t.setDaemon(true);
                return t;
              }));
      http.createContext(
          "/",
          exchange -> {
            Path file = resolve(exchange.getRequestURI().getPath());
            int status = 200;
            if (file == null) {
              status = 404;
              file = root.resolve("404.html");
            } else {
              served.add(file);
            }
            String type = type(file);
            boolean gzip =
                !type.startsWith("image/png")
                    && String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding"))
                        .contains("gzip");
            byte[] body = gzip ? gzip(file) : Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "max-age=600");
            if (gzip) {
              exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
            sent.addAndGet(body.length);
          });
      http.start();
    }

    String base() {
      return "http://127.0.0.1:" + http.getAddress().getPort() + "/guide/";
    }

    Path resolve(String path) {
      if (!path.startsWith("/guide/")) {
        return null;
      }
      Path p = root.resolve(path.substring("/guide/".length())).normalize();
      if (p.startsWith(root) && Files.isDirectory(p)) {
        p = p.resolve("index.html");
      }
      boolean ok = p.startsWith(root) && Files.isRegularFile(p) && !p.equals(root.resolve("sw.js"));
      return ok ? p : null;
    }

    static String type(Path file) {
      String name = file.getFileName().toString();
      return TYPES.getOrDefault(
          name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    }

    byte[] gzip(Path file) {
      return gzipped.computeIfAbsent(
          file,
          f -> {
            try {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                Files.copy(f, z);
              }
              return out.toByteArray();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }

    int mark() {
      return served.size();
    }

    /** "raw KB / gzipped KB, N files" of the files served since {@code mark}, each once. */
    String weight(int mark) throws IOException {
      Set<Path> files;
      synchronized (served) {
        files = new LinkedHashSet<>(served.subList(mark, served.size()));
      }
      long raw = 0;
      long gz = 0;
      for (Path f : files) {
        raw += Files.size(f);
        gz += type(f).equals("image/png") ? Files.size(f) : gzip(f).length;
      }
      return String.format(
          Locale.ROOT, "%,.0f / %,.0f KB, %d files", raw / 1024.0, gz / 1024.0, files.size());
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }
}
