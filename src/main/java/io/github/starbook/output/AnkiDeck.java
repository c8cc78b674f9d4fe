package io.github.starbook.output;

import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Question;
import io.github.starbook.model.Site;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * The guide as an Anki deck in Anki's text-import format: file headers first, then one note per
 * question (guid, front, back, tags), tab-separated. Every field is quoted the CSV way and holds no
 * tab or line break, so Anki imports it as it is: File › Import, pick the file, Import.
 */
final class AnkiDeck {
  static final String FILE = "starbook-anki.txt";

  private AnkiDeck() {}

  /** Writes the deck: the headers, then a line per question (made over the cores). */
  static void write(Guide guide, OutputStream out) throws IOException {
    Site site = guide.site();
    StringBuilder sb = new StringBuilder();
    sb.append("#separator:tab\n");
    sb.append("#html:true\n");
    sb.append("#notetype:Basic\n");
    sb.append("#deck:").append(flat(site.title()).replace("\"", "")).append('\n');
    sb.append("#guid column:1\n");
    sb.append("#tags column:4\n");
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    Chunks.write(out, guide.questions(), "", q -> line(q, guide));
  }

  private static String line(Question q, Guide guide) {
    return field("starbook:" + q.id())
        + '\t'
        + field(Entities.escape(q.title()))
        + '\t'
        + field(q.copies().anki())
        + '\t'
        + field(String.join(" ", tags(q, guide)))
        + '\n';
  }

  /** The category and difficulty as hierarchical tags, then the question's own tags. */
  static List<String> tags(Question q, Guide guide) {
    Set<String> tags = new LinkedHashSet<>();
    Category c = guide.category(q.category());
    tags.add("category::" + (c == null ? q.category() : c.slug()));
    if (q.difficulty() != null && !q.difficulty().isEmpty()) {
      tags.add("difficulty::" + q.difficulty());
    }
    tags.addAll(q.tags());
    List<String> out = new ArrayList<>();
    for (String t : tags) {
      out.add(SPACE.matcher(t.strip()).replaceAll("_"));
    }
    return out;
  }

  /** A CSV field: quoted, inner quotes doubled, never a tab or a line break. */
  static String field(String s) {
    return "\"" + flat(s).replace("\"", "\"\"") + "\"";
  }

  private static String flat(String s) {
    return BREAKS.matcher(s).replaceAll(" ");
  }

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern BREAKS = Pattern.compile("[\\r\\n\\t]+");
}
