/**
 * Step 1, read: the files of content/ (text decoding, front matter, YAML with line numbers,
 * site.yaml), checked for what can be checked without Markdown.
 */
package io.github.starbook.content;
