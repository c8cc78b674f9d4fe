package io.github.starbook.validate;

import io.github.starbook.content.SourceFile;
import io.github.starbook.model.Question;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link GuideAssembler} may reuse from its last run, kept by a long-running caller (starbook
 * serve): per content file, its text and what {@link DocBuilder} made of it. Rendering a file
 * needs no other file, so a file is read and rendered again only when its text (or the settings)
 * changed; the checks between files run every time. Not thread-safe: one assembler at a time.
 */
public final class Memo {
  private final Map<String, Entry> files = new HashMap<>();
  private Object settings;

  private static final class Entry {
    final SourceFile file;
    final Doc doc;
    Question withRelated;

    Entry(SourceFile file, Doc doc) {
      this.file = file;
      this.doc = doc;
    }
  }

  /** Forgets everything when the settings that shape rendering (allowHtml, drafts...) changed. */
  void settings(Object key) {
    if (!key.equals(settings)) {
      files.clear();
      settings = key;
    }
  }

  /** The doc made of {@code file} last time, when its text is unchanged; else null. */
  Doc doc(SourceFile file) {
    Entry e = files.get(file.contentPath());
    return e != null && e.file.text().equals(file.text()) ? e.doc : null;
  }

  /** Remembers the doc made of {@code file} (null: the file cannot be a page). */
  void store(SourceFile file, Doc doc) {
    if (doc == null) {
      files.remove(file.contentPath());
    } else {
      files.put(file.contentPath(), new Entry(file, doc));
    }
  }

  /**
   * The question of {@code doc} with its related entries: the very record handed out last time
   * when nothing changed, so that callers can tell unchanged questions apart by identity.
   */
  Question same(Doc doc, Question q) {
    Entry e = files.get(doc.file().contentPath());
    if (e == null || e.doc != doc) {
      return q;
    }
    if (!q.equals(e.withRelated)) {
      e.withRelated = q;
    }
    return e.withRelated;
  }

  /** Drops files no longer in the content folder. */
  void retain(Set<String> contentPaths) {
    files.keySet().retainAll(contentPaths);
  }

  /** For tests and --verbose: how many files are remembered. */
  public int size() {
    return files.size();
  }

  static Object key(Object... parts) {
    return List.of(parts);
  }
}
