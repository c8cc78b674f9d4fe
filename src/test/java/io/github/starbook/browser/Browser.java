package io.github.starbook.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Test support for real headless Chromium: finds Debian's chromium and chromedriver (never
 * downloads one), and serves a built site on loopback under a sub-path, as GitHub Pages serves a
 * project site. Tests skip when Chromium is missing, unless STARBOOK_REQUIRE_BROWSER=1 (CI).
 */
public final class Browser {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** Skips the calling test when there is no Chromium here; fails instead in CI. */
  public static void assumeAvailable() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "1".equals(System.getenv("STARBOOK_REQUIRE_BROWSER"))) {
      throw new AssertionError(
          "STARBOOK_REQUIRE_BROWSER=1 but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: apt-get install -y chromium chromium-driver");
    }
    assumeTrue(
        present,
        "Chromium not installed (apt-get install -y chromium chromium-driver):"
            + " browser tests skipped");
  }

  /** A fresh headless Chromium with its own profile folder. */
  public static ChromeDriver start(Path profile, int width, int height) {
    return start(profile, width, height, options -> {});
  }

  /** As {@link #start(Path, int, int)}, with {@code more} options (e.g. console logging). */
  public static ChromeDriver start(
      Path profile, int width, int height, Consumer<ChromeOptions> more) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--allow-file-access-from-files",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=" + width + "," + height);
    more.accept(options);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static final Map<String, String> TYPES =
      Map.of(
          "html",
          "text/html; charset=utf-8",
          "css",
          "text/css; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "json",
          "application/json",
          "xml",
          "application/xml",
          "txt",
          "text/plain; charset=utf-8",
          "png",
          "image/png",
          "svg",
          "image/svg+xml");

  /**
   * Serves {@code root} at {@code http://127.0.0.1:PORT/prefix/}, like GitHub Pages: a folder URL
   * serves its index.html, a missing file serves 404.html with status 404.
   */
  public static HttpServer serve(Path root, String prefix) throws IOException {
    return serve(root, prefix, path -> {});
  }

  /**
   * As {@link #serve(Path, String)}, telling {@code requested} the path of every request. The
   * site's service worker ({@code sw.js}) answers 404, so the pages work online as without one and
   * no test but the offline ones has a worker saving the whole guide behind its back.
   */
  public static HttpServer serve(Path root, String prefix, Consumer<String> requested)
      throws IOException {
    return serve(root, prefix, requested, false);
  }

  /** As {@link #serve(Path, String, Consumer)}, with the service worker served when asked. */
  public static HttpServer serve(
      Path root, String prefix, Consumer<String> requested, boolean worker) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(
        java.util.concurrent.Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "test-http");
              t.setDaemon(true);
              return t;
            }));
    String base = "/" + prefix + "/";
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requested.accept(path);
          int status = 200;
          Path file = null;
          if (path.startsWith(base)) {
            Path p = root.resolve(path.substring(base.length())).normalize();
            if (p.startsWith(root) && Files.isDirectory(p)) {
              p = p.resolve("index.html");
            }
            if (p.startsWith(root) && Files.isRegularFile(p)) {
              file = p;
            }
            if (!worker && p.equals(root.resolve("sw.js"))) {
              file = null;
            }
          }
          if (file == null) {
            status = 404;
            file = root.resolve("404.html");
          }
          String name = file.getFileName().toString();
          String ext = name.substring(name.lastIndexOf('.') + 1);
          byte[] body = Files.readAllBytes(file);
          exchange
              .getResponseHeaders()
              .set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  /** Quits the browser and stops the server, whichever of them was started. */
  public static void stop(ChromeDriver chrome, HttpServer server) {
    if (chrome != null) {
      chrome.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  public static String baseUrl(HttpServer server, String prefix) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + prefix + "/";
  }

  /**
   * {@code starbook serve} of the guide in {@code dir} (its content/ and templates/), on a free
   * loopback port, drafts shown, polling every 100 ms, printing nothing.
   */
  public static io.github.starbook.serve.Preview preview(Path dir) throws IOException {
    return io.github.starbook.serve.Preview.start(
        new io.github.starbook.serve.Preview.Config(
            Path.of("content"),
            Path.of("templates"),
            null,
            true,
            java.net.InetAddress.getLoopbackAddress(),
            0,
            false,
            100,
            null,
            false),
        dir,
        new java.io.PrintStream(
            java.io.OutputStream.nullOutputStream(),
            true,
            java.nio.charset.StandardCharsets.UTF_8));
  }
}
