package io.github.starbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Output;
import io.github.starbook.testing.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The details of {@code starbook serve}: the live-reload script is a file the server answers (so
 * pages keep their Content-Security-Policy), a "Building…" page before the first build is ready,
 * warnings counted apart from errors, and editors' temporary files starting no rebuild.
 */
class ServeDetailsTest {
  @TempDir Path tmp;

  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Fixture.WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // ---- the live script as a file

  @Test
  void theLiveScriptIsAFileTheServerAnswersAndTheTagCarriesTheErrorsEscaped() throws Exception {
    String errors = "[{\"text\":\"a.md:1:1: error: \\\"<script>&'x'\"}]";
    Element tag = Jsoup.parse(LiveScript.tag(42, errors)).selectFirst("script");
    assertEquals("/__starbook/live.js", tag.attr("src"));
    assertEquals("42", tag.attr("data-generation"));
    assertEquals(errors, tag.attr("data-errors"), "the attribute round-trips");
    assertEquals("", tag.data(), "no inline code");
    assertFalse(LiveScript.tag(42, errors).contains("<script>&"), "escaped in the attribute");

    try (DevServer server = DevServer.start(InetAddress.getLoopbackAddress(), 0, "/")) {
      HttpResponse<String> js = get(server.url().resolve(LiveScript.PATH));
      assertEquals(200, js.statusCode());
      assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").get());
      assertEquals("no-store", js.headers().firstValue("Cache-Control").get());
      assertEquals(new String(LiveScript.SOURCE, StandardCharsets.UTF_8), js.body());
      assertTrue(js.body().contains("new EventSource(\"/__starbook/events?since=\""), js.body());
      assertFalse(js.body().contains("setAttribute(\"style\""), "styles only through the CSSOM");
    }
  }

  // ---- before the first build

  @Test
  void beforeTheFirstBuildIsReadyThePageSaysBuildingAndReloadsWhenItIs() throws Exception {
    try (DevServer server = DevServer.start(InetAddress.getLoopbackAddress(), 0, "/")) {
      HttpResponse<String> first = get(server.url());
      assertEquals(503, first.statusCode());
      assertEquals("1", first.headers().firstValue("Retry-After").orElseThrow());
      Document page = Jsoup.parse(first.body());
      assertEquals("Building…", page.selectFirst("h1").text());
      assertFalse(first.body().contains("failed"), first.body());
      Element live = page.selectFirst("script[data-starbook-live]");
      assertEquals("0", live.attr("data-generation"));
      assertEquals("[]", live.attr("data-errors"));
      assertEquals(503, get(server.url().resolve("/any/page/")).statusCode());

      BlockingQueue<String> events = events(server, "?since=0");
      server.publish(
          new State(
              1,
              "/",
              Map.of(
                  "index.html",
                  new Entry(
                      Output.bytes(
                          "index.html",
                          "test",
                          "<!DOCTYPE html><title>t</title><body><h1>Ready</h1></body>"
                              .getBytes(StandardCharsets.UTF_8)))),
              List.of(),
              "[]"));
      assertEquals("reload 1", events.poll(60, TimeUnit.SECONDS));
      HttpResponse<String> ready = get(server.url());
      assertEquals(200, ready.statusCode());
      assertEquals("Ready", Jsoup.parse(ready.body()).selectFirst("h1").text());
    }
  }

  @Test
  void aFirstBuildThatFailsSaysSoWithItsErrors() throws Exception {
    try (DevServer server = DevServer.start(InetAddress.getLoopbackAddress(), 0, "/")) {
      server.fail(List.of(Diagnostic.error("content/a.md", 3, 1, "broken <here>", "fix it")));
      HttpResponse<String> r = get(server.url());
      assertEquals(503, r.statusCode());
      Document page = Jsoup.parse(r.body());
      assertEquals("The build failed", page.selectFirst("h1").text());
      assertEquals(
          "content/a.md:3:1: error: broken <here> (fix it)", page.selectFirst("li pre").text());
    }
  }

