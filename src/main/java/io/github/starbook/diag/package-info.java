/**
 * Problems found in a guide: a {@link io.github.starbook.diag.Diagnostic} knows its file, line,
 * column, message and hint; nothing here depends on any other package.
 */
package io.github.starbook.diag;
