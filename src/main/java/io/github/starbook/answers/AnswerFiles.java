package io.github.starbook.answers;

import io.github.starbook.model.SectionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes answers as content files: {@code <content>/<category>/<slug>.md} with front matter (title,
 * format, tags [my-answers], summary) and the answer's Markdown as the body, plus the category's
 * {@code _index.md} (and the guide's {@code site.yaml}) when missing. Files that would not pass
 * {@code check --strict} are adjusted: a STAR answer whose four parts are not all there, in order
 * and with text, is written as a plain answer (STAR checks are errors).
 */
public final class AnswerFiles {
  /** The tag every imported answer gets. */
  public static final String TAG = "my-answers";

  private static final Pattern LEVEL2 = Pattern.compile("(?m)^ {0,3}##[ \\t]+(.*?)[ \\t#]*$");

  /** What happened to one answer: the file, and whether it was written. */
  public record Written(Path file, boolean written, String note) {}

  private AnswerFiles() {}

  /**
   * Whether the Markdown has ## Situation, ## Task, ## Action, ## Result, in order, each with text.
   */
  static boolean completeStar(String markdown) {
    List<String> names = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    Matcher m = LEVEL2.matcher(markdown.replace("\r\n", "\n"));
    String text = markdown.replace("\r\n", "\n");
    while (m.find()) {
      names.add(m.group(1).strip().toLowerCase(Locale.ROOT));
      starts.add(m.start());
      ends.add(m.end());
    }
    int from = 0;
    for (SectionKind part : SectionKind.starParts()) {
      int i = names.subList(from, names.size()).indexOf(part.heading().toLowerCase(Locale.ROOT));
      if (i < 0) {
        return false;
      }
      i += from;
      if (names.subList(0, i).contains(part.heading().toLowerCase(Locale.ROOT))) {
        return false; // twice
      }
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      if (text.substring(ends.get(i), end).isBlank()) {
        return false;
      }
      from = i + 1;
    }
    return true;
  }

  /** The content file for one answer. */
  public static String text(AnswerExport.Answer a, boolean star) {
    String summary =
        "My own answer"
            + (a.updated().length() >= 10 ? ", " + a.updated().substring(0, 10) : "")
            + ".";
    String body = a.markdown().replace("\r\n", "\n").strip();
    return "---\n"
        + "title: "
        + quoted(a.title())
        + "\n"
        + "format: "
        + (star ? "star" : "answer")
        + "\n"
        + "tags: ["
        + TAG
        + "]\n"
        + "summary: "
        + quoted(summary)
        + "\n"
        + "---\n"
        + body
        + "\n";
  }

  /** A YAML double-quoted scalar. */
  static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Writes every answer under {@code content}; an existing file is kept unless {@code force}.
   *
   * @throws IOException when a file cannot be written
   */
  public static List<Written> write(Path content, List<AnswerExport.Answer> answers, boolean force)
      throws IOException {
    List<Written> out = new ArrayList<>();
    Path site = content.resolve("site.yaml");
    if (!answers.isEmpty() && !Files.exists(site)) { // a new guide of your own
      Files.createDirectories(content);
      Files.writeString(
          site,
          "title: \"My answers\"\n"
              + "description: \"My own answers to interview questions, written in starbook's study"
              + " mode.\"\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW);
      out.add(new Written(site, true, ""));
    }
    for (AnswerExport.Answer a : answers) {
      Path dir = content.resolve(a.category());
      Files.createDirectories(dir);
      Path index = dir.resolve("_index.md");
      if (!Files.exists(index)) {
        Files.writeString(
            index,
            "---\ntitle: " + quoted(a.category()) + "\n---\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW);
        out.add(new Written(index, true, ""));
      }
      Path file = dir.resolve(a.slug() + ".md");
      if (Files.exists(file) && !force) {
        out.add(new Written(file, false, "exists; not overwriting it (use --force)"));
        continue;
      }
      boolean star = a.star() && completeStar(a.markdown());
      String note =
          a.star() && !star
              ? "written as a plain answer: a STAR answer needs ## Situation, ## Task, ## Action"
                  + " and ## Result, in that order, each with text"
              : "";
      Files.writeString(file, text(a, star), StandardCharsets.UTF_8);
      out.add(new Written(file, true, note));
    }
    return out;
  }
}
