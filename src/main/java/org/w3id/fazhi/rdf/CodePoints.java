package org.w3id.fazhi.rdf;

/**
 * Offsets in code points, as the Web Annotation model and RFC 5147 count them, from the UTF-16
 * indexes Java strings use. The two differ after the first character outside the Basic
 * Multilingual Plane (rare CJK extension characters, some names): a table is built only then.
 */
final class CodePoints {

    private final int[] before;

    private CodePoints(int[] before) { this.before = before; }

    static CodePoints of(String text) {
        if (text.codePointCount(0, text.length()) == text.length()) return new CodePoints(null);
        int[] before = new int[text.length() + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i++) {
            before[i] = cp;
            if (!Character.isLowSurrogate(text.charAt(i))) cp++;
        }
        before[text.length()] = cp;
        return new CodePoints(before);
    }

    /** The code point offset of a UTF-16 index. */
    int at(int utf16) { return before == null ? utf16 : before[utf16]; }
}
