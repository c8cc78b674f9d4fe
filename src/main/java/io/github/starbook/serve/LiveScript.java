package io.github.starbook.serve;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The script the preview server adds to every HTML page it serves (and only there: templates and
 * built sites never contain it). It listens to the event stream, reloads the page after a
 * successful rebuild keeping the scroll position, and shows the diagnostics of a failed one in an
 * overlay over the last good page.
 */
final class LiveScript {
  static final String EVENTS = "/__starbook/events";

  private static final String SCRIPT =
      """
      <script data-starbook-live>
      (() => {
        "use strict";
        const generation = %d, initial = %s;
        const key = "starbook-scroll:" + location.pathname;
        const saved = sessionStorage.getItem(key);
        if (saved) {
          history.scrollRestoration = "manual";
          sessionStorage.removeItem(key);
          const [x, y] = JSON.parse(saved);
          const restore = () => window.scrollTo(x, y);
          restore();
          addEventListener("load", restore);
        }
        function overlay(list) {
          let box = document.getElementById("starbook-overlay");
          if (!list.length) { if (box) box.remove(); return; }
          if (!box) {
            box = document.createElement("div");
            box.id = "starbook-overlay";
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;"
              + "background:rgba(20,20,24,.94);color:#f5f5f5;padding:2rem;"
              + "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
            document.body.appendChild(box);
          }
          const errors = list.filter(d => d.severity === "error").length;
          box.replaceChildren();
          const h = document.createElement("h2");
          h.style.cssText = "margin:0 0 1rem;color:#ff8a80;font-size:1.1rem";
          h.textContent = "starbook: the last change has " + errors + " error(s); "
            + "this page is the last good build. Fix the file and save.";
          box.appendChild(h);
          const ul = document.createElement("ul");
          ul.style.cssText = "list-style:none;margin:0;padding:0";
          for (const d of list) {
            const li = document.createElement("li");
            li.className = "starbook-diagnostic";
            li.style.cssText = "margin:0 0 .8rem;white-space:pre-wrap";
            li.textContent = d.text;
            ul.appendChild(li);
          }
          box.appendChild(ul);
        }
        const show = () => overlay(initial);
        if (document.body) show(); else addEventListener("DOMContentLoaded", show);
        const events = new EventSource("%s?since=" + generation);
        events.addEventListener("reload", () => {
          sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY]));
          events.close();
          location.reload();
        });
        events.addEventListener("errors", e => overlay(JSON.parse(e.data)));
        window.__starbookLive = { generation, events };
      })();
      </script>
      """;

  private LiveScript() {}

  static String tag(long generation, String errorsJson) {
    return String.format(Locale.ROOT, SCRIPT, generation, errorsJson, EVENTS);
  }

  /** The page with the script added before its closing body tag (or at its end). */
  static byte[] inject(byte[] html, long generation, String errorsJson) {
    byte[] tag = tag(generation, errorsJson).getBytes(StandardCharsets.UTF_8);
    int at = lastBodyEnd(html);
    byte[] out = new byte[html.length + tag.length];
    System.arraycopy(html, 0, out, 0, at);
    System.arraycopy(tag, 0, out, at, tag.length);
    System.arraycopy(html, at, out, at + tag.length, html.length - at);
    return out;
  }

  /** Where the last {@code </body>} (any case) starts, or the end of the page. */
  private static int lastBodyEnd(byte[] html) {
    byte[] end = "</body>".getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = html.length - end.length; i >= 0; i--) {
      for (int k = 0; k < end.length; k++) {
        if (Character.toLowerCase((char) (html[i + k] & 0xff)) != end[k]) {
          continue outer;
        }
      }
      return i;
    }
    return html.length;
  }
}
