package io.github.starbook.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A generated guide of any size, for tests of large guides (see render/LargeGuideTest). */
public final class GeneratedGuide {
  public static final String[] WORDS = {
    "Budget", "culture", "Delivery", "estimates", "Feedback", "growth", "Hiring", "incidents",
    "Zero-downtime", "ownership", "Roadmaps", "Scaling", "teams", "Vendors", "why", "Ádám's"
  };

  /** One generated question: where it is, its title, order and tags. */
  public record Q(String category, String slug, String title, int order, List<String> tags) {
    public String page() {
      return category + "/" + slug + "/index.html";
    }

    public String id() {
      return category + "/" + slug;
    }
  }

  private GeneratedGuide() {}

  /** Category slugs and their sizes, in order: {@code sizes("alpha", 300, "beta", 200)}. */
  public static Map<String, Integer> sizes(Object... pairs) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return m;
  }

  /**
   * Writes a guide: one folder per category (in the map's order) with its questions. Orders run
   * backwards, so the first questions by order are the last by name; every question has the tag
   * {@code common}, every 40th {@code rare}, the first 200 {@code half}; some titles start with a
   * digit, a lower-case or an accented letter; each answer links to the second question of the
   * first category, and that category's first question shows an image beside it.
   */
  public static List<Q> generate(Path content, Map<String, Integer> sizes) throws IOException {
    write(
        content.resolve("site.yaml"),
        "title: Big Guide\ndescription: Many questions.\n"
            + "baseUrl: https://example.org/big/\nlanguage: en\n");
    write(content.resolve("_index.md"), "---\ntitle: Big Guide\n---\nWelcome.\n");
    List<Q> all = new ArrayList<>();
    String first = sizes.keySet().iterator().next();
    int k = 0;
    int g = 0;
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      String cat = e.getKey();
      String title = cat.substring(0, 1).toUpperCase(Locale.ROOT) + cat.substring(1);
      write(
          content.resolve(cat + "/_index.md"),
          "---\ntitle: "
              + title
              + "\norder: "
              + (++k)
              + "\nsummary: All about "
              + cat
              + ".\n---\n");
      for (int i = 0; i < e.getValue(); i++, g++) {
        List<String> tags = new ArrayList<>(List.of("common"));
        if (g < 200) {
          tags.add("half");
        }
        if (g % 40 == 0) {
          tags.add("rare");
        }
        String t =
            (i % 25 == 3 ? (i % 9) + " ways: " : "")
                + WORDS[(i * 7 + k) % WORDS.length]
                + " in "
                + cat
                + ", question "
                + i
                + "?";
        Q q = new Q(cat, String.format("q-%04d", i), t, e.getValue() - i, List.copyOf(tags));
        all.add(q);
        String image = cat.equals(first) && i == 0 ? "\n\n![The flow](img/flow.svg)" : "";
        write(
            content.resolve(cat + "/" + q.slug() + ".md"),
            "---\ntitle: \""
                + t
                + "\"\nformat: answer\norder: "
                + q.order()
                + "\ntags: ["
                + String.join(", ", tags)
                + "]\n---\n\nAnswer "
                + i
                + ", see [another one](../"
                + first
                + "/q-0001.md)."
                + image
                + "\n");
      }
    }
    write(
        content.resolve(first + "/img/flow.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 20 10\"><rect/></svg>\n");
    return all;
  }

  public static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
