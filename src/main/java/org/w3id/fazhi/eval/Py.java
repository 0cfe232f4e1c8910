package org.w3id.fazhi.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;

/** The few Python built-ins score.py relies on, with CPython's exact semantics. */
final class Py {
    private Py() {}

    /** str.isspace(): the 29 code points CPython treats as whitespace. */
    static boolean isSpace(int cp) {
        return cp >= 0x09 && cp <= 0x0d || cp >= 0x1c && cp <= 0x20 || cp == 0x85 || cp == 0xa0
                || cp == 0x1680 || cp >= 0x2000 && cp <= 0x200a || cp == 0x2028 || cp == 0x2029
                || cp == 0x202f || cp == 0x205f || cp == 0x3000;
    }

    /** str.strip() with no arguments. */
    static String strip(String s) {
        int[] cps = s.codePoints().toArray();
        int lo = 0, hi = cps.length;
        while (lo < hi && isSpace(cps[lo])) lo++;
        while (hi > lo && isSpace(cps[hi - 1])) hi--;
        return new String(cps, lo, hi - lo);
    }

    /** Python truthiness of a JSON value (missing counts as None). */
    static boolean truthy(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return false;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.bigIntegerValue().signum() != 0;
        if (n.isNumber()) return n.doubleValue() != 0.0;
        if (n.isTextual()) return !n.textValue().isEmpty();
        return n.size() > 0;
    }

    /** {@code x or default}: the string when it is a truthy string, the default when falsy, else the node itself. */
    static Object or(JsonNode n, String dflt) {
        if (!truthy(n)) return dflt;
        return n.isTextual() ? n.textValue() : n;
    }

    private static final Pattern FLOAT =
            Pattern.compile("[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|(?i:inf|infinity|nan))");

    /** float(s) for a str; null where Python raises ValueError. */
    static Double toFloat(String s) {
        if (s == null) return null; // float(None): TypeError
        StringBuilder t = new StringBuilder();
        for (int cp : s.codePoints().toArray()) { // _PyUnicode_TransformDecimalAndSpaceToASCII
            if (cp < 127) t.append((char) cp);
            else if (isSpace(cp)) t.append(' ');
            else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) t.append((char) ('0' + Character.digit(cp, 10)));
            else return null;
        }
        for (int i = 0; i < t.length(); i++) { // underscores only between digits
            if (t.charAt(i) == '_' && !(i > 0 && isDigit(t.charAt(i - 1)) && i + 1 < t.length() && isDigit(t.charAt(i + 1))))
                return null;
        }
        String u = t.toString().replace("_", "").replaceAll("^[ \\t\\n\\x0B\\f\\r]+|[ \\t\\n\\x0B\\f\\r]+$", "");
        if (!FLOAT.matcher(u).matches()) return null;
        String w = u.toLowerCase();
        if (w.endsWith("nan")) return Double.NaN;
        if (w.endsWith("inf") || w.endsWith("infinity")) return w.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return Double.parseDouble(u);
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** float(x) for a JSON value; null where Python raises TypeError or ValueError. */
    static Double toFloat(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isBoolean()) return n.booleanValue() ? 1.0 : 0.0;
        if (n.isNumber()) return n.doubleValue();
        if (n.isTextual()) return toFloat(n.textValue());
        return null;
    }

    /** round(x, 4) for a float: correctly rounded, ties to even. */
    static double round4(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        return Math.copySign(new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).doubleValue(), x);
    }

    /** repr(float) / str(float): shortest round-tripping digits, CPython's layout. */
    static String repr(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return 1 / x < 0 ? "-0.0" : "0.0";
        double ax = Math.abs(x);
        BigDecimal exact = new BigDecimal(ax), best = null;
        for (int p = 1; best == null; p++) {
            BigDecimal lo = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean okLo = lo.doubleValue() == ax, okHi = hi.doubleValue() == ax;
            if (okLo && okHi) best = exact.round(new MathContext(p, RoundingMode.HALF_EVEN)); // nearest, ties to even
            else if (okLo) best = lo;
            else if (okHi) best = hi;
        }
        best = best.stripTrailingZeros();
        String digits = best.unscaledValue().toString();
        int decpt = digits.length() - best.scale(); // x = 0.DIGITS * 10^decpt
        StringBuilder s = new StringBuilder(x < 0 ? "-" : "");
        if (decpt <= -4 || decpt > 16) {
            s.append(digits.charAt(0));
            if (digits.length() > 1) s.append('.').append(digits, 1, digits.length());
            int e = decpt - 1;
            s.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e) < 10 ? "0" : "").append(Math.abs(e));
        } else if (decpt <= 0) {
            s.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            s.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
        } else {
            s.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return s.toString();
    }

    /** str(x) for a JSON value as json.loads would have built it. */
    static String str(JsonNode n) {
        return n.isTextual() ? n.textValue() : repr(n);
    }

    /** repr(x) for a JSON value: None, True, 12, 1.5, 'text', [..], {..}. */
    static String repr(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return "None";
        if (n.isBoolean()) return n.booleanValue() ? "True" : "False";
        if (n.isIntegralNumber()) return n.bigIntegerValue().toString();
        if (n.isNumber()) return repr(n.doubleValue());
        if (n.isTextual()) return repr(n.textValue());
        StringBuilder s = new StringBuilder(n.isArray() ? "[" : "{");
        if (n.isArray()) {
            for (JsonNode v : n) s.append(s.length() > 1 ? ", " : "").append(repr(v));
        } else {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                s.append(s.length() > 1 ? ", " : "").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
            }
        }
        return s.append(n.isArray() ? "]" : "}").toString();
    }

    /** repr(str): single quotes unless the text has ' and no ", escapes for the unprintable. */
    static String repr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        s.codePoints().forEach(cp -> {
            if (cp == q || cp == '\\') b.append('\\').append((char) cp);
            else if (cp == '\t') b.append("\\t");
            else if (cp == '\n') b.append("\\n");
            else if (cp == '\r') b.append("\\r");
            else if (cp == ' ' || cp > ' ' && cp < 0x7f || cp > 0x7f && printable(cp)) b.appendCodePoint(cp);
            else if (cp <= 0xff) b.append(String.format("\\x%02x", cp));
            else if (cp <= 0xffff) b.append(String.format("\\u%04x", cp));
            else b.append(String.format("\\U%08x", cp));
        });
        return b.append(q).toString();
    }

    private static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Python's ordering of str: by code point, not by UTF-16 unit. */
    static final Comparator<String> CODE_POINT_ORDER =
            (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    static int[] codePoints(String s) { return s.codePoints().toArray(); }
}
