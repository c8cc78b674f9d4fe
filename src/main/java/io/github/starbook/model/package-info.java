/**
 * The guide as records (site, categories, questions, pages), the section kinds and difficulties,
 * and where things go in the built site ({@link io.github.starbook.model.Layout}).
 */
package io.github.starbook.model;
