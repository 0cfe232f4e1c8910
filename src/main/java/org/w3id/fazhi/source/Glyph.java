package org.w3id.fazhi.source;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * One character as a PDF prints it: its text and its box on the page, in PDF units from the top
 * left (x to the right, the baseline downwards).
 *
 * <p>A printed line's text is made from its glyphs here rather than by PDFBox, because the two
 * decide a space differently. PDFBox inserts one wherever two glyphs stand further apart than a
 * fraction of a space, which in an office suite's Chinese text is at every change between Han and
 * a digit or a Latin letter: Word, WPS and LibreOffice all set a little extra room there ("space
 * between Asian and Latin text", a quarter em or so) without any space character, and a reader
 * copying the text gets none. So: a space the document holds is a glyph of its own and is kept; a
 * space is added only where the page shows one, a gap wider than a Latin space between Latin
 * letters or digits, and wider than half an em beyond the line's usual spacing next to a Han
 * character or Chinese punctuation. Characters are kept as printed (full-width and half-width
 * forms alike); only presentation forms that stand for ordinary characters (ligatures, the Kangxi
 * radicals some fonts map Han characters to) are read as those.
 *
 * @param text     the character(s) the glyph stands for
 * @param left     where its box starts
 * @param right    where its box ends
 * @param baseline the baseline it stands on
 * @param size     the font size it is printed in, in points
 */
record Glyph(String text, float left, float right, float baseline, float size) {
    /** Between Latin letters and digits, a gap this wide (in ems) is a space: narrower than any font's space. */
    static final float LATIN_SPACE = 0.15f;
    /**
     * Next to a Han character or Chinese punctuation, a gap this much wider (in ems) than the line's
     * usual spacing is a space: twice the room offices add between Han and Latin text.
     */
    static final float WIDE_SPACE = 0.6f;

    static Glyph of(TextPosition p) {
        return new Glyph(p.getUnicode() == null ? "" : p.getUnicode(), p.getXDirAdj(), p.getXDirAdj() + p.getWidthDirAdj(),
                p.getYDirAdj(), p.getFontSizeInPt());
    }

    float width() {
        return right - left;
    }

    /** A space the document holds (an ideographic space is a character of its own and is kept as printed). */
    boolean isBlank() {
        return !text.isEmpty() && text.chars().allMatch(c -> c == ' ' || c == '\t' || c == 0xA0 || c >= 0x2000 && c <= 0x200B);
    }

    /** Latin script, digits and ASCII punctuation: set with a Latin font's spaces, no extra room between them. */
    boolean isLatin() {
        if (text.isEmpty()) return false;
        int c = text.codePointAt(0);
        return c < 0x2000 && Character.getType(c) != Character.OTHER_SYMBOL;
    }

    /**
     * The text of glyphs printed on one line, left to right. A space the line ends with is kept (one):
     * where a line was broken at a space, office suites print it at the end of the line, and the
     * joined paragraph needs it back.
     */
    static String text(List<Glyph> line) {
        float tracking = tracking(line);
        StringBuilder out = new StringBuilder();
        Glyph previous = null;
        for (Glyph g : line) {
            if (g.text.isEmpty()) continue;
            if (g.isBlank()) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
                previous = null;
                continue;
            }
            if (previous != null && spaceBetween(previous, g, tracking)) out.append(' ');
            out.append(readable(g.text));
            previous = g;
        }
        int start = 0;
        while (start < out.length() && out.charAt(start) == ' ') start++;
        return out.substring(start);
    }

    private static boolean spaceBetween(Glyph a, Glyph b, float tracking) {
        float gap = b.left - a.right, em = Math.max(a.size, b.size);
        if (em <= 0) return false;
        if (a.isLatin() && b.isLatin()) return gap > LATIN_SPACE * em;
        return gap > Math.max(0, tracking) + WIDE_SPACE * em;
    }

    /**
     * The usual gap between two neighbouring non-Latin glyphs of a line: justified Chinese lines
     * spread their characters evenly, and that spread is not a space.
     */
    private static float tracking(List<Glyph> line) {
        List<Float> gaps = new ArrayList<>();
        for (int i = 1; i < line.size(); i++) {
            Glyph a = line.get(i - 1), b = line.get(i);
            if (!a.isLatin() && !b.isLatin() && !a.isBlank() && !b.isBlank()) gaps.add(b.left - a.right);
        }
        if (gaps.size() < 2) return 0;
        float[] sorted = new float[gaps.size()];
        for (int i = 0; i < sorted.length; i++) sorted[i] = gaps.get(i);
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Presentation forms read as the characters they stand for: ligatures and Arabic forms (as PDFBox
     * reads them), Kangxi and supplementary radicals, and CJK compatibility ideographs. Full-width
     * and half-width forms are left as printed.
     */
    static String readable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xFB00 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF || c >= 0x2E80 && c <= 0x2FDF || c >= 0xF900 && c <= 0xFAFF) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }
}
