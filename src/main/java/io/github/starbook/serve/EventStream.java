package io.github.starbook.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The live-reload channel: server-sent events to every open page. Events are {@code reload} (a
 * rebuild succeeded; data is the new generation) and {@code errors} (a rebuild failed; data is the
 * diagnostics as JSON). A comment line every few seconds finds closed pages.
 */
final class EventStream {
  private final List<HttpExchange> clients = new ArrayList<>();

  /** Keeps the exchange open as an event stream and sends it {@code first} (may be null). */
  void open(HttpExchange exchange, String first) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
    exchange.sendResponseHeaders(200, 0);
    synchronized (this) {
      clients.add(exchange);
      write(exchange, "retry: 500\n\n" + (first == null ? "" : first));
    }
  }

  static String event(String name, String data) {
    StringBuilder b = new StringBuilder("event: ").append(name).append('\n');
    for (String line : data.split("\n", -1)) {
      b.append("data: ").append(line).append('\n');
    }
    return b.append('\n').toString();
  }

  /** Sends one event to every open page. */
  synchronized void send(String event) {
    for (HttpExchange e : new ArrayList<>(clients)) {
      write(e, event);
    }
  }

  /** Keeps idle connections alive and drops the ones that were closed. */
  void ping() {
    send(": ping\n\n");
  }

  /** Ends every stream (the server is stopping). */
  synchronized void closeAll() {
    for (HttpExchange e : clients) {
      e.close();
    }
    clients.clear();
  }

  private void write(HttpExchange e, String text) {
    try {
      OutputStream os = e.getResponseBody();
      os.write(text.getBytes(StandardCharsets.UTF_8));
      os.flush();
    } catch (IOException | RuntimeException failed) {
      clients.remove(e);
      e.close();
    }
  }
}
