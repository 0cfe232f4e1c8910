package org.w3id.fazhi.recognize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the headings of a report (一、 · (一) · 1.) and the sections they open, and says which part
 * each section is: achievements, problems or plans. Reports since 2021 follow one outline (成效,
 * 问题, 主要负责人履职, 下一年工作打算), earlier ones close with 下一步 paragraphs; both are read.
 * Also cuts the body into measures: a sentence, or an item opened by 一是/二是.
 */
public final class StructureRecognizer {

    private static final Pattern LEVEL1 = Pattern.compile("^[一二三四五六七八九十]+[、.]");
    private static final Pattern LEVEL2 = Pattern.compile("^\\([一二三四五六七八九十]+\\)");
    private static final Pattern LEVEL3 = Pattern.compile("^\\d{1,2}[.、](?!\\d)");
    private static final Pattern PLAN = Pattern.compile(
            "打算|下一步|思路|工作安排|努力方向|展望|今后|意见建议|有关建议|工作计划|工作要点|重点任务|工作重点");
    private static final Pattern PROBLEM = Pattern.compile("问题|不足|短板|差距|困难|薄弱");
    private static final Pattern NEXT_STEP = Pattern.compile("^(下一步|今后|(?:19|20)\\d\\d年[,，]?[\\p{IsHan}]{0,6}将)");
    /** A paragraph that owns up to shortcomings without a heading of its own: 但仍然存在一些薄弱环节. */
    private static final Pattern PROBLEM_PARAGRAPH = Pattern.compile(
            "^[^。]{0,40}(但|仍|还|也)[^。]{0,6}(存在|有)[^。]{0,12}(问题|不足|薄弱环节|短板|差距|困难)");
    private static final Pattern ITEM = Pattern.compile("[一二三四五六七八九十]+是");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d)年");

    /** The sections of the body, the preamble first. Sections nest: each runs to the next heading of its level or above. */
    public List<Section> sections(TextView view, Integer year) {
        String t = view.text();
        record Heading(int start, int level, String text) {}
        List<Heading> headings = new ArrayList<>();
        int lineStart = 0;
        boolean sawPlan = false, sawProblem = false;
        while (lineStart < t.length()) {
            int lineEnd = t.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = t.length();
            String line = t.substring(lineStart, lineEnd);
            int level = LEVEL1.matcher(line).find() ? 1 : LEVEL2.matcher(line).find() ? 2
                    : LEVEL3.matcher(line).find() ? 3 : 0;
            if (level > 0) {
                headings.add(new Heading(lineStart, level, headingText(line)));
                sawPlan |= level == 1 && PLAN.matcher(headingText(line)).find();
                sawProblem |= level == 1 && PROBLEM.matcher(headingText(line)).find();
            } else if (!sawPlan && lineStart > t.length() / 2 && NEXT_STEP.matcher(line).find()) {
                // A closing 下一步 paragraph with no heading of its own still opens the plans.
                headings.add(new Heading(lineStart, 1, "下一步"));
                sawPlan = true;
            } else if (!sawPlan && !sawProblem && lineStart > t.length() / 2 && PROBLEM_PARAGRAPH.matcher(line).find()) {
                // Likewise a closing paragraph on what is still lacking opens the problems.
                headings.add(new Heading(lineStart, 1, "存在问题"));
                sawProblem = true;
            }
            lineStart = lineEnd + 1;
        }
        List<Section> sections = new ArrayList<>();
        int firstHeading = headings.isEmpty() ? t.length() : headings.get(0).start();
        sections.add(new Section(0, "", 0, SectionKind.OVERVIEW, new Span(0, firstHeading)));
        SectionKind[] kindAtLevel = new SectionKind[4];
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int end = t.length();
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level() <= h.level()) {
                    end = headings.get(j).start();
                    break;
                }
            }
            SectionKind inherited = SectionKind.ACHIEVEMENT;
            for (int l = h.level() - 1; l >= 1; l--) {
                if (kindAtLevel[l] != null) {
                    inherited = kindAtLevel[l];
                    break;
                }
            }
            SectionKind kind = kindOf(h.text(), year, h.level() == 1 ? SectionKind.ACHIEVEMENT : inherited);
            kindAtLevel[h.level()] = kind;
            for (int l = h.level() + 1; l < kindAtLevel.length; l++) kindAtLevel[l] = null;
            sections.add(new Section(i + 1, view.quote(h.start(), h.start() + h.text().length()), h.level(), kind,
                    new Span(h.start(), end)));
        }
        return sections;
    }

    private static SectionKind kindOf(String heading, Integer year, SectionKind otherwise) {
        boolean plan = PLAN.matcher(heading).find();
        Matcher y = YEAR.matcher(heading);
        if (year != null && y.find() && Integer.parseInt(y.group(1)) > year) plan = true;
        if (plan) return SectionKind.PLAN;
        if (PROBLEM.matcher(heading).find() && !heading.contains("解决")) return SectionKind.PROBLEM;
        return otherwise;
    }

    /** A heading line's heading: up to its first full stop. */
    private static String headingText(String line) {
        int stop = line.indexOf('。');
        return stop < 0 ? line : line.substring(0, stop + 1);
    }

    /** The measures of the body: sentences and 一是 items, heading sentences left out. */
    public List<Measure> measures(TextView view, List<Section> sections) {
        String t = view.text();
        List<Measure> measures = new ArrayList<>();
        int start = 0;
        Matcher items = ITEM.matcher(t);
        for (int i = 0; i <= t.length(); i++) {
            boolean end = i == t.length() || "。；;！？!?\n".indexOf(t.charAt(i)) >= 0;
            boolean item = i < t.length() - 1 && i > start && "，,：:。；\n".indexOf(t.charAt(i - 1)) >= 0
                    && items.region(i, Math.min(t.length(), i + 3)).lookingAt();
            if (!end && !item) continue;
            int stop = end && i < t.length() ? i + 1 : i;
            addMeasure(view, sections, measures, start, stop);
            start = stop;
        }
        return measures;
    }

    private static void addMeasure(TextView view, List<Section> sections, List<Measure> out, int start, int end) {
        String t = view.text();
        while (start < end && Character.isWhitespace(t.charAt(start))) start++;
        while (end > start && Character.isWhitespace(t.charAt(end - 1))) end--;
        if (end - start < 8) return;
        Section inner = sections.get(0);
        for (Section s : sections) {
            if (s.span().start() <= start && start < s.span().end()) inner = s;
            if (s.level() > 0 && s.span().start() == start) return; // the heading itself
        }
        out.add(new Measure(out.size() + 1, new Span(start, end), inner.order(), inner.kind()));
    }
}
