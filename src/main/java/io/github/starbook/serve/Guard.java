package io.github.starbook.serve;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the preview server. A page on another site could otherwise reach it through the
 * browser: by DNS rebinding (a foreign name resolving to 127.0.0.1, caught by the Host check) or by
 * opening the event stream cross-origin (caught by the Origin check).
 */
final class Guard {
  private final Set<String> names;
  private final int port;

  /** Accepts the loopback names and the bound address, on the bound port. */
  Guard(InetAddress bound, int port) {
    Set<String> ok = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    ok.add(name(bound));
    if (bound.isAnyLocalAddress()) {
      try {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress a : Collections.list(n.getInetAddresses())) {
            ok.add(name(a));
          }
        }
      } catch (SocketException e) {
        // no interface list: only the loopback names are accepted
      }
    }
    this.names = Set.copyOf(ok);
    this.port = port;
  }

  private static String name(InetAddress a) {
    String addr = a.getHostAddress().toLowerCase(Locale.ROOT).replaceAll("%.*$", "");
    return addr.contains(":") ? "[" + addr + "]" : addr;
  }

  /** Whether a Host header (name, optional port) names this server. */
  boolean hostAllowed(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    String name = h;
    String p = null;
    int colon = h.lastIndexOf(':');
    if (colon > h.lastIndexOf(']')) {
      name = h.substring(0, colon);
      p = h.substring(colon + 1);
    }
    if (name.endsWith(".") && !name.startsWith("[")) {
      name = name.substring(0, name.length() - 1);
    }
    if (p != null && !p.equals(Integer.toString(port))) {
      return false;
    }
    return names.contains(name);
  }

  /** Whether a request's Origin header (absent on same-origin GETs) is this server. */
  boolean originAllowed(String origin) {
    if (origin == null) {
      return true;
    }
    try {
      URI u = URI.create(origin.trim());
      if (!"http".equals(u.getScheme()) || u.getHost() == null) {
        return false;
      }
      String host = u.getHost().toLowerCase(Locale.ROOT);
      return names.contains(host) && u.getPort() == port;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
