package io.github.starbook.browser;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of the browser tests that read the real guide: builds it once per class, serves it on
 * loopback under a GitHub Pages-like sub-path and starts one headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GuideBrowserTest {
  HttpServer server;
  ChromeDriver chrome;
  String base;
  Path site;

  /** The path of every request the server has answered, in order. */
  final List<String> requested = new CopyOnWriteArrayList<>();

  @BeforeAll
  void startGuideAndBrowser(@TempDir Path tmp) throws Exception {
    Browser.assumeAvailable();
    site = GuideSite.build(tmp);
    server = Browser.serve(site, GuideSite.PREFIX, requested::add);
    base = GuideSite.base(server);
    chrome = Browser.start(tmp.resolve("profile"), 1200, 900);
  }

  @AfterAll
  void stopGuideAndBrowser() {
    Browser.stop(chrome, server);
  }
}
