package org.w3id.fazhi.recognize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the quantitative facts of a report: a number with the measure word that says what it
 * counts (收到行政复议申请233件, 调解成功率99.7%, 1.375万件, 举办三期).
 *
 * <p>A number alone is not a fact: what makes one is a measure word after it. What is left out are
 * numbers that name rather than count, each by its own rule below: dates and years, document
 * numbers, ordinals (第三批), list markers, numbers glued to other symbols (7×24, 1+1+4, 12·4, 5G),
 * and anything inside quotation marks or book-title marks, where reports put the names of
 * programs and slogans (“1310”具体部署, “八五”普法, 《2020年工作要点》).
 */
public final class MetricRecognizer {

    /** Measure words; longer ones first so that 人次 wins over 人 and 个工作日 over 个. */
    static final List<String> UNITS = List.of(
            "个工作日", "工作日", "个百分点", "百分点", "个月", "人次", "件次", "场次", "户次", "家次", "台次", "批次",
            "车次", "架次", "班次", "期次", "条次", "例次", "篇次", "个", "件", "项", "次", "条", "份", "人", "名", "家",
            "户", "宗", "起", "场", "期", "篇", "册", "部", "集", "类", "种", "支", "批", "届", "卷", "张", "台", "处",
            "例", "美元", "元", "公斤", "千克", "吨", "小时", "天", "日", "年", "周", "分钟", "%", "‰", "所", "座", "间",
            "辆", "艘", "套", "本", "块", "幅", "亩", "平方公里", "平方米", "公里", "千米", "位", "组", "轮", "节", "堂",
            "笔", "单", "项次", "份次", "公顷", "课时", "学时", "分", "秒", "倍", "栋", "票", "余人");

