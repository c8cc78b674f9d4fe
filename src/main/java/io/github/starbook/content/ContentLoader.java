package io.github.starbook.content;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Attachment;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every content file in sorted order: {@code site.yaml} and the Markdown files. Symlinks are
 * not followed (a warning says so), nothing outside the content folder is read.
 */
public final class ContentLoader {
  private final Path root;
  private final String displayRoot;
  private final Diagnostics diagnostics;

  public ContentLoader(Path root, String displayRoot, Diagnostics diagnostics) {
    this.root = root;
    this.displayRoot = displayRoot;
    this.diagnostics = diagnostics;
  }

  /**
   * What was read: the site settings (null when unreadable), the Markdown files and the files
   * beside them (images and downloads, published where they are).
   */
  public record Loaded(SourceFile siteYaml, List<SourceFile> markdown, List<Attachment> files) {}

  public Loaded load() {
    if (!Files.isDirectory(root)) {
      diagnostics.error(
          displayRoot,
          1,
          1,
          "content folder not found",
          "run starbook in the guide's folder, or pass --content DIR");
      return new Loaded(null, List.of(), List.of());
    }
    List<Path> files = new ArrayList<>();
    walk(root, files);
    SourceFile site = null;
    List<SourceFile> markdown = new ArrayList<>();
    List<Attachment> attachments = new ArrayList<>();
    List<String> paths = files.stream().map(this::contentPath).toList();
    // Read over the cores, kept in walk order.
    List<SourceFile> read =
        java.util.stream.IntStream.range(0, files.size())
            .parallel()
            .mapToObj(
                i ->
                    paths.get(i).equals("site.yaml") || paths.get(i).endsWith(".md")
                        ? read(files.get(i), paths.get(i))
                        : null)
            .toList();
    for (int i = 0; i < files.size(); i++) {
      String rel = paths.get(i);
      if (rel.equals("site.yaml")) {
        site = read.get(i);
      } else if (rel.endsWith(".md")) {
        if (read.get(i) != null) {
          markdown.add(read.get(i));
        }
      } else if (Attachment.publishable(rel)) {
        Attachment a = attachment(files.get(i), rel);
        if (a != null) {
          attachments.add(a);
        }
      } else {
        diagnostics.warning(display(rel), 1, 1, "file is not used by the build", UNUSED_HINT);
      }
    }
    checkSiteYaml(site);
    return new Loaded(site, markdown, List.copyOf(attachments));
  }

  private static final String UNUSED_HINT =
      "content/ holds site.yaml, .md files, images ("
          + String.join(", ", new java.util.TreeSet<>(Attachment.IMAGES))
          + ") and downloads ("
          + String.join(", ", new java.util.TreeSet<>(Attachment.DOWNLOADS))
          + "); remove this file or move it elsewhere";

  /** site.yaml is required, and never read through a link. */
  private void checkSiteYaml(SourceFile site) {
    Path siteYaml = root.resolve("site.yaml");
    if (site == null && Files.isSymbolicLink(siteYaml)) {
      diagnostics.error(
          display("site.yaml"),
          1,
          1,
          "site.yaml is a symbolic link",
          "the build reads only real files inside content/; copy site.yaml in");
    } else if (site == null && !Files.exists(siteYaml, LinkOption.NOFOLLOW_LINKS)) {
      diagnostics.error(
          display("site.yaml"),
          1,
          1,
          "site.yaml not found",
          "create it with 'title: ...' and 'description: ...'");
    }
  }

  /** An image or download with its size (and an image's width and height); null if unusable. */
  private Attachment attachment(Path file, String rel) {
    try {
      long size = Files.size(file);
      int[] wh = ImageSize.of(file, Attachment.extension(rel));
      if (size > Attachment.LARGE) {
        diagnostics.warning(
            display(rel),
            1,
            1,
            "file is " + megabytes(size) + " MB; files over 1 MB slow readers on phones",
            "make it smaller (compress, resize, or use SVG for diagrams)");
      }
      return new Attachment(rel, display(rel), file, size, wh[0], wh[1]);
    } catch (ImageSize.Unreadable e) {
      diagnostics.error(
          display(rel), 1, 1, e.getMessage(), "replace it with a valid image, or remove it");
    } catch (IOException e) {
      diagnostics.error(
          display(rel), 1, 1, "cannot read file: " + e.getMessage(), "check its permissions");
    }
    return null;
  }

