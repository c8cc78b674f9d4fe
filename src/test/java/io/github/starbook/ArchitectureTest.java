package io.github.starbook;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph, pinned: each step of the pipeline depends only on the steps before it and on
 * {@code model} and {@code diag} at the bottom; {@code serve} and {@code cli} sit on top. See
 * docs/architecture.md.
 */
class ArchitectureTest {
  static final String[] STEPS = {
    "diag",
    "model",
    "content",
    "compile",
    "assemble",
    "render",
    "output",
    "pipeline",
    "init",
    "answers",
    "serve",
    "cli"
  };

  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.starbook");
  }

  @Test
  void stepsDependOnlyDownward() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String step : STEPS) {
      String pkg =
          step.equals("pipeline") ? "io.github.starbook" : "io.github.starbook." + step + "..";
      layers = layers.layer(step).definedBy(pkg);
    }
    layers = layers.whereLayer("diag").mayNotAccessAnyLayer();
    for (int i = 1; i < STEPS.length; i++) {
      String[] below = java.util.Arrays.copyOfRange(STEPS, 0, i);
      layers = layers.whereLayer(STEPS[i]).mayOnlyAccessLayers(below);
    }
    layers.check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.github.starbook.(*)..").should().beFreeOfCycles().check(classes);
  }
}