    private static final Pattern FACT = Pattern.compile(
            "(?:(?<pre>不少于|不低于|不超过|超过|至少|不足|不到|最多|约|近|超|逾)(?:为|达到|达|有|计)?)?"
            + "(?<num>\\d{1,3}(?:,\\d{3})+(?![\\d,])(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*)"
            // Some pages set numbers apart with spaces: 办理 1.3 万件, 提供法律咨询 240 余人次.
            + " ?(?<a1>多|余)?(?<mult>千万|百万|万|亿)?(?<a2>多|余)? ?"
            + "(?<unit>" + UNITS.stream().filter(u -> !u.equals("余人"))
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|")) + ")"
            // 会前学法698场(次): the count is written in 场 and in 次 at once, which is 场次.
            + "(?<times>\\(次\\))?"
            + "(?<bound>以上|左右)?");

    /** What a {@link #FACT} can start with: the first characters of its prefixes, Arabic and Chinese numerals. */
    private static final BitSet FACT_STARTS = chars("不超至最约近逾0123456789零〇一二两三四五六七八九十");
    /**
     * Every character a {@link #FACT} can hold before its measure word: its prefixes and their verbs,
     * numerals, separators, 多/余 and the multipliers. A match starting at a place has a measure word
     * starting after it, with nothing but these in between; most numbers (dates aside) have none.
     */
    private static final BitSet BEFORE_MEASURE_WORD = chars(
            "不少于低超过至最足到多约近逾为达有计0123456789,.零〇一二两三四五六七八九十百千余万亿 ");
    /** For a recogniser used on its own: the measure words alone. */
    private static final DictionaryAutomaton MEASURE_WORDS_ONLY = DictionaryAutomaton.builder().measureWords(UNITS).build();

    /** "Zero incidents" is reported as a fact with no measure word: 政务失信事件零发生. */
    private static final Pattern ZERO = Pattern.compile("零(?=发生|事故|差错|投诉)");

    /** Verbs that come before a Chinese-numeral count (举办三期); without one, 三个 is a slogan. 等 closes a list it counts (等四部法律法规). */
    private static final String CHINESE_COUNT_VERBS = "举办|召开|开展|组织|组成|成立|设立|建立|建成|连续|分|共|累计|派出|选派|"
            + "出台|制定|印发|修订|发布|举行|完成|新增|增加|减少|聘请|达到|达|有|评选|形成|打造|培育|推出|获得|荣获|入选|"
            + "设置|配备|抽调|开设|签订|评为|明确|确定|公布|梳理|承接|讲授|安排|先后|等";
    private static final Pattern CHINESE_COUNT_TRIGGER = Pattern.compile("(" + CHINESE_COUNT_VERBS + ")了?$");
    /**
     * A count of sessions, batches, items or books may stand a few words after its verb (累计承接三批,
     * 发布依法防疫十项措施), after the thing held (法治专题培训两期) or before the verb (两次举办): 三个, the
     * measure word of most slogans (四个意识), has none of these leeways.
     */
    private static final Pattern CHINESE_COUNT_VERB_NEAR = Pattern.compile("(" + Arrays.stream(
            CHINESE_COUNT_VERBS.split("\\|")).filter(v -> v.length() > 1).collect(Collectors.joining("|")) // not 共, 有, 等 …
            + ")\\p{IsHan}{1,6}$");
    private static final Pattern SESSION_HELD_BEFORE = Pattern.compile("(培训|讲座|会议|学法|学习|活动|督察|检查|演练|考试)$");
    private static final Pattern SESSION_VERB_AFTER = Pattern.compile("^(举办|召开|开展|组织|主持|听取|进行)");
    private static final Set<String> LOOSE_CHINESE_UNITS = Set.of("次", "期", "场", "场次", "批", "批次", "轮", "项", "部");
    private static final Pattern INSTITUTION_NAME = Pattern.compile("^(?:制度|责任制|机制|原则)");
    private static final Set<String> SESSION_UNITS = Set.of("次", "期", "场", "场次", "批", "批次", "轮");

    /**
     * What follows a number that sizes the field a ranking was made in (在全部参评的100个城市中位居第二):
     * the number counts what was compared, not what the government did or has.
     */
    private static final Pattern RANKING_FIELD = Pattern.compile("^[^，,；;。]{0,16}?中\\p{IsHan}{0,2}?(?:位居|位列|排名|名列|排在|排|居|列)第");

    /** Words that start a clause without saying what is counted: 其中, 全年, 累计 … */
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(其中|同时|目前|截至目前|全年|全县|全区|全市|全省|累计|共计|共|已|先后|分别|并|还|均)+");
    /** Verbs and hedges that stand right before a number: 达到, 共计, 约 … */
    private static final Pattern TRAILING_VERB = Pattern.compile("(达到|达|为|共计|共|累计|约|近|超过|超|逾)+$");
    /** What follows 届 when it numbers a session (十九届四中全会) rather than counts terms. */
    private static final Pattern SESSION_NAME = Pattern.compile(
            "^([一二三四五六七八九十]中|全会|历次|人大|政协|党代会|委员|代表|二中|三中|四中|五中|六中|第|[省市县区州旗]委|党委|政府).*");

    private static final String CLAUSE_BREAKS = "，,；;。！？!?\n";
    private static final String GLUE_BEFORE = "第×xX*+-—~～·•:/#－.〔[";
    private static final String GLUE_AFTER = "×xX*+·-—~～/";
    private static final String OPENING_MARKS = "“‘《〈「『\"";
    private static final String CLOSING_MARKS = "”’》〉」』\"";

    private final IndicatorClassifier indicators;

    public MetricRecognizer(IndicatorClassifier indicators) {
        this.indicators = indicators;
    }

    public List<MetricMention> recognize(TextView view, List<Section> sections) {
        return recognize(view, sections, MEASURE_WORDS_ONLY.scan(view.text()));
    }

    /** The facts of a text whose dictionaries were read already ({@code found} holds where measure words start). */
    List<MetricMention> recognize(TextView view, List<Section> sections, DictionaryAutomaton.Matches found) {
        String t = view.text();
        boolean[] named = namedSpans(t);
        List<MetricMention> facts = new ArrayList<>();
        Matcher m = FACT.matcher(t);
        int from = 0;
        while (findFact(m, t, from, found)) {
            MetricMention fact = read(view, m, named, sections);
            if (fact != null) {
                facts.addAll(listedBefore(view, fact, m.start(), named, sections));
                facts.add(fact);
            }
            from = m.end();
        }
        Matcher z = ZERO.matcher(t);
        while (z.find()) {
            if (named[z.start()]) continue;
            Span quote = clause(t, z.start(), z.end() + 2);
            facts.add(new MetricMention("零", BigDecimal.ZERO, "", Approximation.EXACT, true,
                    what(t, quote, z.start(), z.end() + 2), null, new Span(z.start(), z.end()), quote,
                    Section.kindAt(sections, z.start())));
        }
        facts.sort(Comparator.comparingInt(f -> f.number().start()));
        return facts;
    }

    /**
     * Like {@code m.find(from)}: the first fact starting at or after {@code from}, tried only where a
     * fact can start and a measure word follows with only numerals and the like in between.
     */
    private static boolean findFact(Matcher m, String t, int from, DictionaryAutomaton.Matches found) {
        for (int i = from; i < t.length(); i++) {
            if (!FACT_STARTS.get(t.charAt(i))) continue;
            int run = i;
            while (run < t.length() && BEFORE_MEASURE_WORD.get(t.charAt(run))) run++;
            if (found.measureWordStartsIn(i + 1, run) && m.region(i, t.length()).lookingAt()) return true;
        }
        return false;
    }

    private static BitSet chars(String s) {
        BitSet set = new BitSet();
        s.chars().forEach(set::set);
        return set;
    }

    private MetricMention read(TextView view, Matcher m, boolean[] named, List<Section> sections) {
        String t = view.text();
        String num = m.group("num");
        String unit = m.group("unit");
        String pre = m.group("pre");
        int numStart = m.start("num");
        int start = m.start();
        boolean chinese = !Character.isDigit(num.charAt(0));
        // A space set before the number does not part it from what stands before (第 3 次).
        int beforeAt = start > 0 && t.charAt(start - 1) == ' ' ? start - 2 : start - 1;
        char before = beforeAt >= 0 ? t.charAt(beforeAt) : '\n';
        int endOfFact = m.end();
        int unitEnd = m.end("times") >= 0 ? m.end("times") : m.end("unit");
        char after = endOfFact < t.length() ? t.charAt(endOfFact) : '\n';

        if (pre == null && (Character.isLetterOrDigit(before) && before < 0x80)) return null;
        if (GLUE_BEFORE.indexOf(before) >= 0 || GLUE_AFTER.indexOf(after) >= 0) return null;
        if (after < 0x80 && Character.isLetter(after)) return null;
        if (named[numStart]) return null;
        if (!unitFits(t, num, unit, start, m.end("unit"))) return null;
        if (chinese && !chineseCountFits(t, num, unit, start, m.end("unit"))) return null;
        if (RANKING_FIELD.matcher(t).region(unitEnd, t.length()).lookingAt()) return null;

        String mult = m.group("mult") == null ? "" : m.group("mult");
        // 1,256件: a thousands separator (never a full-width comma, which ends a clause).
        BigDecimal base = Numerals.parse(num.replace(",", ""));
        if (base == null) return null;
        BigDecimal value = base.multiply(Numerals.multiplier(mult)).stripTrailingZeros();
        if (value.scale() < 0) value = value.setScale(0);
        int numberEnd = mult.isEmpty() ? m.end("num") : m.end("mult");
        Approximation approx = approximation(pre, m.group("a1"), m.group("a2"), m.group("bound"));
        String cleanUnit = unit.equals("个工作日") ? "工作日" : unit;
        if (m.group("times") != null && UNITS.contains(unit + "次")) cleanUnit = unit + "次";
        Span quote = clause(t, numStart, m.end());
        String what = what(t, quote, start, unitEnd);
        String indicator = indicators.classify(t, quote, start, unitEnd, cleanUnit);
        return new MetricMention(view.quote(numStart, numberEnd), value, cleanUnit, approx, chinese, what,
                indicator, new Span(numStart, numberEnd), quote, Section.kindAt(sections, numStart));
    }

    /** 审批时限分别压减55、50个工作日: the numbers listed before a fact share its measure word. */
    private List<MetricMention> listedBefore(TextView view, MetricMention fact, int factStart, boolean[] named,
                                             List<Section> sections) {
        String t = view.text();
        if (fact.chineseNumeral() || !fact.numberText().chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return List.of();
        }
        List<MetricMention> listed = new ArrayList<>();
        int cursor = factStart;
        while (cursor > 1 && t.charAt(cursor - 1) == '、') {
            int end = cursor - 1, begin = end;
            while (begin > 0 && (Character.isDigit(t.charAt(begin - 1)) || t.charAt(begin - 1) == '.')) begin--;
            if (begin == end || !Character.isDigit(t.charAt(begin)) || named[begin]) break;
            char before = begin > 0 ? t.charAt(begin - 1) : '\n';
            if ((before < 0x80 && Character.isLetterOrDigit(before)) || GLUE_BEFORE.indexOf(before) >= 0) break;
            BigDecimal value = Numerals.parse(t.substring(begin, end));
            if (value == null) break;
            listed.add(0, new MetricMention(view.quote(begin, end), value, fact.unit(), Approximation.EXACT, false,
                    fact.what(), fact.indicator(), new Span(begin, end), fact.quote(), Section.kindAt(sections, begin)));
            cursor = begin;
        }
        return listed;
    }

    /** Measure words that also make dates and names are only counts in their own settings. */
    private static boolean unitFits(String t, String num, String unit, int start, int unitEnd) {
        String after = t.substring(unitEnd, Math.min(t.length(), unitEnd + 4));
        String before = t.substring(Math.max(0, start - 2), start);
        switch (unit) {
            case "年":
                // 2023年 is a date; 连续三年 is a count.
                return before.equals("连续") && num.length() <= 2;
            case "日":
                // 4月25日 is a date; 七日内 is a time limit.
                return after.startsWith("内") && (start == 0 || t.charAt(start - 1) != '月');
            case "届":
                // 十九届四中全会 names a plenary session.
                return !SESSION_NAME.matcher(after).matches();
            case "部":
                // 18部门 counts departments (个 left out); 部 is not their measure word.
                return !after.startsWith("门");
            case "周":
                return !after.startsWith("年");
            case "分", "秒":
                // 8时30分 is a time of day, 三分之一 a fraction; 考核得分95分 is a score.
                return !after.startsWith("之") && (start == 0 || "时点:".indexOf(t.charAt(start - 1)) < 0)
                        && !after.startsWith("钟");
            case "小时":
                // 24小时 is round-the-clock service (热线24小时开通), not a duration that was counted.
                return !num.equals("24") || after.startsWith("内");
            default:
                break;
        }
        return true;
    }

    private static boolean chineseCountFits(String t, String num, String unit, int start, int unitEnd) {
        if (num.equals("一") || num.length() == 1 && num.charAt(0) == '〇') return false;
        if (unit.equals("日")) return true;
        // 三项制度, 四项责任制: a numeral that names a set of institutions, not a count of what was done.
        if (INSTITUTION_NAME.matcher(t).region(unitEnd, t.length()).lookingAt()) return false;
        String before = t.substring(Math.max(0, start - 5), start);
        if (CHINESE_COUNT_TRIGGER.matcher(before).find()) return true;
        if (!LOOSE_CHINESE_UNITS.contains(unit)) return false;
        if (CHINESE_COUNT_VERB_NEAR.matcher(t.substring(Math.max(0, start - 8), start)).find()) return true;
        return SESSION_UNITS.contains(unit) && (SESSION_HELD_BEFORE.matcher(before).find()
                || SESSION_VERB_AFTER.matcher(t).region(unitEnd, t.length()).lookingAt());
    }

    private static Approximation approximation(String pre, String a1, String a2, String bound) {
        if (pre != null) {
            switch (pre) {
                case "约", "近": return Approximation.ABOUT;
                case "不足", "不到", "最多", "不超过": return Approximation.UNDER;
                default: return Approximation.OVER;
            }
        }
        if (a1 != null || a2 != null || "以上".equals(bound)) return Approximation.OVER;
        if ("左右".equals(bound)) return Approximation.ABOUT;
        return Approximation.EXACT;
    }

    /** The clause around a number: between the nearest clause breaks. */
    static Span clause(String t, int from, int to) {
        int s = from;
        while (s > 0 && CLAUSE_BREAKS.indexOf(t.charAt(s - 1)) < 0) s--;
        int e = Math.min(to, t.length());
        while (e < t.length() && CLAUSE_BREAKS.indexOf(t.charAt(e)) < 0) e++;
        while (s < e && Character.isWhitespace(t.charAt(s))) s++;
        return new Span(s, e);
    }

    /** What is counted: the words before the number in its clause, or those after the measure word. */
    private static String what(String t, Span quote, int numberStart, int unitEnd) {
        String before = LEADING_FILLER.matcher(t.substring(quote.start(), numberStart)).replaceFirst("");
        before = TRAILING_VERB.matcher(before).replaceFirst("").strip();
        String after = t.substring(unitEnd, quote.end()).strip();
        if (after.length() > 16) after = after.substring(0, 16);
        if (before.length() > 20) before = before.substring(before.length() - 20);
        // 举办三期专题培训班: a bare verb before the number, the thing counted after the measure word.
        if (before.length() <= 3 && !after.isEmpty()) return before.isEmpty() ? after : after + "(" + before + ")";
        return before;
    }


    /**
     * Marks the characters inside quotation and book-title marks, where reports write names
     * (“八五”普法, 《2020年工作要点》). A quotation longer than 40 characters (a book title, 100) is taken for a stray mark.
     */
    public static boolean[] namedSpans(String t) {
        boolean[] inside = new boolean[t.length() + 1];
        for (int i = 0; i < t.length(); i++) {
            int open = OPENING_MARKS.indexOf(t.charAt(i));
            if (open < 0) continue;
            char close = CLOSING_MARKS.charAt(open);
            // Book titles run long (《关于印发<…>的通知》); a quotation mark left open is a stray one.
            int limit = Math.min(t.length(), i + (t.charAt(i) == '《' ? 101 : 41));
            for (int j = i + 1; j < limit; j++) {
                char c = t.charAt(j);
                if (c == close) {
                    Arrays.fill(inside, i, j + 1, true);
                    i = j;
                    break;
                }
                if (c == '\n') break;
            }
        }
        return inside;
    }
}
