package io.github.starbook.serve;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The live-reload script of the preview server. Every HTML page it serves (and only those:
 * templates and built sites never contain it) gets a {@code <script src>} tag naming {@link #PATH},
 * which the server answers itself, so the script runs under the pages' Content-Security-Policy
 * ({@code script-src 'self'}, no inline script). The tag carries the page's generation and the
 * errors of the last build in data attributes. The script listens to the event stream, reloads the
 * page after a successful rebuild keeping the scroll position, and shows the diagnostics of a
 * failed one in an overlay over the last good page.
 */
final class LiveScript {
  static final String EVENTS = "/__starbook/events";
  static final String PATH = "/__starbook/live.js";

  /** The script; styles are set through the CSSOM, which a CSP without 'unsafe-inline' allows. */
  static final byte[] SOURCE =
      """
      /* starbook serve: live reload (added by the preview server, never part of a built site). */
      (() => {
        "use strict";
        const me = document.currentScript;
        if (!me || window.__starbookLive) return;
        const generation = Number(me.dataset.generation) || 0;
        const initial = JSON.parse(me.dataset.errors || "[]");
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
          h.textContent = generation === 0
            ? "starbook: the build has " + errors + " error(s); nothing to show until they are "
              + "fixed. Fix the file and save."
            : "starbook: the last change has " + errors + " error(s); "
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
        const events = new EventSource("EVENTS?since=" + generation);
        events.addEventListener("reload", () => {
          sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY]));
          events.close();
          location.reload();
        });
        events.addEventListener("errors", e => overlay(JSON.parse(e.data)));
        window.__starbookLive = { generation, events };
      })();
      """
          .replace("EVENTS?", EVENTS + "?")
          .getBytes(StandardCharsets.UTF_8);

  private LiveScript() {}

  /** The tag that loads the script, with the page's generation and the last build's errors. */
  static String tag(long generation, String errorsJson) {
    return String.format(
        Locale.ROOT,
        "<script src=\"%s\" data-starbook-live data-generation=\"%d\" data-errors=\"%s\"></script>\n",
        PATH,
        generation,
        attribute(errorsJson));
  }

  /** Text made safe inside a double-quoted attribute. */
  private static String attribute(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  /** The page with the script tag added before its closing body tag (or at its end). */
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
