package io.github.starbook.validate;

import io.github.starbook.content.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@link GuideAssembler} may reuse from its last run, kept by a long-running caller (starbook
 * serve): per content file, the parsed document and its rendered record. A file is parsed again
 * only when its text changed, and rendered again only when its text or the link environment (every
 * page's url, anchors and draft flag, the question ids, the settings) changed. Not thread-safe:
 * one assembler uses it at a time.
 */
public final class Memo {
  private final Map<String, Entry> files = new HashMap<>();
  private Object settings;
  private Object environment;

  private static final class Entry {
    final SourceFile file;
    Doc doc;
    boolean docRendered;
    Object rendered;

    Entry(SourceFile file, Doc doc) {
      this.file = file;
      this.doc = doc;
    }
  }

  /** Forgets everything when the settings that shape parsing (allowHtml, drafts...) changed. */
  void settings(Object key) {
    if (!key.equals(settings)) {
      files.clear();
      environment = null;
      settings = key;
    }
  }

  /** Whether the memo has {@code file} with this very text. */
  boolean has(SourceFile file) {
    Entry e = files.get(file.contentPath());
    return e != null && e.file.text().equals(file.text());
  }

  /** The parsed document of {@code file}: the last one when its text is unchanged. */
  Doc parsed(SourceFile file, Function<SourceFile, Doc> parse) {
    Entry e = files.get(file.contentPath());
    if (e != null && e.file.text().equals(file.text())) {
      return e.doc;
    }
    Doc doc = parse.apply(file);
    if (doc != null) {
      files.put(file.contentPath(), new Entry(file, doc));
    } else {
      files.remove(file.contentPath());
    }
    return doc;
  }

  /** Drops files no longer in the content folder. */
  void retain(Set<String> contentPaths) {
    files.keySet().retainAll(contentPaths);
  }

  /** Records the link environment; when it changed, every rendered record is stale. */
  void environment(Object key) {
    if (!key.equals(environment)) {
      for (Entry e : files.values()) {
        e.rendered = null;
      }
      environment = key;
    }
  }

  /** The last rendered record of {@code doc}'s file, or null when it must be rendered. */
  Object rendered(Doc doc) {
    Entry e = files.get(doc.file().contentPath());
    return e == null || e.doc != doc ? null : e.rendered;
  }

  /**
   * A document that may be rendered: rendering rewrites links inside the tree, so a tree that was
   * rendered once is parsed again.
   */
  Doc fresh(Doc doc, Function<SourceFile, Doc> parse) {
    Entry e = files.get(doc.file().contentPath());
    if (e == null || e.doc != doc || !e.docRendered) {
      return doc;
    }
    Doc again = parse.apply(doc.file());
    return again == null ? doc : again;
  }

  /** Stores what rendering {@code doc} (as handed out by {@link #parsed}) produced. */
  void store(Doc parsedDoc, Object rendered) {
    Entry e = files.get(parsedDoc.file().contentPath());
    if (e != null && e.doc == parsedDoc) {
      e.docRendered = true;
      e.rendered = rendered;
    }
  }

  /** For tests and --verbose: how many files are remembered. */
  public int size() {
    return files.size();
  }

  static Object key(Object... parts) {
    return List.of(parts);
  }
}
