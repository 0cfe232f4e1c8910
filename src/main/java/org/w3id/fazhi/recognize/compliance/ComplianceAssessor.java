package org.w3id.fazhi.recognize.compliance;

import org.w3id.fazhi.recognize.AgencyKind;
import org.w3id.fazhi.recognize.Measure;
import org.w3id.fazhi.recognize.ReportMentions;
import org.w3id.fazhi.recognize.Section;
import org.w3id.fazhi.recognize.SectionKind;
import org.w3id.fazhi.recognize.Span;
import org.w3id.fazhi.recognize.TextView;
import org.w3id.fazhi.recognize.metadata.DocumentKind;
import org.w3id.fazhi.recognize.metadata.ReportMetadata;
import org.w3id.fazhi.recognize.metadata.Signature;

import org.w3id.fazhi.recognize.compliance.ComplianceAssessment.Concreteness;
import org.w3id.fazhi.recognize.metadata.DateSource;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment.Finding;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment.Outcome;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment.Reason;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment.Requirement;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment.Rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a report against the rules that require it.
 *
 * <ul>
 * <li><b>The rule.</b> Reports on 2019 and later: 《法治政府建设与责任落实督察工作规定》 (2019): five
 * parts — measures and results, shortcomings and their causes, the party and government principal
 * leaders' first responsibility, the next year's arrangements, other matters — made public before
 * 1 April of the next year, a department's report sent to its government before 1 March. Reports
 * on 2015 to 2018: the 2015 纲要, which asks for the report in the first quarter and sets no
 * contents. Earlier years: no national rule. A leader's own report on the first-responsibility
 * duty (述法) is no annual report, and a joint report of the party committee and the government is
 * judged as the government's.</li>
 * <li><b>The parts</b> are the report's top-level parts, told by their headings (问题, 不足 →
 * shortcomings; 打算, 下一步, 安排 … or a later year → plans; 第一责任人, 主要负责 → the leaders' duty,
 * also as a subsection; 其他…报告, 意见建议 → other matters; any other → measures and results), or by
 * the closing paragraphs {@link StructureRecognizer} reads as shortcomings or plans. A part the text
 * only mentions in passing (a sentence on the leaders' duty, a heading on 履行…职责 that names
 * neither leaders nor their first responsibility) is unknown, not present.</li>
 * <li><b>A text that stops short</b> ({@link TextCompleteness}) leaves unknown every missing part
 * that may lie beyond the cut: all but those a later part shows passed (the achievements before
 * the shortcomings, both and the leaders' duty before the plans).</li>
 * <li><b>Deadlines</b> are judged by the date that says what they ask: publication by the page's
 * publishing date (a date signed can only show it late: nothing is published before it is signed);
 * sending a report to its government by the date signed (GB/T 9704's 成文日期, the date it was
 * issued), or by a publishing date that is on time.</li>
 * </ul>
 */
public final class ComplianceAssessor {

    /** Headings that name the part on the principal leaders' first responsibility. */
    private static final Pattern FIRST_RESPONSIBILITY = Pattern.compile("第一责任人|主要负责(人|同志)|主要领导|述法|一把手");
    /** A heading on fulfilling the duty of building rule-of-law government, without naming the leaders. */
    private static final Pattern DUTY = Pattern.compile("履行[^。]{0,15}法治[^。]{0,12}职责");
    /** A sentence that says the principal leaders fulfilled their first responsibility. */
    private static final Pattern FIRST_RESPONSIBILITY_SENTENCE = Pattern.compile(
            "(主要负责(人|同志)|主要领导|一把手|书记|[县区市州旗]长)[^。；]{0,40}(第一责任人|述法)");
    private static final Pattern OTHER_MATTERS = Pattern.compile(
            "其他[^。]{0,8}(报告|说明|事项|情况)|意见建议|意见和建议|有关建议|工作建议");
    private static final Pattern SHORTCOMINGS = Pattern.compile("问题|不足|短板|差距|困难|薄弱");
    /**
     * Words of a heading on the next year. 安排 and 计划 alone also head achievements (统筹安排), and
     * 重点工作, 重点任务 name the year's own work (一、重点工作开展情况), so only these.
     */
    private static final Pattern NEXT_YEAR = Pattern.compile("打算|下一步|思路|展望|今后|努力方向|(工作|主要)(安排|计划|要点)");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d)年");
    /** The start of a numbered heading line (一、 (一) 1.), as {@link StructureRecognizer} reads them. */
    private static final Pattern HEADING = Pattern.compile("^([一二三四五六七八九十]+[、.]|\\([一二三四五六七八九十]+\\)|\\d{1,2}[.、](?!\\d))");
    /** An enumerated statement: 一是 …, 二要 …, or (一) … at the start of a measure. */
    private static final Pattern ITEM = Pattern.compile("^([一二三四五六七八九十]+[是要]|\\([一二三四五六七八九十]+\\)|\\d{1,2}[.、])");
    private static final Pattern BOOK_TITLE = Pattern.compile("《[^》]*》");
    /** A heading or sentence quoted as evidence: up to its first full stop, at most this long. */
    private static final int QUOTE_MAX = 80;
    /** The 2019 rules came into force on 15 April 2019: the reports on 2019 were the first they governed. */
    static final int RULES_2019_FIRST_YEAR = 2019;
    /** The 2015 纲要 was issued on 27 December 2015: the reports on 2015, due in 2016's first quarter, were its first. */
    static final int OUTLINE_2015_FIRST_YEAR = 2015;
    /** Where metadata says its publishing date came from the signature or the file (see {@link MetadataRecognizer}). */

    /** The rules' order of the parts. */
    private static final List<Requirement> PART_ORDER = List.of(Requirement.MEASURES_AND_RESULTS, Requirement.SHORTCOMINGS,
            Requirement.FIRST_RESPONSIBILITY, Requirement.NEXT_YEAR_PLANS, Requirement.OTHER_MATTERS);

    /**
     * The parts that come after a part in every report read: a text that stops short and shows one of
     * them has passed that part. The achievements come before the shortcomings, and both before the
     * plans; the leaders' duty comes first, inside the achievements, or after the shortcomings, but
     * before the plans; other matters come before or after the plans, so nothing is known to follow them.
     */
    private static final Map<Requirement, Set<Requirement>> COMES_AFTER = new EnumMap<>(Requirement.class);
    static {
        COMES_AFTER.put(Requirement.MEASURES_AND_RESULTS, EnumSet.of(Requirement.SHORTCOMINGS, Requirement.NEXT_YEAR_PLANS));
        COMES_AFTER.put(Requirement.SHORTCOMINGS, EnumSet.of(Requirement.NEXT_YEAR_PLANS));
        COMES_AFTER.put(Requirement.FIRST_RESPONSIBILITY, EnumSet.of(Requirement.NEXT_YEAR_PLANS));
        COMES_AFTER.put(Requirement.NEXT_YEAR_PLANS, EnumSet.noneOf(Requirement.class));
        COMES_AFTER.put(Requirement.OTHER_MATTERS, EnumSet.noneOf(Requirement.class));
    }

    private static final Map<Requirement, String[]> PART_NAMES = new EnumMap<>(Requirement.class);
    static {
        PART_NAMES.put(Requirement.MEASURES_AND_RESULTS, new String[] {"主要举措和成效", "main measures and results"});
        PART_NAMES.put(Requirement.SHORTCOMINGS, new String[] {"存在的不足和原因", "shortcomings and their causes"});
        PART_NAMES.put(Requirement.FIRST_RESPONSIBILITY, new String[] {"党政主要负责人履行第一责任人职责情况",
                "the principal leaders' first responsibility"});
        PART_NAMES.put(Requirement.NEXT_YEAR_PLANS, new String[] {"下一年度主要安排", "the next year's main arrangements"});
        PART_NAMES.put(Requirement.OTHER_MATTERS, new String[] {"其他需要报告的情况", "other matters to report"});
    }

    private ComplianceAssessor() {}

    /** The report's assessment, from what was recognised in it and its cleaned text. */
    public static ComplianceAssessment assess(ReportMentions mentions, String text) {
        ReportMetadata meta = mentions.metadata();
        TextView view = TextView.of(text);
        DocumentKind kind = DocumentKind.of(meta, text);
        Rule rule = kind == DocumentKind.LEADER ? Rule.NONE
                : meta.year() == null ? Rule.UNKNOWN
                : meta.year() >= RULES_2019_FIRST_YEAR ? Rule.SUPERVISION_RULES_2019
                : meta.year() >= OUTLINE_2015_FIRST_YEAR ? Rule.IMPLEMENTATION_OUTLINE_2015 : Rule.NONE;

        Parts found = new Parts(view, mentions.sections(), mentions.measures(), meta.year());
        TextCompleteness completeness = TextCompleteness.ofEnding(view);
        if (completeness.complete() && !found.beyondAchievements() && !endsSigned(view, meta.signature())) {
            completeness = TextCompleteness.onlyAnOpening(view);
        }
        List<Finding> parts = new ArrayList<>();
        for (Requirement r : PART_ORDER) parts.add(partFinding(r, found, completeness, rule, kind));
        List<Finding> deadlines = deadlines(rule, kind, meta);
        Span joint = jointIssuers(meta, view);
        return new ComplianceAssessment(rule, kind, joint != null, joint, completeness, parts, deadlines,
                concreteness(view, mentions, parts));
    }

    // ------------------------------------------------------------------ parts

    /** The report's parts as its headings and closing paragraphs give them. */
    private static final class Parts {
        final Map<Requirement, Section> at = new EnumMap<>(Requirement.class);
        /** A sentence or heading that touches on the leaders' duty without a part of its own. */
        Span dutyInPassing;
        String dutyInPassingText;
        final TextView view;
        final List<Section> sections;
        final List<Measure> measures;
        /** The level of the report's highest numbered headings. */
        final int topLevel;

        Parts(TextView view, List<Section> sections, List<Measure> measures, Integer year) {
            this.view = view;
            this.sections = sections;
            this.measures = measures;
            int top = Integer.MAX_VALUE;
            for (Section s : sections) if (isHeading(s)) top = Math.min(top, s.level());
            this.topLevel = top;
            Section topSection = null;
            Set<Requirement> topParts = Set.of();
            for (Section s : sections) {
                if (s.level() == 0) continue;
                Set<Requirement> named = named(s, headingWords(s), year);
                if (isTop(s)) {
                    topSection = s;
                    topParts = named;
                    for (Requirement r : named) at.putIfAbsent(r, s);
                } else if (topSection != null) {
                    // A subsection is a part of its own when it names the leaders' duty (often the first
                    // item of the achievements), or the shortcomings or plans under a top part that is
                    // not the achievements (三、存在问题和下一步打算 → (一)存在问题 (二)下一步打算).
                    if (named.contains(Requirement.FIRST_RESPONSIBILITY) && !topParts.contains(Requirement.NEXT_YEAR_PLANS)) {
                        at.putIfAbsent(Requirement.FIRST_RESPONSIBILITY, s);
                    }
                    if (!topParts.contains(Requirement.MEASURES_AND_RESULTS)) {
                        for (Requirement r : List.of(Requirement.SHORTCOMINGS, Requirement.NEXT_YEAR_PLANS)) {
                            if (!named.contains(r)) continue;
                            // Under a top part that names both, the subsection that names one is that part.
                            if (at.get(r) == topSection && topParts.size() > 1) at.put(r, s);
                            else at.putIfAbsent(r, s);
                        }
                    }
                }
            }
            if (!at.containsKey(Requirement.MEASURES_AND_RESULTS) && top == Integer.MAX_VALUE) {
                // No heading at all: a report in paragraphs states its measures before any closing part.
                long done = measures.stream().filter(m -> m.section() == SectionKind.OVERVIEW
                        || m.section() == SectionKind.ACHIEVEMENT).count();
                if (done > 0) at.put(Requirement.MEASURES_AND_RESULTS, sections.get(0));
            }
            if (!at.containsKey(Requirement.FIRST_RESPONSIBILITY)) inPassing(sections, measures);
        }

        /** A top-level part: a heading of the report's highest level, or a closing paragraph read as a heading. */
        boolean isTop(Section s) {
            return s.level() > 0 && (!isHeading(s) || s.level() == topLevel);
        }

        /** The parts a section's heading names; a closing paragraph read as a heading is known by its kind. */
        private Set<Requirement> named(Section s, String heading, Integer year) {
            if (!isHeading(s)) {
                return s.kind() == SectionKind.PROBLEM ? EnumSet.of(Requirement.SHORTCOMINGS)
                        : s.kind() == SectionKind.PLAN ? EnumSet.of(Requirement.NEXT_YEAR_PLANS) : EnumSet.noneOf(Requirement.class);
            }
            Set<Requirement> named = EnumSet.noneOf(Requirement.class);
            if (FIRST_RESPONSIBILITY.matcher(heading).find()) named.add(Requirement.FIRST_RESPONSIBILITY);
            if (OTHER_MATTERS.matcher(heading).find()) named.add(Requirement.OTHER_MATTERS);
            else {
                if (SHORTCOMINGS.matcher(heading).find() && !heading.contains("解决")) named.add(Requirement.SHORTCOMINGS);
                if (NEXT_YEAR.matcher(heading).find() || laterYear(heading, year)) named.add(Requirement.NEXT_YEAR_PLANS);
            }
            if (named.isEmpty()) named.add(Requirement.MEASURES_AND_RESULTS);
            return named;
        }

        private static boolean laterYear(String heading, Integer year) {
            var m = YEAR.matcher(heading);
            return year != null && m.find() && Integer.parseInt(m.group(1)) > year;
        }

        /** Whether the section starts on a numbered heading, not on a closing paragraph read as one. */
        boolean isHeading(Section s) {
            return s.level() > 0 && HEADING.matcher(view.text().substring(s.span().start(), s.span().end())).find();
        }

        /** A heading's words, the titles of documents (《…》) taken out: a rule's title names no part. */
        private String headingWords(Section s) {
            return BOOK_TITLE.matcher(TextView.normalize(s.heading())).replaceAll("");
        }

        /** Where the text touches on the leaders' duty, if it has no part on it. */
        private void inPassing(List<Section> sections, List<Measure> measures) {
            for (Section s : sections) {
                if (s.level() > 0 && isHeading(s) && s.kind() != SectionKind.PLAN && DUTY.matcher(headingWords(s)).find()) {
                    dutyInPassing = headingSpan(s);
                    dutyInPassingText = "标题“" + quote(dutyInPassing) + "”谈履行法治建设职责，但未写明党政主要负责人履行第一责任人职责";
                    return;
                }
            }
            for (Measure m : measures) {
                if (m.section() == SectionKind.PLAN) continue;
                String words = BOOK_TITLE.matcher(view.text().substring(m.span().start(), m.span().end())).replaceAll("");
                if (FIRST_RESPONSIBILITY_SENTENCE.matcher(words).find()) {
                    dutyInPassing = sentenceSpan(m.span().start(), m.span().end());
                    dutyInPassingText = "仅在一句中提及：“" + quote(dutyInPassing) + "”";
                    return;
                }
            }
        }

        /** Whether the text gets past its achievements: a later part, or a closing paragraph on shortcomings or plans. */
        boolean beyondAchievements() {
            return at.containsKey(Requirement.SHORTCOMINGS) || at.containsKey(Requirement.NEXT_YEAR_PLANS)
                    || at.containsKey(Requirement.OTHER_MATTERS)
                    || (at.containsKey(Requirement.FIRST_RESPONSIBILITY) && isTop(at.get(Requirement.FIRST_RESPONSIBILITY)));
        }

        /** Whether the text shows a part that comes after {@code r}: then {@code r} is not beyond a cut. */
        boolean passed(Requirement r) {
            for (Requirement later : COMES_AFTER.get(r)) if (at.containsKey(later)) return true;
            return false;
        }

        /** The heading line, up to its first full stop. */
        Span headingSpan(Section s) {
            return sentenceSpan(s.span().start(), s.span().end());
        }

        /** From {@code start}: up to the first full stop or line end, and at most {@link #QUOTE_MAX} characters. */
        Span sentenceSpan(int start, int limit) {
            String t = view.text();
            int end = start;
            int max = Math.min(limit, Math.min(t.length(), start + QUOTE_MAX));
            while (end < max && t.charAt(end) != '\n' && t.charAt(end) != '。') end++;
            if (end < max && t.charAt(end) == '。') end++;
            while (end > start && Character.isWhitespace(t.charAt(end - 1))) end--;
            return new Span(start, Math.max(end, Math.min(start + 1, t.length())));
        }

        String quote(Span s) {
            return view.quote(s.start(), s.end());
        }

        /** The statements of a part: its numbered subsections, else its 一是 items, else its sentences. */
        int statements(Section part) {
            Span span = part.span();
            int sub = 0;
            for (Section s : sections) {
                if (s.level() == part.level() + 1 && span.contains(s.span()) && s != part) sub++;
            }
            if (sub >= 2) return sub;
            int items = 0, sentences = 0;
            for (Measure m : measures) {
                if (m.span().start() < span.start() || m.span().start() >= span.end()) continue;
                String words = view.text().substring(m.span().start(), m.span().end());
                if (ITEM.matcher(words).find()) items++;
                char last = words.charAt(words.length() - 1);
                if (last != ':') sentences++;
            }
            return items >= 2 ? items : sentences;
        }
    }

    private static Finding partFinding(Requirement r, Parts found, TextCompleteness completeness, Rule rule, DocumentKind kind) {
        String[] name = PART_NAMES.get(r);
        Section s = found.at.get(r);
        Span evidence = s == null ? null : found.isHeading(s) || s.level() == 0 ? found.headingSpan(s)
                : found.sentenceSpan(s.span().start(), s.span().end());
        Integer order = s == null ? null : s.order();
        Integer statements = s == null ? null : (r == Requirement.SHORTCOMINGS || r == Requirement.NEXT_YEAR_PLANS)
                ? Integer.valueOf(found.statements(s)) : null;
        String where = s == null ? null : s.level() == 0 ? "正文（无标题）" : "“" + found.quote(evidence) + "”";
        switch (rule) {
            case NONE -> {
                return kind == DocumentKind.LEADER
                        ? Finding.part(r, Outcome.INAPPLICABLE, Reason.NOT_AN_ANNUAL_REPORT, evidence, order,
                                "第一责任人述法报告不是法治政府建设年度报告，不适用年度报告的内容要求",
                                "a leader's report on the first-responsibility duty is no annual report: the contents required of one do not apply",
                                statements)
                        : Finding.part(r, Outcome.INAPPLICABLE, Reason.NO_RULE, evidence, order,
                                "2015年纲要之前无全国性年度报告规定", "no national rule on annual reports before the 2015 纲要", statements);
            }
            case IMPLEMENTATION_OUTLINE_2015 -> {
                return Finding.part(r, Outcome.INAPPLICABLE, Reason.RULE_NOT_IN_FORCE, evidence, order,
                        "2015年纲要未规定报告内容（五部分由2019年《督察工作规定》规定）" + (where == null ? "" : "；见" + where),
                        "the 2015 纲要 sets no contents (the five parts came with the 2019 rules)"
                                + (where == null ? "" : "; found at " + english(where)), statements);
            }
            case UNKNOWN -> {
                return Finding.part(r, Outcome.CANT_TELL, Reason.NO_YEAR, evidence, order,
                        "报告年度不明，适用的规定不明" + (where == null ? "" : "；见" + where),
                        "the year covered is not known, so neither is the rule" + (where == null ? "" : "; found at " + english(where)),
                        statements);
            }
            default -> { }
        }
        if (s != null) {
            return Finding.part(r, Outcome.PASSED, null, evidence, order, name[0] + "：见" + where,
                    name[1] + ": " + english(where), statements);
        }
        boolean beyondCut = !completeness.complete() && !found.passed(r);
        if (beyondCut) {
            return Finding.part(r, Outcome.CANT_TELL, Reason.TEXT_INCOMPLETE, completeness.where(), null,
                    "未知：正文不完整（" + completeness.zh() + "），" + name[0] + "可能在截断处之后",
                    "unknown: text incomplete (" + completeness.en() + "); " + name[1] + " may lie beyond the cut", null);
        }
        if (r == Requirement.FIRST_RESPONSIBILITY && found.dutyInPassing != null) {
            return Finding.part(r, Outcome.CANT_TELL, Reason.MENTIONED_ONLY, found.dutyInPassing, sectionOf(found, found.dutyInPassing),
                    "未知：" + found.dutyInPassingText + "，无专门部分",
                    "unknown: touched on (" + found.quote(found.dutyInPassing) + ") but no part reports it", null);
        }
        if (r == Requirement.OTHER_MATTERS) {
            return Finding.part(r, Outcome.INAPPLICABLE, Reason.NOTHING_ELSE_TO_REPORT, null, null,
                    "未列其他需要报告的情况：规定仅在有其他事项时要求报告", "no other matters: the rules ask for them only where there are any",
                    null);
        }
        return Finding.part(r, Outcome.FAILED, null, null, null, "缺少" + name[0] + "部分", "no part on " + name[1],
                r == Requirement.SHORTCOMINGS || r == Requirement.NEXT_YEAR_PLANS ? Integer.valueOf(0) : null);
    }

    /** A quoted place for the English description: the quote as it is, marked as a quote. */
    private static String english(String where) {
        return where.equals("正文（无标题）") ? "the text (no headings)" : where;
    }

    private static Integer sectionOf(Parts found, Span span) {
        Integer order = null;
        for (Section s : found.sections) if (s.span().start() <= span.start() && span.start() < s.span().end()) order = s.order();
        return order;
    }

    /** Whether the text's last lines are its signature (so it is whole even when it never gets past its achievements). */
    private static boolean endsSigned(TextView view, Signature signature) {
        if (signature == null) return false;
        return view.text().substring(Math.min(signature.end(), view.text().length())).strip().length() < 40;
    }

    // ------------------------------------------------------------------ deadlines

    private static List<Finding> deadlines(Rule rule, DocumentKind kind, ReportMetadata meta) {
        List<Finding> out = new ArrayList<>();
        Dates dates = Dates.of(meta);
        switch (rule) {
            case SUPERVISION_RULES_2019 -> {
                int next = meta.year() + 1;
                out.add(publication(LocalDate.of(next, 3, 31), dates));
                if (kind == DocumentKind.DEPARTMENT) {
                    out.add(reporting(Requirement.DEPARTMENT_REPORTING_DEADLINE, LocalDate.of(next, 3, 1).minusDays(1), dates,
                            "部门应于3月1日前向本级党委和政府报告", "a department reports to its government before 1 March"));
                }
            }
            case IMPLEMENTATION_OUTLINE_2015 -> out.add(reporting(Requirement.FIRST_QUARTER_REPORTING,
                    LocalDate.of(meta.year() + 1, 3, 31), dates, "应于第一季度报告", "reported in the first quarter"));
            case UNKNOWN -> out.add(new Finding(Requirement.PUBLICATION_DEADLINE, Outcome.CANT_TELL, Reason.NO_YEAR, dates.evidence(),
                    null, "报告年度不明，截止日期不明", "the year covered is not known, so neither is the deadline", null,
                    dates.best(), dates.bestSource(), null, null));
            case NONE -> out.add(new Finding(Requirement.PUBLICATION_DEADLINE, Outcome.INAPPLICABLE,
                    kind == DocumentKind.LEADER ? Reason.NOT_AN_ANNUAL_REPORT : Reason.NO_RULE, dates.evidence(), null,
                    kind == DocumentKind.LEADER ? "第一责任人述法报告不适用年度报告的期限" : "2015年纲要之前无全国性期限",
                    kind == DocumentKind.LEADER ? "a leader's report on the first-responsibility duty has no annual report's deadline"
                            : "no national deadline before the 2015 纲要", null, dates.best(), dates.bestSource(), null, null));
        }
        return out;
    }

    /** The dates a report gives: the page's publishing date, the date signed, the file's creation date. */
    private record Dates(LocalDate page, LocalDate signed, Span signedAt, LocalDate created) {

        static Dates of(ReportMetadata meta) {
            boolean fromFile = meta.publishedFrom() == DateSource.DOCUMENT_PROPERTY;
            LocalDate page = meta.publishedFrom() == DateSource.PAGE ? meta.published() : null;
            Signature s = meta.signature();
            return new Dates(page, s == null ? null : s.date(), s == null ? null : new Span(s.start(), s.end()),
                    fromFile ? meta.published() : null);
        }

        /** The date nothing can have been published before: the later of the date signed and the file's. */
        LocalDate notBefore() {
            if (signed == null) return created;
            if (created == null) return signed;
            return signed.isAfter(created) ? signed : created;
        }

        LocalDate best() { return page != null ? page : signed != null ? signed : created; }

        DateSource bestSource() {
            return page != null ? DateSource.PAGE : signed != null ? DateSource.SIGNATURE : created != null ? DateSource.DOCUMENT_PROPERTY : null;
        }

        Span evidence() { return page == null && signed != null ? signedAt : null; }
    }

    /** Made public before 1 April: the page's date decides; a date signed or created can only show it late. */
    private static Finding publication(LocalDate lastDay, Dates d) {
        Requirement r = Requirement.PUBLICATION_DEADLINE;
        String rule = "应于" + (lastDay.getYear()) + "年4月1日前公开";
        String ruleEn = "made public before 1 April " + lastDay.getYear();
        if (d.page() != null) return judged(r, lastDay, d.page(), DateSource.PAGE, null, false, rule, ruleEn);
        LocalDate bound = d.notBefore();
        if (bound == null) {
            return new Finding(r, Outcome.CANT_TELL, Reason.NO_DATE, null, null, "未知：报告无日期（" + rule + "）",
                    "unknown: the report gives no date (" + ruleEn + ")", lastDay, null, null, null, null);
        }
        DateSource source = d.signed() != null && d.signed().equals(bound) ? DateSource.SIGNATURE : DateSource.DOCUMENT_PROPERTY;
        Span at = source == DateSource.SIGNATURE ? d.signedAt() : null;
        if (bound.isAfter(lastDay)) return judged(r, lastDay, bound, source, at, true, rule, ruleEn);
        return new Finding(r, Outcome.CANT_TELL, Reason.PUBLICATION_DATE_UNKNOWN, at, null,
                "未知：" + dateName(source) + bound + "在截止日前，但公开日期不明（" + rule + "）",
                "unknown: " + dateNameEn(source) + " " + bound + " is on time, but the date it was made public is not given (" + ruleEn + ")",
                lastDay, bound, source, null, null);
    }

    /** Reported by a date: the date signed decides; a publishing date on time shows it reported on time. */
    private static Finding reporting(Requirement r, LocalDate lastDay, Dates d, String rule, String ruleEn) {
        if (d.signed() != null) return judged(r, lastDay, d.signed(), DateSource.SIGNATURE, d.signedAt(), false, rule, ruleEn);
        if (d.page() != null && !d.page().isAfter(lastDay)) {
            return judged(r, lastDay, d.page(), DateSource.PAGE, null, false, rule, ruleEn);
        }
        if (d.page() != null) {
            return new Finding(r, Outcome.CANT_TELL, Reason.REPORTING_DATE_UNKNOWN, null, null,
                    "未知：" + d.page() + "公开，晚于截止日，但报送日期不明（" + rule + "）",
                    "unknown: made public " + d.page() + ", after the deadline, but when it was sent is not given (" + ruleEn + ")",
                    lastDay, d.page(), DateSource.PAGE, null, null);
        }
        return new Finding(r, Outcome.CANT_TELL, Reason.NO_DATE, null, null, "未知：报告无成文日期（" + rule + "）",
                "unknown: the report gives no date it was signed (" + ruleEn + ")", lastDay, null, null, null, null);
    }

    private static Finding judged(Requirement r, LocalDate lastDay, LocalDate date, DateSource source, Span at, boolean lowerBound,
                                  String rule, String ruleEn) {
        long late = ChronoUnit.DAYS.between(lastDay, date);
        String name = dateName(source), nameEn = dateNameEn(source);
        if (late <= 0) {
            return new Finding(r, Outcome.PASSED, null, at, null, "按时：" + name + date + "（" + rule + "）",
                    "on time: " + nameEn + " " + date + " (" + ruleEn + ")", lastDay, date, source, null, null);
        }
        String bound = lowerBound ? "至少" : "", boundEn = lowerBound ? "at least " : "";
        return new Finding(r, Outcome.FAILED, null, at, null,
                "逾期" + bound + late + "天：" + name + date + "，截止日" + lastDay + "（" + rule + "）",
                "late by " + boundEn + late + " day" + (late == 1 ? "" : "s") + ": " + nameEn + " " + date + ", last day " + lastDay
                        + " (" + ruleEn + ")", lastDay, date, source, (int) late, null);
    }

    private static String dateName(DateSource s) {
        return switch (s) {
            case PAGE -> "网页发布日期";
            case SIGNATURE -> "落款日期";
            case DOCUMENT_PROPERTY -> "文件创建日期";
        };
    }

    private static String dateNameEn(DateSource s) {
        return switch (s) {
            case PAGE -> "published";
            case SIGNATURE -> "signed";
            case DOCUMENT_PROPERTY -> "file created";
        };
    }

    // ------------------------------------------------------------------ joint reports, concreteness

    /** A title or signature that names a party committee and a government together: 中共武定县委 武定县人民政府. */
    private static final Pattern JOINT_TITLE = Pattern.compile("^中共[\\p{IsHan}]{1,20}?委员?会?[\\s、]*[\\p{IsHan}]{1,20}?(人民政府|政府)");

    private static Span jointIssuers(ReportMetadata meta, TextView view) {
        Signature s = meta.signature();
        if (s != null) {
            boolean party = s.issuers().stream().anyMatch(i -> i.kind() == AgencyKind.PARTY);
            boolean government = s.issuers().stream().anyMatch(i -> i.kind() == AgencyKind.GOVERNMENT);
            if (party && government) return new Span(s.start(), s.end());
        }
        if (meta.title() != null && JOINT_TITLE.matcher(TextView.normalize(meta.title())).find()) {
            int at = view.original().indexOf(meta.title());
            if (at >= 0) return new Span(at, at + meta.title().length());
            return null;
        }
        return null;
    }

    private static Concreteness concreteness(TextView view, ReportMentions mentions, List<Finding> parts) {
        int characters = (int) view.original().codePoints().filter(c -> !Character.isWhitespace(c)).count();
        int facts = mentions.metrics().size();
        BigDecimal density = characters == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(facts * 10_000L).divide(BigDecimal.valueOf(characters), 1, RoundingMode.HALF_UP);
        return new Concreteness(characters, facts, density, statements(parts, Requirement.SHORTCOMINGS),
                statements(parts, Requirement.NEXT_YEAR_PLANS));
    }

    /** A part's statements: counted where the part was found, 0 where it is absent, unknown where that is unknown. */
    private static Integer statements(List<Finding> parts, Requirement r) {
        for (Finding f : parts) if (f.requirement() == r) return f.statements();
        return null;
    }
}