  /** A request sent while the first build of a real guide runs is answered "Building…". */
  @Test
  void aRequestDuringTheFirstBuildOfARealGuideIsAnsweredBuilding() throws Exception {
    Trees.copy(Path.of("content").toAbsolutePath(), tmp.resolve("content"));
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    CompletableFuture<Preview> started =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Preview.start(
                    config(Path.of("content"), null, port, false),
                    tmp,
                    new PrintStream(log, true, StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    URI home = URI.create("http://127.0.0.1:" + port + "/");
    int building = 0;
    long end = System.nanoTime() + Fixture.WAIT.toNanos();
    try {
      while (System.nanoTime() < end) {
        HttpResponse<String> r;
        try {
          r = get(home);
        } catch (ConnectException notYet) {
          Thread.sleep(2);
          continue;
        }
        if (r.statusCode() != 503) {
          break;
        }
        assertTrue(r.body().contains("<h1>Building…</h1>"), r.body());
        building++;
        Thread.sleep(20);
      }
    } finally {
      started.get(60, TimeUnit.SECONDS).close();
    }
    assertTrue(building > 0, "no request reached the server during the first build\n" + log);
    assertFalse(log.toString(StandardCharsets.UTF_8).contains("error(s)"), log.toString());
  }

  // ---- warnings apart from errors

  @Test
  void warningsArePrintedAndCountedApartFromErrors() throws Exception {
    Trees.copy(Fixture.SITE, tmp.resolve("content"));
    Files.writeString(
        tmp.resolve("content/alpha/three.md"),
        "---\ntitle: \"A question without tags?\"\nformat: answer\ndifficulty: advanced\n"
            + "summary: \"Three.\"\n---\nThe answer.\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Preview p =
        Preview.start(
            config(Path.of("content"), null, 0, false),
            tmp,
            new PrintStream(out, true, StandardCharsets.UTF_8))) {
      String log = out.toString(StandardCharsets.UTF_8);
      assertTrue(log.contains("content/alpha/three.md:1:1: warning: question has no tags"), log);
      assertTrue(
          Pattern.compile("(?m)^built \\d+ files in \\d+ ms; 1 warning\\(s\\)$")
              .matcher(log)
              .find(),
          log);
      assertFalse(log.contains("error"), log);
      assertTrue(p.errors().isEmpty());

      Path one = tmp.resolve("content/alpha/one.md");
      String good = Files.readString(one);
      Files.writeString(one, good.replace("first version", "second version"));
      log = awaitLine(out, "rebuilt in ");
      assertTrue(log.endsWith("; 1 warning(s)"), log);

      Files.writeString(one, good.replace("tags: [alpha, basics]", "tags: [alpha, basics"));
      log = awaitLine(out, "1 error(s)");
      assertEquals("1 error(s), 1 warning(s); still serving the last good build", log);
      long end = System.nanoTime() + Fixture.WAIT.toNanos();
      while (p.errors().isEmpty() && System.nanoTime() < end) {
        Thread.sleep(20); // the server is told just after the log
      }
      assertEquals(2, p.errors().size(), "the overlay gets both");
    }
  }

  /** Waits for a line of the log that starts with {@code start}; returns the last such line. */
  static String awaitLine(ByteArrayOutputStream out, String start) throws InterruptedException {
    long end = System.nanoTime() + Fixture.WAIT.toNanos();
    while (System.nanoTime() < end) {
      Matcher m =
          Pattern.compile("(?m)^" + Pattern.quote(start) + ".*(?=\n)")
              .matcher(out.toString(StandardCharsets.UTF_8));
      String last = null;
      while (m.find()) {
        last = m.group();
      }
      if (last != null) {
        out.reset();
        return last;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line starting '" + start + "' in\n" + out);
  }

  static Preview.Config config(Path content, Path templates, int port, boolean poll) {
    return new Preview.Config(
        content,
        templates,
        null,
        true,
        InetAddress.getLoopbackAddress(),
        port,
        poll,
        100,
        null,
        false);
  }

  /** The events of the stream as "name data", after it opened. */
  BlockingQueue<String> events(DevServer server, String query) throws Exception {
    BlockingQueue<String> q = new LinkedBlockingQueue<>();
    BlockingQueue<String> open = new LinkedBlockingQueue<>();
    String[] name = {null};
    http.sendAsync(
            HttpRequest.newBuilder(server.url().resolve(LiveScript.EVENTS + query)).build(),
            HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            r ->
                r.body()
                    .forEach(
                        line -> {
                          if (line.startsWith("retry:")) {
                            open.add("open");
                          } else if (line.startsWith("event: ")) {
                            name[0] = line.substring(7);
                          } else if (line.startsWith("data: ") && name[0] != null) {
                            q.add(name[0] + " " + line.substring(6));
                          }
                        }));
    assertEquals("open", open.poll(60, TimeUnit.SECONDS));
    return q;
  }
}
