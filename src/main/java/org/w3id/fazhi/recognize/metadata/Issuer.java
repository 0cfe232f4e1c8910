package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.AgencyKind;
import org.w3id.fazhi.recognize.TextView;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that issues a report, as a title, a signature or an opening names it (南昌县人民政府,
 * 重庆市开州区发展和改革委员会, 中共武定县委), and what kind of body it is. The kind decides the
 * report's level: a department (司法局, 人民政府办公室) reports as a department of its government,
 * whatever the level of the government's area.
 *
 * @param name  the name as written, spaces taken out
 * @param kind  government, party, department, congress … ({@link AgencyKind})
 * @param start where the name starts in the text it was read from, or -1 when not read from the body
 * @param end   where it ends, or -1
 */
public record Issuer(String name, AgencyKind kind, int start, int end) {

    /**
     * The end of a body's name: the organ words a name can end with. Longest first where one ends
     * another (人民政府办公室 before 人民政府), so that the kind is the whole name's.
     */
    static final String ORGAN = "人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|人民政府|政府办|政府|管理委员会|管委会|行政公署|行署"
            + "|人大常委会|人民代表大会常务委员会|政协委员会|政协|中级人民法院|人民法院|人民检察院"
            + "|党工委|工作委员会|委员会|党委|党组|[省市县区州盟旗]委|办公室|办公厅|局|厅|委|办|中心|署|处|科|室|站|队|所";

    /** A line that is nothing but a body's name: a signature's or a title's issuer line. */
    private static final Pattern NAME_LINE = Pattern.compile(
            "(中共)?[\\p{IsHan}()（）]{1,30}?(" + ORGAN + ")");

    /** Words that are no body although they end like one: 全局 (the whole), 格局, 布局, 当局. */
    private static final Pattern NOT_A_BODY = Pattern.compile(".*(全局|格局|布局|大局|结局|开局|当局|新局|破局)$");

    /** Whether a string (spaces aside) is the name of one body. */
    public static boolean isName(String s) {
        String t = s.replaceAll("\\s+", "");
        return t.length() >= 3 && t.length() <= 34 && NAME_LINE.matcher(t).matches() && !NOT_A_BODY.matcher(t).matches()
                && !FUNCTION_WORD_FIRST.matcher(t).lookingAt() && (startsWithPlaceOrParty(t) || BARE_DEPARTMENT.matcher(t).matches());
    }

    /** A department named without its place, as its own report calls it: 司法厅, 市场监管局. */
    private static final Pattern BARE_DEPARTMENT = Pattern.compile("[\\p{IsHan}]{1,10}[局厅]");
    /** Words that start a phrase, never a name: 在市司法局的指导下, 以, 根据. */
    private static final Pattern FUNCTION_WORD_FIRST = Pattern.compile("在|以|按|根据|为|对|把|经|由|从|自|随|通过|围绕|坚持|我|本|全");

    /**
     * A body's name starts with its place (a name ending 省, 市, 县 … somewhere before the organ) or
     * 中共: a bare 办公室 or 综合科 names no one in particular.
     */
    private static boolean startsWithPlaceOrParty(String t) {
        if (t.startsWith("中共")) return true;
        Matcher m = ORGAN_AT_END.matcher(t);
        int organ = m.find() ? m.start() : t.length();
        // 县司法局 (the level word alone) or 南昌县司法局: a place before the organ.
        for (int i = 0; i < organ; i++) if ("省市县区州盟旗".indexOf(t.charAt(i)) >= 0) return true;
        // A 新城 (沣西新城) and the centre name their place in other words; a zone's 区 is a place word.
        return t.matches(".*(新城|国务院|中央).*");
    }

    /** The kind of body a name ends with. */
    static AgencyKind kindOf(String name) {
        String t = name.replaceAll("\\s+", "");
        if (t.matches(".*(人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|政府办)$")) return AgencyKind.DEPARTMENT;
        if (t.matches(".*(人民政府|政府|管理委员会|管委会|行政公署|行署)$")) return AgencyKind.GOVERNMENT;
        if (t.matches(".*(人大常委会|人民代表大会常务委员会)$")) return AgencyKind.CONGRESS;
        if (t.matches(".*政协(委员会)?$")) return AgencyKind.CPPCC;
        if (t.endsWith("法院")) return AgencyKind.COURT;
        if (t.endsWith("检察院")) return AgencyKind.PROCURATORATE;
        // 中共南昌县委, 县委, 党工委, 依法治县委员会(办公室): the party's bodies.
        if (t.startsWith("中共") || t.matches(".*(党工委|党委|党组|[省市县区州盟旗]委|依法治[省市县区州]委员会(办公室)?|依法治[省市县区州]办)$")) {
            return AgencyKind.PARTY;
        }
        return AgencyKind.DEPARTMENT;
    }

