package io.github.starbook.compile;

import io.github.starbook.content.Fields;
import io.github.starbook.content.SourceFile;
import io.github.starbook.diag.Diagnostic;
import io.github.starbook.model.Category;
import io.github.starbook.model.Page;
import io.github.starbook.model.Question;
import java.util.List;
import java.util.Set;

/**
 * One Markdown file, read and rendered on its own (see {@link DocBuilder}): what other files need
 * to know of it (url, anchors, draft), its record with the HTML, and what is left to check once
 * every file is known: its links to other files and its {@code related} entries; and which images
 * and downloads beside the content it uses ({@code files}). A {@code broken} doc (unusable front
 * matter, already reported) has no record but still exists as a link target, so one mistake is
 * reported once, not again by every file that links to it.
 */
public record Doc(
    Kind kind,
    SourceFile file,
    String category,
    String slug,
    String url,
    Set<String> anchors,
    boolean draft,
    boolean broken,
    List<Diagnostic> problems,
    Page page,
    Category categoryPage,
    Question question,
    List<Fields.Located> related,
    List<Links.Ref> links,
    Set<String> files) {

  public enum Kind {
    HOME,
    CATEGORY,
    QUESTION,
    PAGE
  }

  public String display() {
    return file.display();
  }
}
