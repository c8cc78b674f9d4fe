package io.github.starbook.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folder helpers for tests: copy a fixture, compare two trees byte for byte. */
public final class Trees {
  private Trees() {}

  /**
   * Copies the folder {@code from} (files and sub-folders) into {@code to}, replacing files that
   * exist there, so a second copy lays one tree over another.
   */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The text of every file under a folder, in path order, one after the other (UTF-8). */
  public static String readAll(Path root) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        sb.append(Files.readString(p)).append('\n');
      }
    }
    return sb.toString();
  }

  /** The SHA-256 of one file, in lower-case hex. */
  public static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every path under {@code root}, sorted, with the SHA-256 of its bytes: files by their relative
   * path ({@code /} separators), folders by their path and a trailing {@code /} (so an added empty
   * folder counts). Links are not followed as folders. Two trees are byte-identical when their maps
   * are equal, and a failed assertion names the paths that differ. A missing {@code root} gives
   * {@code {.=(absent)}}.
   */
  public static Map<String, String> hash(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return Map.of(".", "(absent)");
    }
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.isEmpty()) {
          continue;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          out.put(rel + "/", "(folder)");
        } else {
          out.put(rel, sha256(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
