package org.w3id.fazhi.recognize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructureRecognizerTest {

    private static final String TEXT = String.join("\n",
            "2023年,我县全面推进法治政府建设。",
            "一、主要举措和成效",
            "(一)加强党的领导",
            "1.深入学习贯彻习近平法治思想。一是强化领导。二是压实责任,召开会议3次。",
            "二、存在的问题",
            "执法队伍专业化水平有待提高。",
            "三、2024年工作打算",
            "(一)持续深化改革。进一步推进综合行政执法改革。");

    private final StructureRecognizer structure = new StructureRecognizer();
    private final TextView view = TextView.of(TEXT);
    private final List<Section> sections = structure.sections(view, 2023);

    @Test
    void headingsAtThreeLevelsAndTheirKinds() {
        assertEquals(List.of(0, 1, 2, 3, 1, 1, 2), sections.stream().map(Section::level).toList());
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.ACHIEVEMENT, SectionKind.ACHIEVEMENT, SectionKind.ACHIEVEMENT,
                SectionKind.PROBLEM, SectionKind.PLAN, SectionKind.PLAN), sections.stream().map(Section::kind).toList());
        assertEquals("一、主要举措和成效", sections.get(1).heading());
    }

    @Test
    void sectionsNestUntilTheNextHeadingOfTheirLevel() {
        Section first = sections.get(1);
        assertTrue(first.span().contains(sections.get(3).span()));
        assertEquals(TEXT.indexOf("二、"), first.span().end());
    }

    @Test
    void measuresAreSentencesAndEnumeratedItems() {
        List<String> measures = structure.measures(view, sections).stream()
                .map(m -> TEXT.substring(m.span().start(), m.span().end())).toList();
        assertTrue(measures.contains("二是压实责任,召开会议3次。"), measures.toString());
        assertTrue(measures.contains("执法队伍专业化水平有待提高。"), measures.toString());
        assertTrue(measures.stream().noneMatch(m -> m.startsWith("一、")), measures.toString());
    }

    @Test
    void aClosingParagraphOnShortcomingsOpensTheProblems() {
        String text = "2023年,新区推进依法行政。\n一、主要工作\n全年办理案件30件,取得成效。\n"
                + "深化“放管服”改革,优化营商环境,推进严格规范公正文明执法,完善矛盾纠纷多元化解机制,加强行政权力制约和监督。\n"
                + "2023年,新区法治政府建设工作虽然取得较大进展,但仍然存在一些薄弱环节。一是统筹不够。\n二、2024年工作打算\n深化改革。";
        List<Section> s = structure.sections(TextView.of(text), 2023);
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.ACHIEVEMENT, SectionKind.PROBLEM, SectionKind.PLAN),
                s.stream().map(Section::kind).toList());
    }

    @Test
    void aClosingNextStepParagraphOpensThePlans() {
        String text = "2020年,我县推进依法行政。\n一、主要工作\n全年办理案件30件,取得成效。\n"
                + "各项工作稳步推进,取得了明显成效,群众满意度不断提高。\n下一步,我县将继续深化改革。";
        List<Section> s = structure.sections(TextView.of(text), 2020);
        assertEquals(SectionKind.PLAN, s.get(s.size() - 1).kind());
    }
}
