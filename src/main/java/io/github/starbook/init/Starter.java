package io.github.starbook.init;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new guide: the starter files (on the class path under {@code starter/}) with the author's title
 * and addresses filled in. Nothing here writes; {@link io.github.starbook.cli} does.
 */
public final class Starter {
  /** Where starbook is published: its releases and its README. */
  public static final String PROJECT = "https://github.com/starbook/starbook";

  /** Starter file on the class path → where it goes in the new guide. */
  static final Map<String, String> FILES = files();

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String f :
        List.of(
            "content/site.yaml",
            "content/_index.md",
            "content/basics/_index.md",
            "content/basics/code-review.md",
            "content/basics/disagreed-with-a-decision.md",
            "content/pages/how-to-prepare.md",
            "README.md")) {
      files.put(f, f);
    }
    // Maven leaves dot files out of resources, so these are stored without their dot.
    files.put("gitignore", ".gitignore");
    files.put("github/workflows/pages.yml", ".github/workflows/pages.yml");
    return java.util.Collections.unmodifiableMap(files);
  }

  /** What the author told {@code starbook init}, and the release the workflow pins. */
  public record Choices(String title, String baseUrl, String repo, String version, String sha256) {}

  private Starter() {}

  /** Every file of the new guide: its path inside the guide folder and its text. */
  public static Map<String, String> files(Choices c) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : FILES.entrySet()) {
      try (InputStream in = Starter.class.getResourceAsStream("/starter/" + e.getKey())) {
        if (in == null) {
          throw new IOException("starter file missing from starbook: " + e.getKey());
        }
        out.put(e.getValue(), fill(new String(in.readAllBytes(), StandardCharsets.UTF_8), c));
      }
    }
    return out;
  }

  private static String fill(String text, Choices c) {
    String repo =
        c.repo() == null
            ? "# repo: \"https://github.com/you/guide\"   # adds an \"Edit this page\" link"
            : "repo: \"" + c.repo() + "\"\neditBranch: main";
    return text.replace("@TITLE@", c.title().replace("\\", "\\\\").replace("\"", "\\\""))
        .replace("@BASE_URL@", c.baseUrl())
        .replace("@REPO@", repo)
        .replace("@VERSION@", c.version())
        .replace("@SHA256@", c.sha256())
        .replace("@RELEASES@", PROJECT + "/releases")
        .replace("@STARBOOK@", PROJECT);
  }

  /**
   * The published address: {@code --base-url}, else GitHub Pages' address of {@code --repo}
   * (https://github.com/OWNER/NAME → https://OWNER.github.io/NAME/), else a placeholder.
   */
  public static String baseUrl(String baseUrl, String repo, String folderName) {
    if (baseUrl != null) {
      return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }
    if (repo != null && repo.matches("https://github\\.com/[\\w.-]+/[\\w.-]+/?")) {
      String[] parts = URI.create(repo).getPath().split("/");
      return "https://" + parts[1].toLowerCase() + ".github.io/" + parts[2] + "/";
    }
    String name = folderName.toLowerCase().replaceAll("[^a-z0-9-]+", "-").replaceAll("^-|-$", "");
    return "https://example.github.io/" + (name.isEmpty() ? "guide" : name) + "/";
  }

  /**
   * The SHA-256 of the jar this runs from when it is a release jar ({@code starbook-VERSION.jar}),
   * which is what the new guide's workflow will download; else null.
   */
  public static String releaseJarSha256(String version) {
    CodeSource source = Starter.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null;
    }
    try {
      Path jar = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(jar)
          || !jar.getFileName().toString().equals("starbook-" + version + ".jar")) {
        return null; // run from classes or the thin jar: there is no release to pin
      }
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(jar)));
    } catch (URISyntaxException | IOException | NoSuchAlgorithmException e) {
      return null;
    }
  }
}
