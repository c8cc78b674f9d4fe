package io.github.starbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The publishing workflow builds with the launcher and deploys with the official Pages actions. */
class WorkflowTest {
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
            "actions/checkout@v4",
            "actions/setup-java@v4",
            "actions/configure-pages@v5",
            "actions/upload-pages-artifact@v3"),
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
    assertEquals("actions/deploy-pages@v4", deploy.get(0).get("uses"));
    Map<String, Object> perms = (Map<String, Object>) wf.get("permissions");
    assertEquals("write", perms.get("pages"));
    assertEquals("write", perms.get("id-token"));
  }
}
