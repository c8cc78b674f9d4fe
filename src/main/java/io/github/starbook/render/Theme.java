package io.github.starbook.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The theme a guide is built with: the built-in files packed into starbook (the repository's
 * top-level {@code templates/}, as {@code theme/} on the class path), each overridden by a file of
 * the same name in the guide's own templates folder, if it has one. Templates and assets alike.
 */
public final class Theme {
  /** How a built-in file is named in messages, e.g. {@code (built-in theme)/base.peb}. */
  public static final String BUILT_IN = "(built-in theme)";

  private final Path own;
  private final String ownDisplay;
  private final Path builtIn;

  /**
   * @param own the guide's templates folder, or null when it has none
   * @param ownDisplay that folder as messages show it, e.g. {@code templates}
   */
  public Theme(Path own, String ownDisplay) throws IOException {
    this.own = own == null ? null : own.toRealPath();
    this.ownDisplay = ownDisplay;
    this.builtIn = BuiltIn.root();
  }

  /** Where one file of the theme is read from, and how messages name it. */
  public record Source(Path path, String display, boolean builtIn) {}

  /** Every file of the theme by its name ('/'-separated, e.g. {@code assets/site.js}), sorted. */
  public SortedMap<String, Source> files() throws IOException {
    SortedMap<String, Source> files = new TreeMap<>();
    list(builtIn, BUILT_IN, true, files);
    if (own != null) {
      list(own, ownDisplay, false, files);
    }
    return files;
  }

  /** The file a template name stands for, the guide's own first; null when neither has it. */
  public Source find(String name) {
    if (own != null) {
      Path p = own.resolve(name).normalize();
      if (p.startsWith(own) && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return new Source(p, ownDisplay + "/" + name, false);
      }
    }
    Path p = builtIn.resolve(name).normalize();
    return p.startsWith(builtIn) && Files.isRegularFile(p)
        ? new Source(p, BUILT_IN + "/" + name, true)
        : null;
  }

  /** The guide's own templates folder (real path), or null. */
  public Path own() {
    return own;
  }

  /** The message name of a template, e.g. {@code templates/base.peb} or the built-in one. */
  public String display(String name) {
    Source s = find(name);
    return s != null ? s.display() : (own != null ? ownDisplay : BUILT_IN) + "/" + name;
  }

  /** The built-in theme's files, by name (for {@code starbook theme eject}). */
  public static SortedMap<String, Path> builtInFiles() throws IOException {
    SortedMap<String, Source> files = new TreeMap<>();
    list(BuiltIn.root(), BUILT_IN, true, files);
    SortedMap<String, Path> out = new TreeMap<>();
    files.forEach((name, s) -> out.put(name, s.path()));
    return out;
  }

  private static void list(Path root, String display, boolean builtIn, Map<String, Source> into)
      throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted().toList()) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          String name = root.relativize(p).toString().replace('\\', '/');
          into.put(name, new Source(p, display + "/" + name, builtIn));
        }
      }
    }
  }

  /** Finds {@code theme/} on the class path once: a folder in development, a zip entry in a jar. */
  private static final class BuiltIn {
    private static final Path ROOT = locate();

    static Path root() {
      return ROOT;
    }

    private static Path locate() {
      URL marker = Theme.class.getResource("/theme/base.peb");
      if (marker == null) {
        throw new IllegalStateException("the built-in theme is missing from the class path");
      }
      try {
        URI uri = marker.toURI();
        if (!uri.getScheme().equals("jar")) {
          return Path.of(uri).getParent();
        }
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          // opened before (another class loader in the same JVM): use it
        }
        return Path.of(uri).getParent();
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
