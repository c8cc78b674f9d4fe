package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.starbook.init.Starter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The workflows: this repository's Pages workflow builds with the launcher, the one {@code init}
 * writes with the pinned release jar, both with the official Pages actions at their current major
 * versions and --strict; the release workflow tests, then attaches the jar and its SHA-256.
 */
class WorkflowTest {
  static final List<String> PAGES_ACTIONS =
      List.of(
          "actions/checkout@v6",
          "actions/setup-java@v5",
          "actions/configure-pages@v5",
          "actions/upload-pages-artifact@v4");

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> steps(Map<String, Object> wf, String job) {
    Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
    return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
  }

  static List<Object> uses(List<Map<String, Object>> steps) {
    return steps.stream().map(s -> s.get("uses")).filter(u -> u != null).toList();
  }

  static String runs(List<Map<String, Object>> steps) {
    return String.join(
        "\n", steps.stream().map(s -> (String) s.get("run")).filter(r -> r != null).toList());
  }

  @Test
  void theWorkflowInitWritesPinsTheReleaseAndUsesTheSameActions() throws Exception {
    Map<String, String> files =
        Starter.files(
            new Starter.Choices("T", "https://x.github.io/g/", null, "9.8.7", "ab12".repeat(16)));
    Map<String, Object> wf = load(files.get(".github/workflows/pages.yml"));
    List<Map<String, Object>> build = steps(wf, "build");
    assertEquals(PAGES_ACTIONS, uses(build));
    assertEquals("actions/deploy-pages@v5", uses(steps(wf, "deploy")).get(0));
    Map<String, Object> env = (Map<String, Object>) wf.get("env");
    assertEquals("9.8.7", env.get("STARBOOK_VERSION"));
    assertEquals("ab12".repeat(16), env.get("STARBOOK_SHA256"));
    String run = runs(build);
    assertTrue(
        run.contains("/releases/download/v${STARBOOK_VERSION}/starbook-${STARBOOK_VERSION}.jar"),
        run);
    assertTrue(run.contains("sha256sum --check --strict"), run);
    assertTrue(run.contains("java -jar starbook.jar build --strict --base-url"), run);
  }

  @Test
  void theReleaseWorkflowTestsThenAttachesTheJarAndItsChecksum() throws Exception {
    Map<String, Object> wf = load(Files.readString(Path.of(".github/workflows/release.yml")));
    Map<String, Object> on = (Map<String, Object>) wf.get(Boolean.TRUE); // YAML 1.1: on → true
    assertEquals(List.of("v*"), ((Map<String, Object>) on.get("push")).get("tags"));
    String run = runs(steps(wf, "release"));
    assertTrue(run.indexOf("bash .ci/run") < run.indexOf("package"), "tests before the jar");
    assertTrue(run.contains("sha256sum \"starbook-$VERSION.jar\""), run);
    assertTrue(run.contains("gh release create"), run);
    assertTrue(run.contains("target/starbook-$VERSION.jar.sha256"), run);
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagesWorkflowUsesTheLauncherAndTheOfficialActions() throws IOException {
    String text = Files.readString(Path.of(".github/workflows/pages.yml"));
    Map<String, Object> wf = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
    List<Map<String, Object>> build =
        (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("build")).get("steps");
    List<Object> uses = build.stream().map(s -> s.get("uses")).filter(u -> u != null).toList();
    assertEquals(
        List.of(
            "actions/checkout@v6",
            "actions/setup-java@v5",
            "actions/configure-pages@v5",
            "actions/upload-pages-artifact@v4"),
        uses);
    Map<String, Object> java = (Map<String, Object>) build.get(1).get("with");
    assertEquals("17", java.get("java-version"));
    assertEquals("maven", java.get("cache"));
    String run =
        (String)
            build.stream().filter(s -> s.get("run") != null).findFirst().orElseThrow().get("run");
    assertTrue(run.startsWith("./starbook build "), run);
    assertTrue(run.contains("--base-url \"${{ steps.pages.outputs.base_url }}/\""), run);
    assertEquals("site", ((Map<String, Object>) build.get(4).get("with")).get("path"));
    List<Map<String, Object>> deploy =
        (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("deploy")).get("steps");
    assertEquals("actions/deploy-pages@v5", deploy.get(0).get("uses"));
    Map<String, Object> perms = (Map<String, Object>) wf.get("permissions");
    assertEquals("write", perms.get("pages"));
    assertEquals("write", perms.get("id-token"));
  }
}
