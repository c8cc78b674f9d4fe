package io.github.starbook.compile;

import java.util.Map;
import org.commonmark.node.Document;
import org.commonmark.node.Node;

/**
 * A part of a parsed document (one section) rendered on its own. It carries the heading ids
 * computed over the whole document, so ids stay unique and match what links were checked against.
 */
final class Fragment extends Document {
  final Map<Node, String> headingIds;

  /** Where the fragment is shown, or null on its own page. */
  final Placement placement;

  Fragment(Map<Node, String> headingIds, Placement placement) {
    this.headingIds = headingIds;
    this.placement = placement;
  }
}
