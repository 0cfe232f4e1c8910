package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.Numerals;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates as reports and their pages print them: {@code 2023年1月30日}, {@code 2023-01-30},
 * {@code 2023.1.30}, {@code 25.02.2016} (day first, as some aggregators print it) and, in a
 * document's signature, Chinese numerals: {@code 二〇二一年一月二十日}.
 */
public final class DateText {

    /** A date found in a string, and where. */
    public record Found(LocalDate date, int start, int end) {}

    private static final Pattern ARABIC = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d\\d)\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?:\\s*日)?(?!\\d)");
    private static final Pattern DAY_FIRST = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d\\d)(?![\\d.])");
    private static final String CN = "[〇零○Ｏ一二三四五六七八九]";
    private static final Pattern CHINESE = Pattern.compile(
            "(" + CN + "{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日");
    /** What may stand around a date that is a line of its own: spaces and brackets. */
    private static final Pattern FRAME = Pattern.compile("[\\s()（）\\[\\]【】]*");

    private DateText() {}

    /** Every date in the string, in order. */
    public static List<Found> find(String s) {
        List<Found> out = new ArrayList<>();
        for (Pattern p : List.of(ARABIC, CHINESE, DAY_FIRST)) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                LocalDate d = date(p, m);
                if (d != null && out.stream().noneMatch(f -> f.start() < m.end() && m.start() < f.end())) {
                    out.add(new Found(d, m.start(), m.end()));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** The date a line consists of (brackets and spaces aside), or null: a signature's date line. */
    public static Found wholeLine(String line) {
        List<Found> found = find(line);
        if (found.size() != 1) return null;
        Found f = found.get(0);
        boolean alone = FRAME.matcher(line.substring(0, f.start())).matches()
                && FRAME.matcher(line.substring(f.end())).matches();
        return alone ? f : null;
    }

    private static LocalDate date(Pattern p, Matcher m) {
        try {
            if (p == DAY_FIRST) return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
            if (p == CHINESE) {
                BigDecimal y = Numerals.parse(m.group(1).replace('○', '〇').replace('Ｏ', '〇'));
                BigDecimal mo = Numerals.parse(m.group(2));
                BigDecimal d = Numerals.parse(m.group(3));
                if (y == null || mo == null || d == null) return null;
                return LocalDate.of(y.intValue(), mo.intValue(), d.intValue());
            }
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
