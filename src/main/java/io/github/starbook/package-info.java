/**
 * starbook: a study-guide generator. {@link io.github.starbook.Build} runs the pipeline, one
 * package per step: content, compile, assemble, render, output.
 */
package io.github.starbook;
