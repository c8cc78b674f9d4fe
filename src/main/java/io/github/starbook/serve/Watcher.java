package io.github.starbook.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells the preview which files changed under the watched folders: natively with
 * io.methvin:directory-watcher (inotify on Linux, FSEvents on macOS), or by comparing sizes and
 * modification times every {@code interval} with {@code --poll} (shared and VM folders, where
 * native events do not arrive).
 */
abstract class Watcher implements AutoCloseable {
  /** Receives changes: a file path, or null when only a rescan can tell (overflow, folders). */
  interface Sink {
    void changed(Path file);
  }

  /**
   * The files editors write beside the one being saved and then rename or delete: sed -i's {@code
   * sedXXXXXX}, vim's swap files ({@code .name.swp}, {@code .swx}, {@code .swo}…), its {@code 4913}
   * write test and {@code name~} backups, Emacs's {@code #name#} and {@code .#name}, JetBrains'
   * {@code name___jb_tmp___} and {@code name___jb_old___}, Kate's {@code .kate-swp} and GNOME's
   * {@code .goutputstream-XXXXXX}. A change to one of them starts no rebuild: the save itself is
   * seen as a change of the real file.
   */
  private static final Pattern EDITOR_TEMPORARY =
      Pattern.compile(
          "sed[A-Za-z0-9]{6}"
              + "|.*\\.sw[px]|\\..*\\.sw[a-o]"
              + "|.*~"
              + "|#.*#"
              + "|\\.#.*"
              + "|.*___jb_(?:tmp|old)___"
              + "|.*\\.kate-swp"
              + "|\\.goutputstream-.*");

  static boolean editorTemporary(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString();
    return EDITOR_TEMPORARY.matcher(n).matches() || vimWriteTest(n);
  }

  /** Vim's check that it may write in a folder: a file named 4913 (or 4913 + k × 123). */
  private static boolean vimWriteTest(String name) {
    if (name.isEmpty() || name.length() > 9 || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int n = Integer.parseInt(name);
    return n >= 4913 && (n - 4913) % 123 == 0;
  }

  static Watcher start(List<Path> roots, boolean poll, long pollMillis, Sink sink)
      throws IOException {
    Sink real =
        file -> {
          if (file == null || !editorTemporary(file)) {
            sink.changed(file);
          }
        };
    return poll ? new Polling(roots, pollMillis, real) : new Native(roots, real);
  }

  @Override
  public abstract void close();

  private static final class Native extends Watcher {
    private final DirectoryWatcher watcher;

    Native(List<Path> roots, Sink sink) throws IOException {
      this.watcher =
          DirectoryWatcher.builder()
              .paths(roots)
              .fileHashing(false)
              .listener(
                  e -> {
                    if (e.eventType() == DirectoryChangeEvent.EventType.OVERFLOW
                        || e.isDirectory()
                        || e.path() == null) {
                      sink.changed(null);
                    } else {
                      sink.changed(e.path());
                    }
                  })
              .build();
      watcher.watchAsync(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "starbook-watch");
                t.setDaemon(true);
                return t;
              }));
    }

    @Override
    public void close() {
      try {
        watcher.close();
      } catch (IOException e) {
        // closing a watcher that already failed: nothing left to release
      }
    }
  }

  private static final class Polling extends Watcher {
    private final List<Path> roots;
    private final Sink sink;
    private final ScheduledExecutorService timer;
    private Map<Path, List<Object>> last;

    Polling(List<Path> roots, long millis, Sink sink) {
      this.roots = roots;
      this.sink = sink;
      this.last = scan();
      this.timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "starbook-poll");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void poll() {
      Map<Path, List<Object>> now = scan();
      boolean folders = false;
      for (Map.Entry<Path, List<Object>> e : now.entrySet()) {
        if (!Objects.equals(e.getValue(), last.get(e.getKey()))) {
          if (e.getValue().get(0) == Boolean.TRUE) {
            folders = true;
          } else {
            sink.changed(e.getKey());
          }
        }
      }
      for (Path p : last.keySet()) {
        if (!now.containsKey(p)) {
          sink.changed(p);
        }
      }
      if (folders) {
        sink.changed(null);
      }
      last = now;
    }

    private Map<Path, List<Object>> scan() {
      Map<Path, List<Object>> seen = new HashMap<>();
      for (Path root : roots) {
        try (Stream<Path> s = Files.walk(root)) {
          s.forEach(
              p -> {
                try {
                  BasicFileAttributes a =
                      Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                  seen.put(
                      p,
                      a.isDirectory()
                          ? List.of(Boolean.TRUE)
                          : List.of(Boolean.FALSE, a.size(), a.lastModifiedTime()));
                } catch (IOException gone) {
                  // deleted while we looked: the next scan sees it as gone
                }
              });
        } catch (IOException | java.io.UncheckedIOException e) {
          // the folder is being replaced; the next scan finds it again
        }
      }
      return seen;
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
