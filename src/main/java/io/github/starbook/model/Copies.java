package io.github.starbook.model;

/**
 * A question's answer rendered for the places other than its page where it appears.
 *
 * @param booklet every section, for the print booklet ({@code all/}): ids prefixed, links
 *     re-pointed
 * @param card the key points (else the answer's first paragraph) on one line, for the flashcard on
 *     the study page
 * @param anki the answer, STAR parts and key points on one line with absolute links and no ids, for
 *     the Anki note's back
 */
public record Copies(String booklet, String card, String anki) {}
