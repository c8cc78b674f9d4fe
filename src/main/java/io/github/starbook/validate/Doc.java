package io.github.starbook.validate;

import io.github.starbook.content.YamlValue;
import io.github.starbook.content.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Document;
import org.commonmark.node.Node;

/**
 * One Markdown file after parsing: its kind, front-matter fields, body tree and heading ids. A
 * {@code broken} doc (unusable front matter, already reported) still exists as a link target, so
 * one mistake is reported once, not again by every file that links to it.
 */
record Doc(
    Kind kind,
    SourceFile file,
    String category,
    String slug,
    String url,
    Map<String, YamlValue.Entry> front,
    Document body,
    Map<Node, String> headingIds,
    Set<String> anchors,
    int bodyLine,
    int lastLine,
    boolean draft,
    boolean broken,
    List<io.github.starbook.diag.Diagnostic> problems) {

  enum Kind {
    HOME,
    CATEGORY,
    QUESTION,
    PAGE
  }

  String display() {
    return file.display();
  }
}
