/**
 * Step 5, output: the files beside the pages (search data and page, study page and Anki deck,
 * sitemap, robots, assets) and the writer that swaps the finished site into place.
 */
package io.github.starbook.output;
