package org.w3id.fazhi.recognize;

import java.util.BitSet;
import java.util.regex.Matcher;

/**
 * The characters every match of a pattern starts with, to find its matches sooner. A pattern
 * searching a text tries all its branches at every place; most places of a report hold none of
 * the characters a match can start with, and a set look-up turns them away at once.
 */
final class MatchStarts {

    private final BitSet chars = new BitSet();

    /** @param chars every character a match of the pattern can start with */
    MatchStarts(String chars) {
        chars.chars().forEach(this.chars::set);
    }

    /**
     * Like {@code m.find(from)} on the whole text: the first match starting at or after
     * {@code from}, tried only where a match can start. The matcher holds it when true.
     */
    boolean find(Matcher m, String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.get(text.charAt(i)) && m.region(i, text.length()).lookingAt()) return true;
        }
        return false;
    }
}
