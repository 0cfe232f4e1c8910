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

    private static List<String> found(String text) {
        return new ProgramRecognizer(scheme).programs(TextView.of(text), List.of()).stream()
                .map(p -> p.program().label()).toList();
    }

    @Test
    void everyLabelNamesOneProgram() {
        scheme.labels().forEach((label, programs) -> assertTrue(programs.size() <= 1, label + " → " + programs));
    }

    @Test
    void bareFormsCountWhereNoLongerWordHoldsThem() {
        assertEquals(List.of("领导干部述法"), found("区属各部门主要负责人在全会上进行述法。"));
        assertEquals(List.of(), found("依照上述法律规定办理,并讲述法治故事。"));
        assertEquals(List.of("政府法律顾问制度"), found("聘请3名律师担任局法律顾问。"));
        assertEquals(List.of("一村(社区)一法律顾问"), found("全面推行村法律顾问。"));
        assertEquals(List.of(), found("为企业法律顾问开展培训。"));
    }

    @Test
    void hiddenLabelsOnlyWhereTheClauseSpeaksOfLaw() {
        assertEquals(List.of("法治督察"), found("顺利迎接中央依法治国办实地督察。"));
        assertEquals(List.of("法治督察"), found("开展优化法治化营商环境专项督察。"));
        assertEquals(List.of(), found("配合中央生态环境保护督察组开展实地督察。"));
        assertEquals(List.of(), found("依法开展安全生产专项督察。"));
    }

    @Test
    void aProgramNamedInADocumentThatIsOnlyCitedIsNotPractised() {
        assertEquals(List.of(), found("组织干部学习《公平竞争审查条例》。"));
        assertEquals(List.of(), found("按照《市法治政府建设督察工作方案》要求,现将有关情况报告如下。"));
        assertEquals(List.of(), found("按照省法治政府建设督察工作规定,现将有关情况报告如下。"));
        assertEquals(List.of(), found("向全体干部发放《“法律明白人”普法读本》。"));
        // A document the report made or carries out is how it practised the program.
        assertEquals(List.of("领导干部学法"), found("印发《县人民政府领导干部学法制度》。"));
        assertEquals(List.of("第一责任人职责"), found("严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》。"));
        // Acting on a plan whose title pushes the program forward is practising it; studying one is not.
        assertEquals(List.of("放管服"), found("根据《市推进简政放权放管结合优化服务实施方案》,精简审批事项。"));
        assertEquals(List.of(), found("组织学习《关于深入推进简政放权放管结合优化服务的意见》。"));
    }
}
