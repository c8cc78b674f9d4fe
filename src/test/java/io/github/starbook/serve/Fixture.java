package io.github.starbook.serve;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.starbook.testing.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A copy of the serve fixture site and the project's templates in a temp folder, previewed on an
 * ephemeral loopback port, with an HTTP client and an event-stream listener.
 */
final class Fixture implements AutoCloseable {
  static final Path SITE = Path.of("src/test/resources/sites/serve").toAbsolutePath();
  static final Path TEMPLATES = Path.of("templates").toAbsolutePath();
  static final Duration WAIT = Duration.ofSeconds(60);

  final Path root;
  final Path content;
  final Path templates;
  final Preview preview;
  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  Fixture(Path tmp, boolean drafts, boolean poll) throws IOException {
    this.root = tmp;
    this.content = tmp.resolve("content");
    this.templates = tmp.resolve("templates");
    Trees.copy(SITE, content);
    Trees.copy(TEMPLATES, templates);
    this.preview =
        Preview.start(
            new Preview.Config(
                Path.of("content"),
                Path.of("templates"),
                null,
                drafts,
                InetAddress.getLoopbackAddress(),
                0,
                poll,
                100,
                null,
                false),
            tmp,
            new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  Fixture(Path tmp) throws IOException {
    this(tmp, true, false);
  }

  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + preview.port() + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(url(path)).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> request(String method, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(url(path))
            .timeout(WAIT)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends bytes exactly as given (no client-side path clean-up) and returns the whole reply. */
  String raw(String requestLine, String host) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), preview.port())) {
      s.setSoTimeout((int) WAIT.toMillis());
      OutputStream os = s.getOutputStream();
      os.write(
          (requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      os.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  String host() {
    return "127.0.0.1:" + preview.port();
  }

  /** Polls a page until its body passes {@code test}; fails with the last body after a minute. */
  String await(String path, Predicate<String> test) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    String body = null;
    while (System.nanoTime() < end) {
      body = get(path).body();
      if (test.test(body)) {
        return body;
      }
      Thread.sleep(50);
    }
    return fail("timed out waiting for " + path + "; last body:\n" + body + "\nlog:\n" + log());
  }

  void write(String contentPath, String text) throws IOException {
    Files.writeString(content.resolve(contentPath), text, StandardCharsets.UTF_8);
  }

  String read(String contentPath) throws IOException {
    return Files.readString(content.resolve(contentPath), StandardCharsets.UTF_8);
  }

  /** Listens to the event stream: each event's name and data, in order. */
  Events events(String query) throws Exception {
    Events e = new Events();
    http.sendAsync(
            HttpRequest.newBuilder(url(LiveScript.EVENTS + query)).build(),
            HttpResponse.BodyHandlers.ofLines())
        .thenAccept(r -> r.body().forEach(e::line));
    e.awaitOpen();
    return e;
  }

  static final class Events {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private String name;

    private void line(String line) {
      if (line.startsWith("retry:")) {
        queue.add("open");
      } else if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ") && name != null) {
        queue.add(name + " " + line.substring(6));
        name = null;
      }
    }

    void awaitOpen() throws InterruptedException {
      String first = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (!"open".equals(first)) {
        fail("event stream did not open: " + first);
      }
    }

    /** The next event as "name data", failing after a minute. */
    String next() throws InterruptedException {
      String e = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      return e == null ? fail("no event within " + WAIT) : e;
    }
  }

  @Override
  public void close() {
    preview.close();
  }
}
