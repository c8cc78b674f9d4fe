package io.github.starbook.render;

import io.github.starbook.diag.Diagnostic;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The Pebble engine, built once per build: autoescaping on, strict variables (a missing variable
 * is an error, not an empty string), templates loaded only from the templates folder and compiled
 * once.
 */
public final class Templates {
  private final PebbleEngine engine;
  private final String displayRoot;

  public Templates(Path root, String displayRoot) throws IOException {
    this.displayRoot = displayRoot;
    this.engine =
        new PebbleEngine.Builder()
            .loader(new ConfinedLoader(root))
            .strictVariables(true)
            .autoEscaping(true)
            .newLineTrimming(true)
            .cacheActive(true)
            .defaultLocale(Locale.ROOT)
            .build();
  }

  /** Renders a template; a template problem becomes a {@link TemplateError} with its line. */
  public void render(String name, Map<String, Object> context, Writer out) throws TemplateError {
    try {
      PebbleTemplate t = engine.getTemplate(name);
      t.evaluate(out, context, Locale.ROOT);
    } catch (PebbleException e) {
      String file = e.getFileName() != null ? e.getFileName() : name;
      int line = e.getLineNumber() != null && e.getLineNumber() > 0 ? e.getLineNumber() : 1;
      throw new TemplateError(Diagnostic.error(displayRoot + "/" + file, line, 1,
          "template error: " + e.getPebbleMessage(),
          "fix the template, or check the variable name against the README's template reference"));
    } catch (IOException e) {
      throw new TemplateError(Diagnostic.error(displayRoot + "/" + name, 1, 1,
          "cannot render template: " + e.getMessage(), "check the templates folder"));
    } catch (RuntimeException e) {
      throw new TemplateError(Diagnostic.error(displayRoot + "/" + name, 1, 1,
          "template error: " + e, "check the template"));
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
