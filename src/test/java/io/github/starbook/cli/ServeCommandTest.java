package io.github.starbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.testing.Run;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code starbook serve} on the command line: a taken port, and Ctrl+C. */
class ServeCommandTest {
  static final Path SITE = Path.of("src/test/resources/sites/serve").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void aTakenPortIsReportedWithTheOptionsThatHelp() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Run r =
          Run.main(
              tmp,
              "serve",
              "--content",
              SITE.toString(),
              "--templates",
              Run.TEMPLATES.toString(),
              "--port",
              Integer.toString(taken.getLocalPort()));
      assertEquals(1, r.exit(), r.toString());
      assertEquals(
          "starbook serve: port "
              + taken.getLocalPort()
              + " on 127.0.0.1 is already in"
              + " use; pass --port N for another, or --port 0 for any free one\n",
          r.err());
    }
  }

  @Test
  void ctrlCStopsTheServerWithExitCodeZeroAndReleasesThePort() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.github.starbook.cli.Main",
                "serve",
                "--port",
                "0",
                "--content",
                SITE.toString(),
                "--templates",
                Run.TEMPLATES.toString())
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      StringBuilder seen = new StringBuilder();
      for (String line; url == null && (line = out.readLine()) != null; ) {
        seen.append(line).append('\n');
        if (line.startsWith("serving ")) {
          url = line.substring(8, line.indexOf(' ', 8));
        }
      }
      assertNotNull(url, seen.toString());
      assertTrue(url.startsWith("http://127.0.0.1:") && url.endsWith("/guide/"), url);
      HttpResponse<String> home =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, home.statusCode());

      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGINT");
      String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), seen + rest);
      assertEquals(List.of("stopping"), rest.lines().toList());

      int port = URI.create(url).getPort();
      try (ServerSocket again = new ServerSocket()) {
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      }
    } finally {
      p.destroyForcibly();
    }
  }
}
