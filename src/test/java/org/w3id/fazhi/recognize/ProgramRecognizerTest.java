package org.w3id.fazhi.recognize;

import org.w3id.fazhi.rdf.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramRecognizerTest {

    private static ProgramScheme scheme;

    @BeforeAll
    static void load() {
        scheme = ProgramScheme.from(Vocabularies.file("programs.ttl"));
    }

    @Test
    void theSchemeHoldsTheCanonicalPrograms() {
        assertTrue(scheme.programs().size() >= 80, "programs: " + scheme.programs().size());
        assertNotNull(scheme.byLabel("枫桥经验"));
        assertEquals("枫桥经验", scheme.byLabel("新时代枫桥经验").label());
    }

    @Test
    void labelsMatchAcrossQuotationMarksAndKeepTheSurface() {
        String text = "坚持和发展新时代“枫桥经验”,全面落实“八五”普法规划,持续深化“放管服”改革。";
        List<ProgramMention> found = new ProgramRecognizer(scheme).programs(TextView.of(text), List.of());
        List<String> labels = found.stream().map(p -> p.program().label()).toList();
        assertEquals(List.of("枫桥经验", "八五普法", "放管服"), labels);
        assertEquals("“八五”普法规划", found.get(1).surface());
        assertEquals("“放管服”改革", found.get(2).surface());
    }

    @Test
    void practicedUnlessNamedOnlyInThePlans() {
        String text = "一、主要成效\n深化“放管服”改革。\n二、下一步工作打算\n推进“放管服”改革,坚持新时代“枫桥经验”。";
        TextView view = TextView.of(text);
        List<Section> sections = new StructureRecognizer().sections(view, 2023);
        List<ProgramMention> found = new ProgramRecognizer(scheme).programs(view, sections);
        ReportMentions m = new ReportMentions(null, sections, List.of(), found, List.of(), List.of(), List.of());
        Map<Program, ReportMentions.ProgramStatus> status = m.programStatus();
        assertEquals(ReportMentions.ProgramStatus.PRACTICED, status.get(scheme.byLabel("放管服")));
        assertEquals(ReportMentions.ProgramStatus.PLANNED, status.get(scheme.byLabel("枫桥经验")));
    }

    @Test
    void quotedNamesOutsideTheSchemeAreCandidates() {
        String text = "打造“法治体检驿站”服务品牌,推行“蒙城会商机制”。";
        List<String> names = new ProgramRecognizer(scheme).candidates(TextView.of(text), List.of()).stream()
                .map(CandidateProgram::name).toList();
        assertTrue(names.contains("蒙城会商机制"), names.toString());
    }
}
