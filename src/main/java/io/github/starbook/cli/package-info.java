/**
 * The command line (picocli): build, check, new, serve; {@link io.github.starbook.cli.Main} takes
 * its streams and returns an exit code.
 */
package io.github.starbook.cli;
