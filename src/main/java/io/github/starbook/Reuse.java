package io.github.starbook;

import io.github.starbook.assemble.Memo;
import io.github.starbook.content.ContentLoader;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Guide;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a long-running caller (starbook serve) keeps between builds of one content folder, so a
 * rebuild reads, parses and renders again only what changed. Tell it which content files changed
 * before each {@link Build#plan}; after {@link #rescan} the whole folder is read again. Used by one
 * thread at a time.
 */
public final class Reuse {
  final Memo memo = new Memo();
  private ContentLoader.Loaded loaded;
  private Set<String> changed;
  Guide guide;

  /** Content files (paths inside the content folder, '/'-separated) changed since the last plan. */
  public void changed(Set<String> contentPaths) {
    if (changed != null) {
      changed.addAll(contentPaths);
    }
  }

  /** Something changed that a list of files cannot tell (folders moved, events lost). */
  public void rescan() {
    changed = null;
    guide = null;
  }

  /** Plan every page next time (the caller did not use the last plan, or templates changed). */
  public void replanAll() {
    guide = null;
  }

  ContentLoader.Loaded load(Path root, String display, Diagnostics d) {
    Diagnostics own = new Diagnostics();
    ContentLoader.Loaded next =
        loaded == null || changed == null
            ? null
            : new ContentLoader(root, display, own).reread(loaded, changed);
    if (next == null) {
      own = new Diagnostics();
      next = new ContentLoader(root, display, own).load();
    }
    List<Diagnostic> problems = own.sorted(false);
    d.addAll(problems);
    loaded = problems.isEmpty() ? next : null;
    changed = new TreeSet<>();
    return next;
  }
}
