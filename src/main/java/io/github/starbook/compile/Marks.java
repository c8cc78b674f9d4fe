package io.github.starbook.compile;

import io.github.starbook.model.Attachment;
import java.util.HashMap;
import java.util.Map;
import org.commonmark.node.Node;

/**
 * What the renderer needs to know of a document's nodes beyond the tree: each heading's id
 * (computed over the whole document, so ids stay unique when sections are rendered apart) and the
 * file each local image shows (for its width and height).
 */
public record Marks(Map<Node, String> headingIds, Map<Node, Attachment> images) {

  /** The marks of a parsed document: its heading ids; images are added as links are resolved. */
  public static Marks of(Node document) {
    return new Marks(Markdown.headingIds(document), new HashMap<>());
  }
}
