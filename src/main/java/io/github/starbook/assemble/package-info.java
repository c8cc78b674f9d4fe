/**
 * Step 3, assemble the whole guide: files compiled over the cores, links between files and related
 * entries checked, everything ordered into a {@link io.github.starbook.model.Guide}; the serve
 * memo.
 */
package io.github.starbook.assemble;
