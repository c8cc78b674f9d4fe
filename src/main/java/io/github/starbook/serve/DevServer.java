package io.github.starbook.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Output;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The preview's HTTP server (the JDK's com.sun.net.httpserver): serves the current {@link State}
 * from memory under the site's base path, adds the live-reload script to HTML pages, and streams
 * reload events. Only GET and HEAD, only for a Host that names this server.
 */
public final class DevServer implements AutoCloseable {
  private final HttpServer server;
  private final Guard guard;
  private final EventStream events = new EventStream();
  private final AtomicReference<State> state;
  private final ExecutorService workers;
  private final ScheduledExecutorService pinger;

  private DevServer(HttpServer server, String basePath) {
    this.server = server;
    InetSocketAddress a = server.getAddress();
    this.guard = new Guard(a.getAddress(), a.getPort());
    this.state = new AtomicReference<>(State.empty(basePath));
    this.workers = Executors.newFixedThreadPool(8, daemon("starbook-http"));
    this.pinger = Executors.newSingleThreadScheduledExecutor(daemon("starbook-ping"));
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  /** Binds {@code address:port} (port 0: any free port) and starts serving an empty site. */
  public static DevServer start(InetAddress address, int port, String basePath) throws IOException {
    // Without TCP_NODELAY every keep-alive response waits ~40 ms for a delayed ACK (Nagle).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 64);
    DevServer s = new DevServer(http, basePath);
    http.start();
    s.pinger.scheduleAtFixedRate(s.events::ping, 10, 10, TimeUnit.SECONDS);
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The site's address, under its base path. */
  public URI url() {
    InetAddress a = server.getAddress().getAddress();
    String host =
        a.isAnyLocalAddress()
            ? "127.0.0.1"
            : a.getHostAddress().contains(":")
                ? "[" + a.getHostAddress() + "]"
                : a.getHostAddress();
    return URI.create("http://" + host + ":" + port() + state.get().basePath());
  }

  State state() {
    return state.get();
  }

  /** Serves a new good site and tells every open page to reload. */
  void publish(State next) {
    state.set(next);
    events.send(EventStream.event("reload", Long.toString(next.generation())));
  }

  /** Keeps serving the last good site and shows the problems on every open page. */
  void fail(List<Diagnostic> problems) {
    State s = state.updateAndGet(old -> old.failed(problems));
    events.send(EventStream.event("errors", s.errorsJson()));
  }

  @Override
  public void close() {
    events.closeAll();
    server.stop(0);
    pinger.shutdownNow();
    workers.shutdownNow();
  }

  private void handle(HttpExchange x) throws IOException {
    try {
      Headers h = x.getRequestHeaders();
      if (!guard.hostAllowed(h.getFirst("Host"))) {
        text(
            x,
            403,
            "starbook serve: this Host is not allowed (only localhost and the address "
                + "the server is bound to, against DNS rebinding)\n");
        return;
      }
      String method = x.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        x.getResponseHeaders().set("Allow", "GET, HEAD");
        text(x, 405, "starbook serve: only GET and HEAD\n");
        return;
      }
      String raw = x.getRequestURI().getRawPath();
      if (LiveScript.EVENTS.equals(raw)) {
        stream(x, h);
        return;
      }
      if (LiveScript.PATH.equals(raw)) {
        send(x, 200, "text/javascript; charset=utf-8", LiveScript.SOURCE);
        return;
      }
      serve(x, raw);
    } catch (IOException | RuntimeException e) {
      x.close();
    }
  }

  private void stream(HttpExchange x, Headers h) throws IOException {
    if (!guard.originAllowed(h.getFirst("Origin"))
        || "cross-site".equals(h.getFirst("Sec-Fetch-Site"))) {
      text(x, 403, "starbook serve: the event stream is for this server's own pages\n");
      return;
    }
    if (x.getRequestMethod().equals("HEAD")) {
      send(x, 200, "text/event-stream; charset=utf-8", new byte[0]);
      return;
    }
    State s = state.get();
    String first = null;
    if (!s.errors().isEmpty()) {
      first = EventStream.event("errors", s.errorsJson());
    } else if (s.generation() > since(x.getRequestURI().getRawQuery())) {
      first = EventStream.event("reload", Long.toString(s.generation()));
    }
    events.open(x, first);
  }

  private static long since(String query) {
    if (query != null) {
      for (String p : query.split("&")) {
        if (p.startsWith("since=")) {
          try {
            return Long.parseLong(p.substring(6));
          } catch (NumberFormatException e) {
            return -1;
          }
        }
      }
    }
    return Long.MAX_VALUE;
  }

  private void serve(HttpExchange x, String raw) throws IOException {
    State s = state.get();
    String clean = RequestPath.clean(raw);
    if (clean == null) {
      notFound(x, s);
      return;
    }
    String path = "/" + clean;
    String base = s.basePath();
    if (!path.startsWith(base)) {
      if (path.equals("/") || (path + "/").equals(base)) {
        redirect(x, 302, base);
      } else {
        notFound(x, s);
      }
      return;
    }
    if (s.files().isEmpty()) {
      // No good build yet: the first one is still running, or it failed.
      if (s.errors().isEmpty()) {
        x.getResponseHeaders().set("Retry-After", "1");
        page(x, 503, BUILDING, s);
      } else {
        page(x, 503, errorPage(s.errors()), s);
      }
      return;
    }
    String rel = path.substring(base.length());
    String key = rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel;
    Entry e = s.files().get(key);
    if (e == null && s.files().containsKey(rel + "/index.html")) {
      redirect(x, 301, path + "/");
      return;
    }
    if (e == null) {
      notFound(x, s);
      return;
    }
    deliver(x, 200, key, e, s);
  }

  private void notFound(HttpExchange x, State s) throws IOException {
    Entry e = s.files().get("404.html");
    if (e == null) {
      text(x, 404, "not found\n");
    } else {
      deliver(x, 404, "404.html", e, s);
    }
  }

  private void deliver(HttpExchange x, int status, String key, Entry e, State s)
      throws IOException {
    byte[] body;
    try {
      body = e.bytes();
    } catch (Output.ProduceError failed) {
      List<Diagnostic> all = new ArrayList<>(s.errors());
      all.add(failed.diagnostic());
      page(x, 500, errorPage(all), s.failed(all));
      return;
    } catch (IOException failed) {
      text(x, 500, "starbook serve: cannot produce " + key + ": " + failed.getMessage() + "\n");
      return;
    }
    String type = ContentTypes.of(key);
    if (ContentTypes.isHtml(type)) {
      page(x, status, body, s);
    } else {
      send(x, status, type, body);
    }
  }

  private void page(HttpExchange x, int status, byte[] html, State s) throws IOException {
    send(
        x,
        status,
        "text/html; charset=utf-8",
        LiveScript.inject(html, s.generation(), s.errorsJson()));
  }

  /**
   * The page served before the first build is ready (a tab left open from an earlier preview, or a
   * request sent while the first build runs); its live-reload script reloads it once it is.
   */
  static final byte[] BUILDING =
      ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              + "<title>starbook: building…</title></head><body><h1>Building…</h1>"
              + "<p>starbook is building the site; this page reloads by itself when it is ready.</p>"
              + "</body></html>\n")
          .getBytes(StandardCharsets.UTF_8);

  static byte[] errorPage(List<Diagnostic> problems) {
    StringBuilder b =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>starbook: build failed</title></head><body><h1>The build failed</h1><ul>");
    for (Diagnostic d : problems) {
      b.append("<li><pre>").append(escape(d.format())).append("</pre></li>");
    }
    return b.append("</ul></body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void redirect(HttpExchange x, int status, String location) throws IOException {
    x.getResponseHeaders().set("Location", location);
    send(
        x,
        status,
        "text/plain; charset=utf-8",
        ("→ " + location + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void text(HttpExchange x, int status, String text) throws IOException {
    send(x, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    Headers r = x.getResponseHeaders();
    r.set("Content-Type", type);
    r.set("Cache-Control", "no-store");
    r.set("X-Content-Type-Options", "nosniff");
    if (x.getRequestMethod().equals("HEAD")) {
      x.sendResponseHeaders(status, -1);
      x.close();
      return;
    }
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream os = x.getResponseBody()) {
      os.write(body);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
