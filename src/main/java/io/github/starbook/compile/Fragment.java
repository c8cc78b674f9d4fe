package io.github.starbook.compile;

import org.commonmark.node.Document;

/**
 * A part of a parsed document (one section) rendered on its own. It carries the document's {@link
 * Marks}: heading ids computed over the whole document (so ids stay unique and match what links
 * were checked against) and the images' files.
 */
final class Fragment extends Document {
  final Marks marks;

  /** Where the fragment is shown, or null on its own page. */
  final Placement placement;

  Fragment(Marks marks, Placement placement) {
    this.marks = marks;
    this.placement = placement;
  }
}
