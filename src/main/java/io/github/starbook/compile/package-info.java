/**
 * Step 2, compile one file on its own: Markdown parsed, sections split and checked (STAR), links
 * rewritten, the page HTML and the booklet, flashcard and Anki copies rendered.
 */
package io.github.starbook.compile;
