package io.github.starbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.github.starbook.testing.Run;
import java.nio.file.Path;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The real guide built into a temp folder, served under a sub-path, and waits that read well. */
public final class GuideSite {
  public static final String PREFIX = "guide";

  private GuideSite() {}

  /** Builds content/ with the project's templates into {@code tmp/site}. */
  public static Path build(Path tmp) {
    Path site = tmp.resolve("site");
    Run r = Run.build(tmp, Path.of("content").toAbsolutePath(), site);
    assertEquals(0, r.exit(), r.toString());
    return site;
  }

  public static String base(HttpServer server) {
    return Browser.baseUrl(server, PREFIX);
  }

  /** Waits up to 15 s for a JavaScript condition to be truthy. */
  public static void until(WebDriver driver, String script) {
    new WebDriverWait(driver, java.time.Duration.ofSeconds(15))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return !!(" + script + ");")));
  }

  public static Object js(WebDriver driver, String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}
