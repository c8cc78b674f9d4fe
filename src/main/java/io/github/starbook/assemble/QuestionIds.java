package io.github.starbook.assemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids ({@code category/slug}) of every built question, and how a {@code related} entry finds
 * one: {@code category/slug} as written; a bare {@code slug} in the same category first, else the
 * one question anywhere with that slug (an ambiguous bare slug resolves to nothing).
 */
final class QuestionIds {
  private final Set<String> ids = new LinkedHashSet<>();
  private final Map<String, List<String>> bySlug = new HashMap<>();

  void add(String category, String slug) {
    String id = category + "/" + slug;
    ids.add(id);
    bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(id);
  }

  /** Every question with this slug, in any category (for "which one did you mean?"). */
  List<String> withSlug(String slug) {
    return bySlug.getOrDefault(slug, List.of());
  }

  Set<String> ids() {
    return ids;
  }

  /** The id the entry names, or the entry's best guess (same category) when it names none. */
  String resolve(String category, String entry) {
    if (entry.contains("/")) {
      return entry;
    }
    String local = category + "/" + entry;
    if (ids.contains(local)) {
      return local;
    }
    List<String> any = withSlug(entry);
    return any.size() == 1 ? any.get(0) : local;
  }
}
