/**
 * Step 4, render pages through Pebble: the page plans (home, categories, questions, tags, booklet,
 * 404) and the confined template loader.
 */
package io.github.starbook.render;
