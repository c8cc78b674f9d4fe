package io.github.starbook.render;

import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a large guide reads as fast as a small one: above {@link #LARGE} questions the home page
 * shows each category's count and first questions, the print booklet becomes one page per category
 * and the A–Z list gets pages of its own; a category or tag list longer than {@link #PER_PAGE} is
 * split into pages. A guide of {@link #LARGE} questions or fewer is laid out exactly as always.
 */
public final class Paging {
  /** A guide with more questions than this is large. */
  public static final int LARGE = 200;

  /** Questions per page of a category or tag list; a list this long or shorter is one page. */
  public static final int PER_PAGE = 200;

  /** Questions per page of a large guide's A–Z list (each entry is one short line). */
  public static final int AZ_PER_PAGE = 500;

  /** Questions a large guide's home page shows for each category (the first ones, in order). */
  public static final int HIGHLIGHTS = 5;

  private Paging() {}

  public static boolean large(Guide guide) {
    return guide.questions().size() > LARGE;
  }

  /** How many pages a list of {@code items} takes: at least one, even when it is empty. */
  public static int pages(int items, int perPage) {
    return Math.max(1, (items + perPage - 1) / perPage);
  }

  /** The folders of every page of a list whose first page is {@code dir}. */
  public static List<String> urls(String dir, int items, int perPage) {
    List<String> urls = new ArrayList<>();
    for (int n = 1; n <= pages(items, perPage); n++) {
      urls.add(Layout.paged(dir, n));
    }
    return urls;
  }

  /**
   * The pages of the sitemap besides the home, category, question, free and {@code all/} pages: the
   * later pages of long category lists and, in a large guide, the booklet of each category and the
   * pages of the A–Z list. None for a small guide.
   */
  public static List<String> moreUrls(Guide guide) {
    Map<String, Integer> counts = categoryCounts(guide);
    List<String> urls = new ArrayList<>();
    for (Category c : guide.categories()) {
      List<String> pages = urls(c.url(), counts.getOrDefault(c.slug(), 0), PER_PAGE);
      urls.addAll(pages.subList(1, pages.size()));
    }
    if (large(guide)) {
      guide.categories().forEach(c -> urls.add(Layout.booklet(c.slug())));
      urls.addAll(urls(Layout.AZ, guide.questions().size(), AZ_PER_PAGE));
    }
    return urls;
  }

  static Map<String, Integer> categoryCounts(Guide guide) {
    Map<String, Integer> counts = new HashMap<>();
    for (Question q : guide.questions()) {
      counts.merge(q.category(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Where one page of a list is among the list's pages, for the template: its number (from 1) of
   * {@code count}, the numbers of its first and last question (from 1) of {@code total}, and links
   * relative to the page itself ({@code prev} and {@code next} are "" at the ends).
   */
  public record Pager(
      int number,
      int count,
      int first,
      int last,
      int total,
      String prev,
      String next,
      List<Link> links) {

    /** A link to one page of the list. */
    public record Link(int number, String href, boolean current) {}

    /** Page {@code number} of a list of {@code total} questions whose first page is {@code dir}. */
    public static Pager of(String dir, int number, int total, int perPage) {
      String here = Layout.paged(dir, number);
      int count = pages(total, perPage);
      List<Link> links = new ArrayList<>();
      for (int n = 1; n <= count; n++) {
        links.add(new Link(n, Layout.page(here, Layout.paged(dir, n)), n == number));
      }
      return new Pager(
          number,
          count,
          total == 0 ? 0 : Math.min(total, (number - 1) * perPage + 1),
          Math.min(total, number * perPage),
          total,
          number > 1 ? links.get(number - 2).href() : "",
          number < count ? links.get(number).href() : "",
          List.copyOf(links));
    }

    /** This page's part of the whole list. */
    public <T> List<T> slice(List<T> all) {
      return first == 0 ? List.of() : all.subList(first - 1, last);
    }

    /** A page title: as it is on the first page, with "page n of m" on the others. */
    public String titled(String title) {
      return number == 1 ? title : title + " (page " + number + " of " + count + ")";
    }
  }
}
