package io.github.starbook.render;

import io.github.starbook.diag.Diagnostic;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Pebble engine, built once per build: autoescaping on, strict variables (a missing variable is
 * an error, not an empty string), templates loaded only from the templates folder and compiled
 * once.
 */
public final class Templates {
  private final PebbleEngine engine;
  private final Theme theme;
  private final List<String> names;

  public Templates(Theme theme) throws IOException {
    this.theme = theme;
    this.names = theme.files().keySet().stream().filter(n -> n.endsWith(".peb")).toList();
    this.engine =
        new PebbleEngine.Builder()
            .loader(new ConfinedLoader(theme))
            .strictVariables(true)
            .autoEscaping(true)
            .newLineTrimming(true)
            .cacheActive(true)
            .defaultLocale(Locale.ROOT)
            .addEscapingStrategy("html", Templates::escapeHtml)
            .build();
  }

  /**
   * Pebble's "html" escaping, the same bytes as the unbescape call it replaces ({@code
   * HtmlEscape.escapeHtml4Xml}: only {@code < > & " '}, as {@code &lt; &gt; &amp; &quot; &#39;}).
   * unbescape builds its table of 2,000 HTML5 entities the first time it is called, 65 ms of CPU on
   * one core while the first page renders; the real guide's whole build takes about 1 s.
   */
  static String escapeHtml(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && !special(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean special(char c) {
    return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
  }

  /** Renders a template; a template problem becomes a {@link TemplateError} with its line. */
  public void render(String name, Map<String, Object> context, Writer out) throws TemplateError {
    try {
      PebbleTemplate t = engine.getTemplate(name);
      t.evaluate(out, context, Locale.ROOT);
    } catch (PebbleException e) {
      String file = e.getFileName() != null ? e.getFileName() : name;
      int line = e.getLineNumber() != null && e.getLineNumber() > 0 ? e.getLineNumber() : 1;
      if (e instanceof ConfinedLoader.Refused r) {
        int column = 1;
        if (e.getLineNumber() == null) {
          int[] where = mention(r.name);
          if (where != null) {
            file = names.get(where[0]);
            line = where[1];
            column = where[2];
          }
        }
        throw new TemplateError(
            Diagnostic.error(
                theme.display(file),
                line,
                column,
                "template error: " + e.getPebbleMessage(),
                "fix the include, extends or import name"));
      }
      TemplateProblem problem = TemplateProblem.of(e, lineOf(file, line), context);
      throw new TemplateError(
          Diagnostic.error(
              theme.display(file), line, problem.column(), problem.message(), problem.hint()));
    } catch (IOException e) {
      throw new TemplateError(
          Diagnostic.error(
              theme.display(name),
              1,
              1,
              "cannot render template: " + e.getMessage(),
              "check the templates folder"));
    } catch (RuntimeException e) {
      throw new TemplateError(
          Diagnostic.error(
              theme.display(name), 1, 1, "template error: " + e, "check the template"));
    }
  }

  /**
   * Where a refused template name is first written in quotes (templates in sorted order), as {index
   * in names, line, column}; Pebble reports loader errors without a position.
   */
  private int[] mention(String refused) {
    for (int i = 0; i < names.size(); i++) {
      String text;
      try {
        text = Files.readString(theme.find(names.get(i)).path(), StandardCharsets.UTF_8);
      } catch (IOException | java.io.UncheckedIOException e) {
        continue;
      }
      for (String quoted : List.of("\"" + refused + "\"", "'" + refused + "'")) {
        int at = text.indexOf(quoted);
        if (at >= 0) {
          int line = 1;
          int lineStart = 0;
          for (int k = 0; k < at; k++) {
            if (text.charAt(k) == '\n') {
              line++;
              lineStart = k + 1;
            }
          }
          return new int[] {i, line, at - lineStart + 1};
        }
      }
    }
    return null;
  }

  /** The text of a template's line (1-based), or "" when it cannot be read. */
  private String lineOf(String name, int line) {
    Theme.Source s = theme.find(name);
    if (s == null) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(s.path(), StandardCharsets.UTF_8);
      return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }

  public String render(String name, Map<String, Object> context) throws TemplateError {
    StringWriter w = new StringWriter(8192);
    render(name, context, w);
    return w.toString();
  }

  /** A template could not be rendered. */
  public static final class TemplateError extends Exception {
    private final transient Diagnostic diagnostic;

    TemplateError(Diagnostic d) {
      super(d.format(), null, false, false);
      this.diagnostic = d;
    }

    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }
}
