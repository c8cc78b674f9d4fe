/**
 * {@code starbook import-answers}: the reader's own answers, exported from study mode as {@code
 * starbook-answers.json}, turned into content files of a guide of their own.
 */
package io.github.starbook.answers;
