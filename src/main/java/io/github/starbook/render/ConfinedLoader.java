package io.github.starbook.render;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads Pebble templates from the theme and nowhere else: the guide's templates folder first, then
 * the built-in theme. A name (or a symlink in the guide's folder) that leads outside is refused.
 */
final class ConfinedLoader implements Loader<String> {
  private final Theme theme;

  ConfinedLoader(Theme theme) {
    this.theme = theme;
  }

  private Path resolve(String name) {
    String clean = name.replace('\\', '/');
    Path relative = Path.of(clean).normalize();
    if (relative.isAbsolute() || relative.startsWith("..")) {
      throw new Refused(name, "template '" + name + "' is outside the templates folder");
    }
    Theme.Source source = theme.find(relative.toString().replace('\\', '/'));
    if (source == null) {
      throw new Refused(name, "template '" + name + "' not found in the templates folder");
    }
    if (source.builtIn()) {
      return source.path();
    }
    try {
      Path real = source.path().toRealPath();
      if (!real.startsWith(theme.own())) {
        throw new Refused(name, "template '" + name + "' leads outside the templates folder");
      }
      return real;
    } catch (IOException e) {
      throw new Refused(name, "template '" + name + "' not found in the templates folder");
    }
  }

  @Override
  public Reader getReader(String name) {
    Path p = resolve(name);
    try {
      return new InputStreamReader(
          Files.newInputStream(p),
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT));
    } catch (IOException e) {
      throw new LoaderException(e, "cannot read template '" + name + "'");
    }
  }

  @Override
  public void setCharset(String charset) {}

  @Override
  public void setPrefix(String prefix) {}

  @Override
  public void setSuffix(String suffix) {}

  @Override
  public String resolveRelativePath(String relativePath, String anchorPath) {
    if (relativePath.startsWith("./") || relativePath.startsWith("../")) {
      Path anchorDir = Path.of(anchorPath).getParent();
      String resolved =
          (anchorDir == null ? Path.of(relativePath) : anchorDir.resolve(relativePath))
              .normalize()
              .toString()
              .replace('\\', '/');
      return resolved;
    }
    return null;
  }

  @Override
  public String createCacheKey(String templateName) {
    return templateName;
  }

  @Override
  public boolean resourceExists(String templateName) {
    try {
      resolve(templateName);
      return true;
    } catch (LoaderException e) {
      return false;
    }
  }

  /** A template name the loader will not load; {@code name} is as the template wrote it. */
  static final class Refused extends LoaderException {
    final String name;

    Refused(String name, String message) {
      super(null, message);
      this.name = name;
    }
  }
}
