package io.github.starbook.output;

import io.github.starbook.model.Attachment;
import io.github.starbook.model.Category;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Output;
import io.github.starbook.model.Page;
import io.github.starbook.model.Question;
import io.github.starbook.model.Site;
import io.github.starbook.render.Theme;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The files beside the pages: sitemap, robots.txt, .nojekyll, the theme's assets. */
public final class Extras {
  private Extras() {}

  public static List<Output> plan(Guide guide, Theme theme) throws IOException {
    List<Output> out = new ArrayList<>();
    Site site = guide.site();
    out.add(new Output("sitemap.xml", "(sitemap)", os -> sitemap(guide, os)));
    String robots =
        "User-agent: *\nAllow: /\n"
            + (site.absolute("") == null ? "" : "Sitemap: " + site.absolute("sitemap.xml") + "\n");
    out.add(Output.bytes("robots.txt", "(robots.txt)", robots.getBytes(StandardCharsets.UTF_8)));
    out.add(Output.bytes(SiteWriter.MARKER, "(.nojekyll)", new byte[0]));
    for (Attachment f : guide.files()) {
      out.add(new Output(f.contentPath(), f.display(), os -> Files.copy(f.file(), os)));
    }
    if (site.cname() != null) {
      out.add(
          Output.bytes(
              Layout.CNAME,
              "(cname in site.yaml)",
              (site.cname() + "\n").getBytes(StandardCharsets.UTF_8)));
    }
    // The theme's assets/ folder is published as the site's (both are Layout.ASSETS).
    for (Map.Entry<String, Theme.Source> e : theme.files().tailMap(Layout.ASSETS).entrySet()) {
      if (!e.getKey().startsWith(Layout.ASSETS)) {
        break;
      }
      Theme.Source s = e.getValue();
      out.add(new Output(e.getKey(), s.display(), os -> Files.copy(s.path(), os)));
    }
    return out;
  }

  private static void sitemap(Guide guide, java.io.OutputStream os) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.write("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    Site site = guide.site();
    if (site.absolute("") != null) {
      List<String> urls = new ArrayList<>();
      urls.add("");
      guide.categories().stream().map(Category::url).forEach(urls::add);
      guide.questions().stream().map(Question::url).forEach(urls::add);
      guide.pages().stream().map(Page::url).forEach(urls::add);
      urls.add(Layout.ALL);
      urls.addAll(io.github.starbook.render.Paging.moreUrls(guide));
      for (String u : urls) {
        w.write("  <url><loc>" + xml(site.absolute(u)) + "</loc></url>\n");
      }
    }
    w.write("</urlset>\n");
    w.flush();
  }

  static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