  static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  /**
   * The content as {@link #load} would read it, reading again only the {@code changed} files (paths
   * inside the content folder) and taking the others from {@code previous}. Returns null when that
   * is not enough: a file appeared or disappeared, or is not a plain Markdown file.
   */
  public Loaded reread(Loaded previous, java.util.Set<String> changed) {
    java.util.Map<String, SourceFile> files = new java.util.LinkedHashMap<>();
    for (SourceFile f : previous.markdown()) {
      files.put(f.contentPath(), f);
    }
    SourceFile site = previous.siteYaml();
    for (String rel : changed) {
      if (java.util.Arrays.stream(rel.split("/")).anyMatch(n -> n.startsWith("."))) {
        continue;
      }
      if (Attachment.publishable(rel)) {
        return null; // an image or download changed: read everything again
      }
      Path p = root.resolve(rel);
      boolean known = rel.equals("site.yaml") ? site != null : files.containsKey(rel);
      boolean exists = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
      if (!known && !exists) {
        continue; // an editor's temporary file that came and went
      }
      if (!known || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      SourceFile f = read(p, rel);
      if (f == null) {
        return null;
      }
      if (rel.equals("site.yaml")) {
        site = f;
      } else {
        files.put(rel, f);
      }
    }
    return new Loaded(site, List.copyOf(files.values()), previous.files());
  }

  public String display(String contentPath) {
    return displayRoot.isEmpty() ? contentPath : displayRoot + "/" + contentPath;
  }

  private String contentPath(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private void walk(Path dir, List<Path> out) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      diagnostics.error(
          display(contentPath(dir)),
          1,
          1,
          "cannot list folder: " + e.getMessage(),
          "check the folder's permissions");
      return;
    }
    for (Path p : entries) {
      String rel = contentPath(p);
      String name = p.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue; // gone since the folder was listed
      }
      if (a.isSymbolicLink()) {
        diagnostics.warning(
            display(rel),
            1,
            1,
            "symbolic link not followed",
            "copy the file into content/ instead of linking to it");
      } else if (a.isDirectory()) {
        if (name.endsWith(".md")) {
          diagnostics.error(
              display(rel),
              1,
              1,
              "a folder is named like a Markdown file",
              "rename the folder; only files end in .md");
        }
        walk(p, out);
      } else if (a.isRegularFile()) {
        out.add(p);
      } else {
        diagnostics.error(
            display(rel),
            1,
            1,
            "not a regular file (a pipe, socket or device)",
            "content/ holds only folders, site.yaml and .md files; remove it");
      }
    }
  }

  private SourceFile read(Path p, String rel) {
    String display = display(rel);
    try {
      byte[] bytes = Files.readAllBytes(p);
      if (bytes.length > Attachment.LARGE) {
        diagnostics.warning(
            display,
            1,
            1,
            "file is " + megabytes(bytes.length) + " MB; a page this long is slow to read and load",
            "split it into several questions or pages");
      }
      return new SourceFile(rel, display, TextReader.decode(bytes, display));
    } catch (TextReader.BadText e) {
      diagnostics.add(e.diagnostic());
    } catch (AccessDeniedException e) {
      diagnostics.add(
          Diagnostic.error(
              display,
              1,
              1,
              "cannot read file: permission denied",
              "check the file's permissions"));
    } catch (IOException e) {
      // The exception's message holds the absolute path; the diagnostic names the file already.
      diagnostics.add(
          Diagnostic.error(
              display,
              1,
              1,
              "cannot read file (" + e.getClass().getSimpleName() + ")",
              "check the file's permissions"));
    }
    return null;
  }
}
