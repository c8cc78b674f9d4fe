package io.github.starbook.model;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One file of the site: where it goes, which source it comes from (for collision messages), and how
 * to write it. Producers run at write time, so rendered pages never pile up in memory.
 */
public record Output(String path, String source, Producer producer) {

  /** Writes the file's bytes. */
  @FunctionalInterface
  public interface Producer {
    void write(OutputStream out) throws IOException, ProduceError;
  }

  /** A producer failed with a diagnostic (e.g. a template error). */
  public static final class ProduceError extends Exception {
    private final transient io.github.starbook.diag.Diagnostic diagnostic;

    public ProduceError(io.github.starbook.diag.Diagnostic d) {
      super(d.format(), null, false, false);
      this.diagnostic = d;
    }

    public io.github.starbook.diag.Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  public static Output bytes(String path, String source, byte[] data) {
    return new Output(path, source, out -> out.write(data));
  }
}
