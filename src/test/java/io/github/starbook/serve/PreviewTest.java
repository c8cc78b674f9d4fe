package io.github.starbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server end to end: pages, types, edits, reload events, errors and recovery. */
class PreviewTest {
  @TempDir Path tmp;

  @Test
  void servesPagesUnderTheBasePathWithTheirTypesAndTheLiveScriptInHtmlOnly() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      assertEquals(f.url("/guide/").toString(), f.preview.url().toString());
      HttpResponse<String> root = f.get("/");
      assertEquals(302, root.statusCode());
      assertEquals("/guide/", root.headers().firstValue("Location").orElseThrow());

      HttpResponse<String> home = f.get("/guide/");
      assertEquals(200, home.statusCode());
      assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").get());
      Document doc = Jsoup.parse(home.body());
      assertEquals(1, doc.select("script[data-starbook-live]").size());
      assertEquals(
          "/__starbook/live.js", doc.selectFirst("script[data-starbook-live]").attr("src"));
      HttpResponse<String> live = f.get("/__starbook/live.js");
      assertEquals(
          "text/javascript; charset=utf-8", live.headers().firstValue("Content-Type").get());
      assertTrue(live.body().contains("/__starbook/events"), live.body());

      String[][] types = {
        {"/guide/alpha/one/", "text/html; charset=utf-8"},
        {"/guide/alpha/one/index.html", "text/html; charset=utf-8"},
        {"/guide/assets/style.css", "text/css; charset=utf-8"},
        {"/guide/assets/search/index.js", "text/javascript; charset=utf-8"},
        {"/guide/sitemap.xml", "application/xml; charset=utf-8"},
        {"/guide/robots.txt", "text/plain; charset=utf-8"},
      };
      for (String[] t : types) {
        HttpResponse<String> r = f.get(t[0]);
        assertEquals(200, r.statusCode(), t[0]);
        assertEquals(t[1], r.headers().firstValue("Content-Type").orElseThrow(), t[0]);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(t[1].startsWith("text/html"), r.body().contains("data-starbook-live"), t[0]);
      }
      String css = f.get("/guide/assets/style.css").body();
      assertEquals(Files.readString(f.templates.resolve("assets/style.css")), css);

      HttpResponse<String> folder = f.get("/guide/alpha/one");
      assertEquals(301, folder.statusCode());
      assertEquals("/guide/alpha/one/", folder.headers().firstValue("Location").orElseThrow());

      HttpResponse<String> missing = f.get("/guide/alpha/nothing-here/");
      assertEquals(404, missing.statusCode());
      assertEquals("Page not found", Jsoup.parse(missing.body()).selectFirst("h1").text());
      assertEquals(404, f.get("/elsewhere/").statusCode());

