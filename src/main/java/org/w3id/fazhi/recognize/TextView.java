package org.w3id.fazhi.recognize;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import java.util.List;

/**
 * The text recognisers read: the cleaned body with traditional characters turned simplified and
 * full-width digits, letters and signs turned half-width, one character for one, so an offset in
 * the view is the same offset in the original and every quote is cut from the original.
 *
 * <p>Reports from Hong Kong-facing mirrors and older county sites come in traditional characters
 * (項, 個, 場次); the scheme, the gazetteer and the unit list are simplified.
 */
public final class TextView {

    private final String original;
    private final String view;

    private TextView(String original, String view) {
        this.original = original;
        this.view = view;
    }

    public static TextView of(String original) {
        return new TextView(original, normalize(original));
    }

    /** The normalised text, the same length as {@link #original()}. */
    public String text() { return view; }

    public String original() { return original; }

    /** A quote from the original text. */
    public String quote(int start, int end) { return original.substring(start, end); }

    public int length() { return view.length(); }

    /** Normalises a string the way the view does; for labels that must match the view. */
    public static String normalize(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = normalize(s.charAt(i));
        return new String(out);
    }

    private static char normalize(char c) {
        if (c >= '０' && c <= '９') return (char) ('0' + (c - '０'));
        if (c >= 'Ａ' && c <= 'Ｚ') return (char) ('A' + (c - 'Ａ'));
        if (c >= 'ａ' && c <= 'ｚ') return (char) ('a' + (c - 'ａ'));
        switch (c) {
            case '％': return '%';
            case '．': return '.';
            case '（': return '(';
            case '）': return ')';
            case '＋': return '+';
            case '∶': return ':';
            case '：': return ':';
            case '\u3000': return ' ';
            case '\u00a0': return ' ';
            default: break;
        }
        if (c < 0x3400 || Character.isSurrogate(c)) return c;
        char known = SIMPLIFIED[c];
        if (known != 0) return known;
        char simple = c;
        if (ZhConverterUtil.isTraditional(c)) {
            List<String> forms = ZhConverterUtil.toSimple(c);
            if (forms != null && !forms.isEmpty() && forms.get(0).length() == 1) simple = forms.get(0).charAt(0);
        }
        // A benign race: every thread computes the same character.
        SIMPLIFIED[c] = simple;
        return simple;
    }

    /** Characters already looked up, 0 where not yet; the converter is slow per character. */
    private static final char[] SIMPLIFIED = new char[Character.MAX_VALUE + 1];
}