    /**
     * The issuer a title names before its subject: 重庆市开州区发展和改革委员会关于2023年…,
     * 柳州市城市管理局2025年…, 2024年上海市司法局法治政府建设情况报告. Null when the title names none.
     */
    static Issuer ofTitle(String title) {
        String t = TextView.normalize(title).replaceAll("\\s+", "");
        Matcher m = TITLE_ISSUER.matcher(t);
        if (!m.find()) return null;
        String name = m.group("name");
        return isName(name) ? new Issuer(name, kindOf(name), -1, -1) : null;
    }

    /** A title's issuer: before 关于 or the year, or after a leading year and before the subject. */
    private static final Pattern TITLE_ISSUER = Pattern.compile(
            "^(?:(?:19|20)\\d\\d年度?)?(?<name>(?:中共)?[\\p{IsHan}()（）、]{2,40}?(?:" + ORGAN + "))"
            + "(?=关于|(?:19|20)\\d\\d|[〇一二][〇零一二三四五六七八九]{3}年|法治|依法|推进|年度)");

    /**
     * The subject of a report's first sentence, when it is a body: 2022年,天津市静海区市场监督管理局在…,
     * 2024年,在市委、市政府的坚强领导和省司法厅的精心指导下,赣州市司法局认真…. {@code start} and {@code end}
     * are offsets in {@code body}. Null when the subject is a place (2023年,西城区坚持…) or 我局.
     */
    static Issuer ofOpening(String body) {
        int from = openingSubject(body);
        if (from < 0) return null;
        int limit = Math.min(body.length(), from + 34);
        for (int e = from + 3; e <= limit; e++) {
            char last = body.charAt(e - 1);
            if (!isHanOrBracket(last)) return null;
            Matcher organ = ORGAN_AT_END.matcher(body).region(from, e);
            if (!organ.find()) continue;
            // The shortest name that ends in an organ word, run on where the organ word is part of
            // a longer one (长沙经开区管委 + 会, 武定县人民政府 + 办公室).
            int end = e;
            for (int p = Math.max(from, e - 4); p < e; p++) {
                Matcher longer = ORGAN_LONGEST.matcher(body).region(p, Math.min(body.length(), p + 10));
                if (longer.lookingAt() && longer.end() > end) end = longer.end();
            }
            String name = body.substring(from, end);
            return isName(name) ? new Issuer(name, kindOf(name), from, end) : null;
        }
        return null;
    }

    /**
     * Where the subject of the opening sentence starts, after its time (2022年,) and setting
     * (在市委、市政府的坚强领导下,); -1 when the body is empty.
     */
    static int openingSubject(String body) {
        int start = openingStart(body);
        Matcher lead = OPENING_LEAD.matcher(body).region(start, Math.min(body.length(), start + OPENING));
        return lead.lookingAt() && lead.end() < body.length() ? lead.end() : -1;
    }

    /**
     * Where the report's own opening starts: after the lines a letter begins with, its document
     * number (沪环法〔2023〕23号) and the body it is addressed to (河北省人民政府:, 市委、市政府:), which
     * name others, not the report's issuer.
     */
    static int openingStart(String body) {
        int start = 0;
        for (int n = 0; n < 3 && start < body.length(); n++) {
            int end = body.indexOf('\n', start);
            if (end < 0) break;
            String line = TextView.normalize(body.substring(start, end).strip());
            if (!SALUTATION.matcher(line).matches() && !DOCUMENT_NUMBER_LINE.matcher(line).matches()) break;
            start = end + 1;
        }
        return start;
    }

    /** A letter's salutation: 市委、市政府:, 河北省人民政府：. */
    private static final Pattern SALUTATION = Pattern.compile("[^，,。；;\\n]{2,40}[:：]");
    /** A document number alone on its line: 沪环法〔2023〕23号, 保政呈〔2017〕3號 签发人:郭建英. */
    private static final Pattern DOCUMENT_NUMBER_LINE = Pattern.compile(TitleReader.DOCUMENT_NUMBER_TEXT + ".{0,20}");

    private static boolean isHanOrBracket(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || "()（）".indexOf(c) >= 0;
    }

    private static final int OPENING = 160;
    /** An opening's time (2022年, 今年以来, 2023年度) and setting (在市委、市政府的坚强领导下), before its subject. */
    private static final Pattern OPENING_LEAD = Pattern.compile(
            "(?:[^,，。\\n]{0,14}?(?:年度?|以来|来)\\s*[,，、]\\s*)?(?:在[^。\\n]{2,70}?下\\s*[,，]?\\s*)*");
    private static final Pattern ORGAN_AT_END = Pattern.compile("(?:" + ORGAN + ")$");
    /** An organ word at a place, the longest there: 管委会 rather than 委, 人民政府办公室 rather than 人民政府. */
    private static final Pattern ORGAN_LONGEST = Pattern.compile(
            "人民政府办公[室厅]|政府办公[室厅]|人民政府|管理委员会|管委会|委员会|工作委员会|党工委|行政公署|办公[室厅]|人大常委会");
}
