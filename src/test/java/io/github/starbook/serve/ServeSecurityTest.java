package io.github.starbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Trees;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing outside the built site can be read, and only this machine's pages may ask. */
class ServeSecurityTest {
  static final Path PASSWD = Path.of("/etc/passwd");

  @TempDir Path tmp;

  private static String status(String reply) {
    return reply.substring(0, reply.indexOf("\r\n"));
  }

  @Test
  void traversalAttemptsAnswer404AndNeverLeakAFile() throws Exception {
    Path content = tmp.resolve("content");
    try (Fixture f = new Fixture(tmp)) {
      String[] attempts = {
        "/../../etc/passwd",
        "/guide/../../etc/passwd",
        "/guide/alpha/../../../../etc/passwd",
        "/guide/%2e%2e/%2e%2e/etc/passwd",
        "/guide/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/guide/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/guide/..%2f..%2fetc%2fpasswd",
        "/guide/%252e%252e/%252e%252e/etc/passwd",
        "/guide/%5c..%5c..%5cetc%5cpasswd",
        "/guide/./alpha/one/",
        "/guide//etc/passwd",
        "/guide/%00/etc/passwd",
        "/guide/%c0%ae%c0%ae/etc/passwd",
        "//etc/passwd",
      };
      for (String a : attempts) {
        String reply = f.raw("GET " + a + " HTTP/1.1", f.host());
        assertEquals("HTTP/1.1 404 Not Found", status(reply), a);
        assertFalse(reply.contains("root:"), a);
      }
      // A raw backslash is not a valid URI: the JDK's server refuses it before any lookup.
      String raw = f.raw("GET /guide/..\\..\\etc\\passwd HTTP/1.1", f.host());
      assertEquals("HTTP/1.1 400 Bad Request", status(raw));
      assertFalse(raw.contains("root:"));
      // The same clean path does work, so the 404s above are refusals, not a dead server.
      assertEquals("HTTP/1.1 200 OK", status(f.raw("GET /guide/alpha/one/ HTTP/1.1", f.host())));
    }
    assertTrue(Files.isDirectory(content));
  }

  @Test
  void symlinksToFilesOutsideTheTreeAreNotServed() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(PASSWD), "no /etc/passwd here");
    Path content = tmp.resolve("content");
    Path templates = tmp.resolve("templates");
    Trees.copy(Fixture.SITE, content);
    Trees.copy(Fixture.TEMPLATES, templates);
    Files.delete(content.resolve("alpha/draft.md"));
    Files.createSymbolicLink(content.resolve("alpha/draft.md"), PASSWD);
    Files.createSymbolicLink(content.resolve("alpha/passwd.md"), PASSWD);
    Files.createSymbolicLink(templates.resolve("assets/passwd.txt"), PASSWD);
    Files.createSymbolicLink(templates.resolve("assets/etc"), Path.of("/etc"));
    Path reuse = tmp.resolve("run");
    Files.createDirectories(reuse);
    Files.move(content, reuse.resolve("content"));
    Files.move(templates, reuse.resolve("templates"));
    try (Preview p =
        Preview.start(
            new Preview.Config(
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
            reuse,
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))) {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      assertEquals(
          200,
          http.send(
                  HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + p.port() + "/guide/alpha/one/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode());
      for (String path :
          new String[] {
            "/guide/alpha/draft/",
            "/guide/alpha/passwd/",
            "/guide/assets/passwd.txt",
            "/guide/assets/etc/passwd"
          }) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + p.port() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode(), path);
        assertFalse(r.body().contains("root:"), path);
      }
    }
  }

  @Test
  void aForeignHostHeaderIsRefused() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      int port = f.preview.port();
      for (String host :
          new String[] {
            "evil.example:" + port,
            "evil.example",
            "127.0.0.1.nip.io:" + port,
            "localhost.evil.example:" + port,
            "127.0.0.1:" + (port + 1),
            ""
          }) {
        String reply = f.raw("GET /guide/ HTTP/1.1", host);
        assertEquals("HTTP/1.1 403 Forbidden", status(reply), host);
        assertFalse(reply.contains("<html"), host);
      }
      for (String host :
          new String[] {
            "127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "localhost"
          }) {
        assertEquals("HTTP/1.1 200 OK", status(f.raw("GET /guide/ HTTP/1.1", host)), host);
      }
    }
  }

  @Test
  void theEventStreamRefusesOtherOrigins() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      for (String origin :
          new String[] {
            "http://evil.example",
            "https://127.0.0.1:" + f.preview.port(),
            "http://127.0.0.1:" + (f.preview.port() + 1),
            "null"
          }) {
        HttpResponse<String> r =
            f.http.send(
                HttpRequest.newBuilder(f.url(LiveScript.EVENTS)).header("Origin", origin).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), origin);
      }
      HttpResponse<String> cross =
          f.http.send(
              HttpRequest.newBuilder(f.url(LiveScript.EVENTS))
                  .header("Sec-Fetch-Site", "cross-site")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, cross.statusCode());
      HttpResponse<Void> own =
          f.http.send(
              HttpRequest.newBuilder(f.url(LiveScript.EVENTS))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "http://127.0.0.1:" + f.preview.port())
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      assertEquals(200, own.statusCode());
      assertEquals(
          "text/event-stream; charset=utf-8",
          own.headers().firstValue("Content-Type").orElseThrow());
    }
  }
}