      HttpResponse<String> head = f.request("HEAD", "/guide/alpha/one/");
      assertEquals(200, head.statusCode());
      assertEquals("", head.body());
      for (String m : new String[] {"POST", "PUT", "DELETE", "OPTIONS"}) {
        HttpResponse<String> r = f.request(m, "/guide/");
        assertEquals(405, r.statusCode(), m);
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElseThrow());
      }
      Document draft = Jsoup.parse(f.get("/guide/alpha/draft/").body());
      assertEquals("draft", draft.selectFirst(".badge-draft").text());
    }
  }

  @Test
  void noDraftsHidesDraftQuestions() throws Exception {
    try (Fixture f = new Fixture(tmp, false, false)) {
      assertEquals(404, f.get("/guide/alpha/draft/").statusCode());
      assertEquals(200, f.get("/guide/alpha/one/").statusCode());
    }
  }

  @Test
  void anEditIsServedAfterTheRebuildAndTheEventStreamSendsAReload() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      long before = f.preview.generation();
      Fixture.Events events = f.events("?since=" + before);
      f.write(
          "alpha/one.md",
          f.read("alpha/one.md")
              .replace("The first question.", "The first question, second version."));
      assertEquals("reload " + (before + 1), events.next());
      String body = f.get("/guide/alpha/one/").body();
      Document page = Jsoup.parse(body);
      assertEquals("The first question, second version.", page.selectFirst(".lead").text(), body);
      assertTrue(f.log().contains("rebuilt in"), f.log());
      // A page that listens from an older generation is told to reload at once.
      assertEquals("reload " + (before + 1), f.events("?since=" + before).next());
    }
  }

  @Test
  void aBrokenEditShowsTheErrorsOverTheLastGoodPageUntilItIsFixed() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      String good = f.read("alpha/one.md");
      Fixture.Events events = f.events("?since=" + f.preview.generation());
      f.write(
          "alpha/one.md",
          good.replace("tags: [alpha, basics]", "tags: [alpha, basics")
              .replace("The first question.", "The first question, broken."));
      String errors = events.next();
      assertTrue(errors.startsWith("errors ["), errors);
      assertTrue(
          errors.contains("\"text\":\"content/alpha/one.md:5:11: error: invalid YAML"), errors);
      assertTrue(f.log().contains("content/alpha/one.md:5:11: error: invalid YAML"), f.log());

      HttpResponse<String> stale = f.get("/guide/alpha/one/");
      assertEquals(200, stale.statusCode());
      Document page = Jsoup.parse(stale.body());
      assertEquals("The first question.", page.selectFirst(".lead").text());
      String script = page.selectFirst("script[data-starbook-live]").attr("data-errors");
      assertTrue(script.contains("content/alpha/one.md:5:11"), script);
      // A page opened now gets the errors first.
      assertTrue(f.events("?since=0").next().startsWith("errors ["));

      f.write("alpha/one.md", good.replace("The first question.", "The first question, fixed."));
      assertTrue(events.next().startsWith("reload "));
      Document fixed = Jsoup.parse(f.get("/guide/alpha/one/").body());
      assertEquals("The first question, fixed.", fixed.selectFirst(".lead").text());
      assertEquals("[]", fixed.selectFirst("script[data-starbook-live]").attr("data-errors"));
      assertTrue(f.preview.errors().isEmpty());
    }
  }

  @Test
  void aMissingStarSectionAndABrokenLinkAreReportedWithTheirPositions() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      String good = f.read("alpha/two.md");
      Fixture.Events events = f.events("?since=" + f.preview.generation());
      f.write(
          "alpha/two.md",
          good.replace("## Result\n\nThe result.\n", "").replace("(one.md)", "(none.md)"));
      String errors = events.next();
      assertTrue(
          errors.contains("content/alpha/two.md:11:25: error: broken link to 'none.md'"), errors);
      assertTrue(
          errors.contains("content/alpha/two.md:21:1: error: STAR answer is missing '## Result'"),
          errors);
      f.write("alpha/two.md", good);
      assertTrue(events.next().startsWith("reload "));
    }
  }

  @Test
  void aTemplateChangeReRendersThePagesThatUseItAndABrokenTemplateIsReported() throws Exception {
    try (Fixture f = new Fixture(tmp)) {
      Path question = f.templates.resolve("question.peb");
      String good = Files.readString(question);
      Fixture.Events events = f.events("?since=" + f.preview.generation());
      Files.writeString(question, good.replace("<h1>", "<h1 data-marker=\"new\">"));
      assertTrue(events.next().startsWith("reload "));
      assertEquals(
          "new",
          Jsoup.parse(f.get("/guide/alpha/one/").body()).selectFirst("h1").attr("data-marker"));
      assertTrue(f.log().contains("3 page(s) changed"), f.log());

      Files.writeString(question, good.replace("{% endblock %}", "{% endblok %}"));
      String errors = events.next();
      assertTrue(errors.startsWith("errors ") && errors.contains("templates/question.peb"), errors);
      assertEquals(
          "new",
          Jsoup.parse(f.get("/guide/alpha/one/").body()).selectFirst("h1").attr("data-marker"));

      Files.writeString(question, good);
      assertTrue(events.next().startsWith("reload "));
      assertFalse(
          Jsoup.parse(f.get("/guide/alpha/one/").body()).selectFirst("h1").hasAttr("data-marker"));
    }
  }
}
