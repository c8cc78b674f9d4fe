package io.github.starbook.output;

import io.github.starbook.diag.Diagnostic;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Output;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Writes the site into a temporary folder beside the output folder and swaps it in only when every
 * file was written: a failed or interrupted build leaves the previous site as it was.
 */
public final class SiteWriter {
  /** The file every starbook site has; an existing output folder without it is never replaced. */
  public static final String MARKER = ".nojekyll";

  private SiteWriter() {}

  /** Writes all outputs; returns true when the new site is in place. */
  public static boolean write(
      Path out, String display, List<Output> outputs, Diagnostics diagnostics, IntConsumer progress)
      throws IOException {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      diagnostics.error(
          display, 1, 1, "output path exists and is not a folder", "choose another --out");
      return false;
    }
    if (Files.isDirectory(target) && !isEmpty(target) && !Files.exists(target.resolve(MARKER))) {
      diagnostics.error(
          display,
          1,
          1,
          "refusing to replace a folder that starbook did not build (it has no " + MARKER + ")",
          "choose another --out, or empty the folder first");
      return false;
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
    boolean ok = false;
    try {
      AtomicInteger done = new AtomicInteger();
      outputs.parallelStream()
          .forEach(
              o -> {
                if (Thread.currentThread().isInterrupted()) {
                  diagnostics.error(display, 1, 1, "build interrupted", "run the build again");
                  return;
                }
                Path file = tmp.resolve(o.path());
                try {
                  Files.createDirectories(file.getParent());
                  try (OutputStream os =
                      new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                    o.producer().write(os);
                  }
                } catch (Output.ProduceError e) {
                  diagnostics.add(e.diagnostic());
                } catch (IOException e) {
                  diagnostics.add(
                      Diagnostic.error(
                          display + "/" + o.path(),
                          1,
                          1,
                          "cannot write file: " + e.getMessage(),
                          "check disk space and permissions"));
                }
                progress.accept(done.incrementAndGet());
              });
      if (diagnostics.hasErrors(false)) {
        return false;
      }
      swap(tmp, target);
      ok = true;
      return true;
    } finally {
      if (!ok) {
        deleteTree(tmp);
      }
    }
  }

  private static void swap(Path fresh, Path target) throws IOException {
    if (!Files.exists(target)) {
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
    Files.delete(old);
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteTree(old);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
