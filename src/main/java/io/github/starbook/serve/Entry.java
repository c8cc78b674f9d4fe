package io.github.starbook.serve;

import io.github.starbook.model.Output;
import io.github.starbook.render.PagePlanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * One file of the served site: produced when first asked for, then kept. A rebuild keeps the entry
 * of a page whose template and context did not change, so only changed pages are rendered again.
 */
final class Entry {
  final Output output;
  private byte[] bytes;

  Entry(Output output) {
    this.output = output;
  }

  synchronized byte[] bytes() throws IOException, Output.ProduceError {
    if (bytes == null) {
      ByteArrayOutputStream b = new ByteArrayOutputStream(16 * 1024);
      output.producer().write(b);
      bytes = b.toByteArray();
    }
    return bytes;
  }

  /** Whether {@code next} is the same page with the same input (so the same bytes). */
  boolean sameInput(Output next) {
    return output.producer() instanceof PagePlanner.Render a
        && next.producer() instanceof PagePlanner.Render b
        && a.template().equals(b.template())
        && a.context().equals(b.context());
  }
}
