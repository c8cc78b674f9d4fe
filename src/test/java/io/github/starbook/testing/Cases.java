package io.github.starbook.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test cases built on a shared base: a suite folder (such as {@code src/test/resources/hostile/} or
 * {@code src/test/resources/invalid/}) holds the base in {@code _base/} and one folder per case. A
 * case holds only what differs from the base: its folders ({@code content/}, {@code templates/})
 * are laid over the base's, file by file; its {@code setup.txt} then makes, at run time, the files
 * git cannot hold well (raw bytes, huge inputs, symlinks, FIFOs, unreadable files) or deletes a
 * base file; its {@code expected.txt} is read by the test. One command a line of {@code setup.txt},
 * paths relative to the case's working folder:
 *
 * <pre>
 * write PATH TEXT          create PATH with TEXT (escapes: \n \r \t \\ \xNN raw byte, \\uXXXX)
 * append PATH TEXT         add TEXT at the end of PATH
 * repeat PATH COUNT TEXT   add TEXT COUNT times at the end of PATH
 * mkdir PATH               create a folder
 * symlink PATH TARGET      create a symbolic link (TARGET relative to the working folder)
 * fifo PATH                create a named pipe
 * unreadable PATH          take away every permission of PATH
 * delete PATH              remove a file of the base content
 * </pre>
 */
public final class Cases {
  private Cases() {}

  /** The base every case of a suite starts from. */
  public static final String BASE = "_base";

  /** The cases of {@code suite}: its folders, sorted, except those starting with '_'. */
  public static Stream<String> names(Path suite) throws IOException {
    try (Stream<Path> s = Files.list(suite)) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /**
   * Lays case {@code name} of {@code suite} out in {@code dir}, over what {@code dir} already holds
   * (for instance the project's templates): the folders of {@code _base/}, then the case's folders
   * over them, then its {@code setup.txt}. Whether the setup made a file unreadable (root can read
   * it anyway).
   */
  public static boolean layOut(Path suite, String name, Path dir)
      throws IOException, InterruptedException {
    Path src = suite.resolve(name);
    for (Path layer : List.of(suite.resolve(BASE), src)) {
      try (Stream<Path> s = Files.list(layer)) {
        for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
          Trees.copy(folder, dir.resolve(folder.getFileName().toString()));
        }
      }
    }
    Path setup = src.resolve("setup.txt");
    return Files.exists(setup) && apply(Files.readAllLines(setup, StandardCharsets.UTF_8), dir);
  }

  /** Whether the setup made a file unreadable (root can read it anyway). */
  private static boolean apply(List<String> spec, Path root)
      throws IOException, InterruptedException {
    boolean unreadable = false;
    for (String raw : spec) {
      String line = raw;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] w = line.split(" ", 2);
      String cmd = w[0];
      String rest = w.length > 1 ? w[1] : "";
      String[] a = rest.split(" ", cmd.equals("repeat") ? 3 : 2);
      Path p = root.resolve(a[0]);
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      switch (cmd) {
        case "write" -> Files.write(p, bytes(a.length > 1 ? a[1] : ""));
        case "append" ->
            Files.write(p, bytes(a[1]), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        case "repeat" -> {
          byte[] unit = bytes(a[2]);
          int n = Integer.parseInt(a[1]);
          try (OutputStream os =
              new java.io.BufferedOutputStream(
                  Files.newOutputStream(p, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                  1 << 16)) {
            for (int i = 0; i < n; i++) {
              os.write(unit);
            }
          }
        }
        case "mkdir" -> Files.createDirectories(p);
        case "symlink" -> Files.createSymbolicLink(p, root.resolve(a[1]));
        case "fifo" -> {
          Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
          if (pr.waitFor() != 0) {
            throw new IOException("mkfifo failed for " + p);
          }
        }
        case "unreadable" -> {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
          unreadable = true;
        }
        case "delete" -> Files.delete(p);
        default -> throw new IllegalArgumentException("unknown setup command: " + line);
      }
    }
    return unreadable;
  }

  /** TEXT with its escapes turned into bytes (UTF-8 for characters, raw for \xNN). */
  private static byte[] bytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder chars = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        chars.append(c);
        continue;
      }
      char e = text.charAt(++i);
      switch (e) {
        case 'n' -> chars.append('\n');
        case 'r' -> chars.append('\r');
        case 't' -> chars.append('\t');
        case '\\' -> chars.append('\\');
        case 'u' -> {
          chars.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'x' -> {
          out.writeBytes(chars.toString().getBytes(StandardCharsets.UTF_8));
          chars.setLength(0);
          out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + text);
      }
    }
    out.writeBytes(chars.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
