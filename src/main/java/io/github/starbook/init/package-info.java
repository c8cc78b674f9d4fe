/** starbook init: the files of a new guide, filled in with the author's choices. */
package io.github.starbook.init;
