package io.github.starbook.assemble;

import io.github.starbook.compile.Doc;
import io.github.starbook.content.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link GuideAssembler} may reuse from its last run, kept by a long-running caller (starbook
 * serve): per content file, its text, what {@link DocBuilder} made of it and what the checks
 * between files said. Rendering a file needs no other file, so a file is read and rendered again
 * only when its text (or the settings) changed; its links and related entries are checked again
 * when it changed or when any file's url, headings or draft flag, or the question ids, changed. Not
 * thread-safe: one assembler at a time.
 */
public final class Memo {
  private final Map<String, Entry> files = new HashMap<>();
  private Object settings;
  private Object environment;

  private static final class Entry {
    final SourceFile file;
    final Doc doc;
    GuideAssembler.Checked checked;
    boolean checkedNow;

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

  /** Records what the checks ran against; when it changed, every check is stale. */
  void environment(Object key) {
    if (!key.equals(environment)) {
      for (Entry e : files.values()) {
        e.checkedNow = false;
      }
      environment = key;
    }
  }

  /** What checking {@code doc} said last time, when neither it nor its environment changed. */
  GuideAssembler.Checked checked(Doc doc) {
    Entry e = files.get(doc.file().contentPath());
    return e != null && e.doc == doc && e.checkedNow ? e.checked : null;
  }

  /**
   * Remembers what checking {@code doc} said. When the question came out as it was, the record
   * handed out last time is kept, so callers can tell unchanged questions apart by identity.
   */
  GuideAssembler.Checked store(Doc doc, GuideAssembler.Checked c) {
    Entry e = files.get(doc.file().contentPath());
    if (e == null || e.doc != doc) {
      return c;
    }
    if (e.checked != null && c.question() != null && c.question().equals(e.checked.question())) {
      c = new GuideAssembler.Checked(e.checked.question(), c.problems());
    }
    e.checked = c;
    e.checkedNow = true;
    return c;
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
