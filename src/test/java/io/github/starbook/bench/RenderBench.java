package io.github.starbook.bench;

import io.github.starbook.assemble.GuideAssembler;
import io.github.starbook.content.ContentLoader;
import io.github.starbook.diag.Diagnostics;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Output;
import io.github.starbook.render.PagePlanner;
import io.github.starbook.render.Templates;
import io.github.starbook.render.Theme;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of the per-page path, over the guide in the working directory (content/ and
 * templates/; bench/run --jmh runs it from the repository root): {@code assemble} is load + parse +
 * validate + Markdown rendering of the whole guide, {@code questionPage} renders one question page
 * through Pebble into memory, {@code listPage} renders one category list page. Not a test: surefire
 * never runs it, {@code mvn verify} only compiles it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBench {
  @Param("content")
  public String content;

  @Param("templates")
  public String templates;

  private Guide guide;
  private Output question;
  private Output category;
  private ContentLoader.Loaded loaded;
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 16);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path root = Path.of(content).toAbsolutePath();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("run from the repository root: no " + root);
    }
    loaded = new ContentLoader(root, content, new Diagnostics()).load();
    guide = new GuideAssembler(new Diagnostics(), false).assemble(loaded, null);
    List<Output> pages =
        new PagePlanner(
                guide, new Templates(new Theme(Path.of(templates).toAbsolutePath(), templates)))
            .plan();
    String q = guide.questions().get(0).url() + "index.html";
    String c = guide.categories().get(0).url() + "index.html";
    question = pages.stream().filter(o -> o.path().equals(q)).findFirst().orElseThrow();
    category = pages.stream().filter(o -> o.path().equals(c)).findFirst().orElseThrow();
  }

  @Benchmark
  public Guide assemble() {
    return new GuideAssembler(new Diagnostics(), false).assemble(loaded, null);
  }

  @Benchmark
  public int questionPage() throws Exception {
    sink.reset();
    question.producer().write(sink);
    return sink.size();
  }

  @Benchmark
  public int listPage() throws Exception {
    sink.reset();
    category.producer().write(sink);
    return sink.size();
  }
}
