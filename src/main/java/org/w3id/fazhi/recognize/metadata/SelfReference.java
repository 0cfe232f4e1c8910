package org.w3id.fazhi.recognize.metadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a report speaks of its own area: 我县, 全县, 本县 plainly, 县委, 县政府 through its organs. The
 * level word it uses most (县, 市, 区, 州, 盟, 旗, 省) tells which names can be its own: a county
 * report's area is named …县, a city's …市 (a prefecture, a county-level city or a municipality), an
 * autonomous region's …自治区 (全区, as a district's), a zone's also by its 管委会.
 */
final class SelfReference {

    /** Plain self-references: these are the area itself. */
    private static final Pattern PLAIN = Pattern.compile("[我全本]([省市县区州盟旗])");
    /**
     * What makes 全省, 全市 a comparison with a larger area, not the report's own: 全省首个, 全市率先,
     * 居全省第一, 在全省推广. A county's report says them of its province.
     */
    private static final Pattern RANKING_AFTER = Pattern.compile(
            "首|第[一二三四五六七八九十\\d]|率先|唯一|前列|前[一二三四五六七八九十\\d]|领先|排名|排位|位居|最|推广|范围内|同类|示范|表彰|通报");
    private static final Pattern RANKING_BEFORE = Pattern.compile("(在|居|列|位|为|获|是|得|于|成为)$");
    /** Its organs: the area itself or, as 市委 in a county report, its superior; they count less. */
    private static final Pattern ORGAN = Pattern.compile(
            "([省市县区州盟旗])(?:委|政府|司法局)|(管委会|党工委)|(行署)");

    private final char word;
    private final int plain;
    private final double score;

    private SelfReference(char word, int plain, double score) {
        this.word = word;
        this.plain = plain;
        this.score = score;
    }

    static SelfReference of(String body) {
        Map<Character, Double> score = new LinkedHashMap<>();
        Map<Character, Integer> plain = new LinkedHashMap<>();
        Matcher m = PLAIN.matcher(body);
        while (m.find()) {
            if (body.charAt(m.start()) == '全' && ranking(body, m.start(), m.end())) continue;
            char c = m.group(1).charAt(0);
            score.merge(c, 1.0, Double::sum);
            plain.merge(c, 1, Integer::sum);
        }
        Matcher o = ORGAN.matcher(body);
        while (o.find()) {
            char c = o.group(1) != null ? o.group(1).charAt(0) : o.group(2) != null ? '区' : '盟';
            score.merge(c, 0.25, Double::sum);
        }
        char best = 0;
        double bestScore = 0;
        for (var e : score.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return new SelfReference(best, plain.getOrDefault(best, 0), bestScore);
    }

    private static boolean ranking(String body, int start, int end) {
        return RANKING_AFTER.matcher(body).region(end, Math.min(body.length(), end + 3)).lookingAt()
                || RANKING_BEFORE.matcher(body).region(Math.max(0, start - 2), start).find();
    }

    /** Whether the body speaks of itself at all. */
    boolean speaks() { return word != 0; }

    /** Whether the body speaks of itself often enough to say what kind of area it is. */
    boolean strong() { return score >= 3; }

    /** Whether a region can be the area the body speaks of as its own. */
    boolean compatible(Region r) { return compatible(r, (char) 0); }

    /**
     * Whether a region, named with a level word (or 0 when bare), can be the area the body speaks of
     * as its own. The word as written counts before the region's current name: a report of 2016 says
     * 兴仁县 of what the gazetteer now lists as 兴仁市.
     */
    boolean compatible(Region r, char written) {
        if (word == 0) return true;
        if (written != 0 && r.level() != null && written == word && !r.level().equals("province")) return true;
        String label = r.label();
        return switch (word) {
            case '区' -> label.endsWith("区") || r.level().equals("new-area") || r.level().equals("development-zone");
            default -> label.endsWith(String.valueOf(word));
        };
    }

    /** Evidence for a region the body's self-references agree with, e.g. {@code self-reference:我县 x12}. */
    Optional<String> describe(Region r, char written) {
        if (word == 0 || !compatible(r, written)) return Optional.empty();
        return Optional.of(plain > 0 ? "self-reference:我" + word + " x" + plain
                : String.format("self-reference:%s委 x%.0f", word, score * 4));
    }
}
