package io.github.starbook.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A SHA-256 over a folder's tree: every path (sorted) and every file's bytes. */
final class TreeHash {
  private TreeHash() {}

  static String of(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return "(absent)";
    }
    try (Stream<Path> s = Files.walk(root)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<Path> paths = s.sorted().toList();
      for (Path p : paths) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        md.update((rel + (dir ? "/" : "") + "\0").getBytes(StandardCharsets.UTF_8));
        if (!dir) {
          md.update(Files.readAllBytes(p));
          md.update((byte) 0);
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
