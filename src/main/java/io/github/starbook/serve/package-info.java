/**
 * starbook serve: the live-preview server, the file watcher and incremental rebuilds through {@link
 * io.github.starbook.Build}.
 */
package io.github.starbook.serve;
