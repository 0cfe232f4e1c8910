package org.w3id.fazhi.rdf;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.recognize.compliance.ComplianceAssessment;
import org.w3id.fazhi.source.SourceReader;
import org.w3id.fazhi.validate.ReportValidator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compliance profile ({@link ComplianceGraph}, EARL assertions per requirement) of every report
 * the project reads: the five development reports, checked point by point against a reading of each
 * (said in a comment above its test); short reports written for the purpose, each lacking or
 * breaking one thing; and gold-meta's openings, cut after about 2,000 bytes, whose missing parts
 * must be unknown, never absent.
 */
class ComplianceTest {

    private static final Extractor EXTRACTOR = Extractor.builder().build();
    private static final SourceReader SOURCES = SourceReader.builder().build();
    private static final Model ONTOLOGY = Vocabularies.file("fazhi.ttl");
    private static final Map<String, ExtractedReport> DATA = new HashMap<>();

    @BeforeAll
    static void extractTheFive() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("data/reports"))) {
            for (Path f : files.sorted().toList()) DATA.put(f.getFileName().toString(), extract(f));
        }
    }

    static ExtractedReport extract(Path file) throws IOException {
        try {
            return EXTRACTOR.extract(SOURCES.readOne(file.toString()));
        } catch (org.w3id.fazhi.source.SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** One point of the profile, as the graph gives it. */
    record Point(String outcome, String reason, String quote, String sectionLabel, String deadline, String date,
                 String dateSource, Integer daysLate, String zh) {}

    /** The report's points, by the requirement's notation (read from the ontology, as a client would). */
    static Map<String, Point> profile(ExtractedReport r) {
        Model g = r.graph();
        Resource assessment = g.getResource(r.reportIri()).getPropertyResourceValue(FZ.complianceAssessment);
        assertNotNull(assessment, r.reportIri() + " has no assessment");
        Map<String, Point> out = new TreeMap<>();
        for (Statement s : assessment.listProperties(FZ.assertion).toList()) {
            Resource a = s.getResource();
            assertEquals(g.getResource(r.reportIri()), a.getPropertyResourceValue(W3C.subject), "earl:subject");
            Resource test = a.getPropertyResourceValue(W3C.test);
            String notation = ONTOLOGY.getResource(test.getURI()).getProperty(SKOS.notation).getString();
            Resource result = a.getPropertyResourceValue(W3C.result);
            Resource section = result.getPropertyResourceValue(FZ.section);
            Resource reason = result.getPropertyResourceValue(FZ.outcomeReason);
            Resource dateSource = result.getPropertyResourceValue(FZ.dateSource);
            out.put(notation, new Point(local(result.getPropertyResourceValue(W3C.outcome)),
                    reason == null ? null : ONTOLOGY.getResource(reason.getURI()).getProperty(SKOS.notation).getString(),
                    string(result, FZ.quote), section == null ? null : string(section, org.apache.jena.vocabulary.RDFS.label),
                    string(result, FZ.deadline), string(result, FZ.dateJudged),
                    dateSource == null ? null : local(dateSource), result.hasProperty(FZ.daysLate) ? result.getProperty(FZ.daysLate).getInt() : null,
                    lang(result, DCTerms.description, "zh")));
        }
        return out;
    }

    /** The assessment's own values (figures, outcomes, flags) by the property's local name. */
    static Map<String, String> figures(ExtractedReport r) {
        Resource assessment = r.graph().getResource(r.reportIri()).getPropertyResourceValue(FZ.complianceAssessment);
        Map<String, String> out = new TreeMap<>();
        for (Statement s : assessment.listProperties().toList()) {
            if (s.getPredicate().equals(FZ.assertion) || s.getPredicate().equals(RDF.type) || s.getPredicate().equals(DCTerms.description)) continue;
            RDFNode o = s.getObject();
            out.put(s.getPredicate().getLocalName(), o.isLiteral() ? o.asLiteral().getLexicalForm() : local(o.asResource()));
        }
        return out;
    }

    private static String local(Resource r) {
        String u = r.getURI();
        return u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1);
    }

    private static String string(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null ? null : s.getLiteral().getLexicalForm();
    }

    private static String lang(Resource r, org.apache.jena.rdf.model.Property p, String lang) {
        for (Statement s : r.listProperties(p).toList()) if (s.getLanguage().equals(lang)) return s.getString();
        return null;
    }

    /** A part found at a heading: passed, the heading quoted, the section linked. */
    static void present(Map<String, Point> profile, String part, String heading) {
        Point p = profile.get(part);
        assertEquals("passed", p.outcome(), part + ": " + p);
        assertEquals(heading, p.quote(), part);
        assertNotNull(p.sectionLabel(), part + " has no section");
        assertNull(p.reason(), part);
    }

    /** A point that cannot be told or does not apply, for the reason given. */
    static Point unknown(Map<String, Point> profile, String requirement, String outcome, String reason) {
        Point p = profile.get(requirement);
        assertEquals(outcome, p.outcome(), requirement + ": " + p);
        assertEquals(reason, p.reason(), requirement);
        return p;
    }

    /** A deadline missed: by how many days, judged by which date, read where. */
    static Point late(Map<String, Point> profile, String requirement, int days, String date, String lastDay, String source) {
        Point p = profile.get(requirement);
        assertEquals("failed", p.outcome(), requirement + ": " + p);
        assertEquals(days, p.daysLate());
        assertEquals(date, p.date());
        assertEquals(lastDay, p.deadline());
        assertEquals(source, p.dateSource());
        return p;
    }

    static void nothingElse(Map<String, Point> profile) {
        Point p = profile.get("other-matters");
        assertEquals("inapplicable", p.outcome());
        assertEquals("nothing-else-to-report", p.reason());
    }

    static void onTime(Map<String, Point> profile, String published, String lastDay) {
        Point p = profile.get("publication-deadline");
        assertEquals("passed", p.outcome(), p.toString());
        assertEquals(published, p.date());
        assertEquals(lastDay, p.deadline());
        assertEquals("PageDate", p.dateSource());
        assertNull(p.daysLate());
    }

    /**
     * The figures of concreteness agree with the graph's own facts: every number with its measure word
     * is an fz:MetricFact or a piece of evidence of an observation (a figure stated twice is one
     * observation with two), and the characters are the text's, whitespace left out.
     */
    static void concreteness(ExtractedReport r, int problems, int plans) {
        Map<String, String> f = figures(r);
        Model g = r.graph();
        int facts = g.listResourcesWithProperty(RDF.type, FZ.MetricFact).toList().size();
        for (Resource o : g.listResourcesWithProperty(RDF.type, W3C.Observation).toList()) facts += o.listProperties(FZ.evidence).toList().size();
        assertEquals(String.valueOf(facts), f.get("factCount"), r.reportIri());
        long characters = r.document().text().codePoints().filter(c -> !Character.isWhitespace(c)).count();
        assertEquals(String.valueOf(characters), f.get("characterCount"));
        assertEquals(new java.math.BigDecimal(facts * 10_000L).divide(new java.math.BigDecimal(characters), 1, java.math.RoundingMode.HALF_UP),
                new java.math.BigDecimal(f.get("factsPerTenThousandChars")));
        assertEquals(String.valueOf(problems), f.get("problemsStated"), "problems stated");
        assertEquals(String.valueOf(plans), f.get("plansStated"), "plans stated");
        assertEquals("true", f.get("textComplete"), "the text ends on a full stop");
    }

    // ---------------------------------------------------------------- the five reports in data/

    /**
     * 南昌县 2023 (published 2024-01-25 on the county's site). Reading: 一、2023年法治政府建设主要工作及成效;
     * the problems part starts at 二、存在的主要问题 and states three (一是少数单位领导履职尽责还不够到位 …
     * 三是行政争议实质化解力度还不够强大); the leaders' duty has a part of its own, 三、主要负责人履行职责情况;
     * 四、有关意见建议 reports suggestions — none of the other four parts, so the fifth; 五、2024年工作打算
     * states three (一是持续压紧压实法治政府建设职责 … 三是持续全面提升行政争议化解质效).
     */
    @Test
    void nanchang() {
        ExtractedReport r = DATA.get("nanchang-county-2023.txt");
        Map<String, Point> p = profile(r);
        present(p, "measures-and-results", "一、2023年法治政府建设主要工作及成效");
        present(p, "shortcomings", "二、存在的主要问题");
        present(p, "first-responsibility", "三、主要负责人履行职责情况");
        present(p, "other-matters", "四、有关意见建议");
        present(p, "next-year-plans", "五、2024年工作打算");
        onTime(p, "2024-01-25", "2024-03-31");
        assertEquals(6, p.size(), "five parts and the publication deadline of a government's report");
        Map<String, String> f = figures(r);
        assertEquals("SupervisionRules2019", f.get("ruleApplied"));
        assertEquals("GovernmentReport", f.get("assessedAs"));
        assertEquals("false", f.get("jointReport"));
        assertEquals("passed", f.get("partsOutcome"));
        assertEquals("passed", f.get("timelinessOutcome"));
        assertEquals("5", f.get("partsPresent"));
        concreteness(r, 3, 3);
    }

    /**
     * 高台县 2020, published 2021-04-01: one day after 31 March. Reading: 一、主要措施及成效; 二、存在的问题 states
     * three (一是个别镇、部门单位对推进法治政府建设的重视程度不高 …; 二是…; 三是…); 三、下一步工作打算 states five
     * (一是着力增强依法行政意识 … 五是着力完善公共法律服务体系). No part on the leaders' first responsibility:
     * the report names the duty once, in the achievements, as a self-inspection it joined ("全县党政主要负责人
     * 履行推进法治建设第一责任人职责与法治政府建设自查工作"); its other mentions are a rule's title in the
     * preamble (《党政主要负责人履行推进法治建设第一责任人职责规定》) and a plan for 2021. Mentioned, not reported.
     */
    @Test
    void gaotai() {
        ExtractedReport r = DATA.get("gaotai-county-2020.txt");
        Map<String, Point> p = profile(r);
        present(p, "measures-and-results", "一、主要措施及成效");
        present(p, "shortcomings", "二、存在的问题");
        present(p, "next-year-plans", "三、下一步工作打算");
        nothingElse(p);
        Point duty = unknown(p, "first-responsibility", "cantTell", "mentioned-only");
        assertTrue(duty.quote().startsWith("同时,根据省、市要求") && duty.quote().contains("第一责任人职责"), duty.quote());
        assertEquals("(一)加强统筹谋划,法治政府责任体系逐步健全。", duty.sectionLabel());
        Point late = late(p, "publication-deadline", 1, "2021-04-01", "2021-03-31", "PageDate");
        assertTrue(late.zh().startsWith("逾期1天"), late.zh());
        Map<String, String> f = figures(r);
        assertEquals("SupervisionRules2019", f.get("ruleApplied"), "a report on 2020 is the 2019 rules'");
        assertEquals("failed", f.get("timelinessOutcome"));
        assertEquals("cantTell", f.get("partsOutcome"));
        concreteness(r, 3, 5);
    }

    /**
     * 汕尾市城区 2023, published 2024-01-31. Reading: 一、法治政府建设主要举措和成效; 二、2023年法治政府建设存在的
     * 问题与不足 states three (一是深入学习贯彻习近平法治思想仍有待持续强化 …; 三是法治宣传教育活动载体相对单一);
     * 三、2024年法治政府建设工作安排 states three (一是深入学习宣传贯彻习近平法治思想 …). The leaders' duty: the first
     * item of the achievements is headed "(一)深入学习贯彻习近平法治思想,切实履行推进法治政府建设职责" — the
     * district's duty, with its principal leaders named only as chairing study meetings; no first
     * responsibility. A borderline a reader could take either way: unknown.
     */
    @Test
    void shanwei() {
        ExtractedReport r = DATA.get("shanwei-chengqu-2023.txt");
        Map<String, Point> p = profile(r);
        present(p, "measures-and-results", "一、法治政府建设主要举措和成效");
        present(p, "shortcomings", "二、2023年法治政府建设存在的问题与不足");
        present(p, "next-year-plans", "三、2024年法治政府建设工作安排");
        nothingElse(p);
        Point duty = unknown(p, "first-responsibility", "cantTell", "mentioned-only");
        assertEquals("(一)深入学习贯彻习近平法治思想,切实履行推进法治政府建设职责", duty.quote());
        onTime(p, "2024-01-31", "2024-03-31");
        concreteness(r, 3, 3);
    }

    /**
     * 大连金普新区 2023, a copy on a tender-listing site with no date, and no signature in the text.
     * Reading: 一、主要工作举措和成效, whose first item is the leaders' duty: "(一)践行习近平法治思想,切实履行推进
     * 法治政府建设第一责任人职责" (述法 by the principal leaders of the committee and its departments); the
     * shortcomings have no heading: a closing paragraph of the achievements, "2023年,新区法治政府建设工作虽然
     * 取得较大进展,但仍然存在一些薄弱环节。一是…;二是…" (two); 二、2024年工作打算 states five (一是 … 五是).
     */
    @Test
    void jinpu() {
        ExtractedReport r = DATA.get("dalian-jinpu-new-area-2023.txt");
        Map<String, Point> p = profile(r);
        present(p, "measures-and-results", "一、主要工作举措和成效");
        present(p, "first-responsibility", "(一)践行习近平法治思想,切实履行推进法治政府建设第一责任人职责");
        present(p, "shortcomings", "2023年,新区法治政府建设工作虽然取得较大进展,但仍然存在一些薄弱环节。");
        present(p, "next-year-plans", "二、2024年工作打算");
        nothingElse(p);
        Point date = unknown(p, "publication-deadline", "cantTell", "no-date");
        assertEquals("2024-03-31", date.deadline());
        assertNull(date.date());
        Map<String, String> f = figures(r);
        assertEquals("cantTell", f.get("timelinessOutcome"));
        assertEquals("passed", f.get("partsOutcome"));
        concreteness(r, 2, 5);
    }

    /**
     * 襄阳高新区 2023, published 2024-02-22. Reading: 一、工作开展情况; 二、党政主要负责人履行推进法治建设第一责任人
     * 职责情况; 三、存在的问题 with three subsections ((一)涉企法治宣传及服务还不够全面深入 …); 四、下一步工作打算
     * with four ((一)切实加强政治理论学习 … (四)增强公共法律服务质效).
     */
    @Test
    void xiangyang() {
        ExtractedReport r = DATA.get("xiangyang-high-tech-zone-2023.txt");
        Map<String, Point> p = profile(r);
        present(p, "measures-and-results", "一、工作开展情况");
        present(p, "first-responsibility", "二、党政主要负责人履行推进法治建设第一责任人职责情况");
        present(p, "shortcomings", "三、存在的问题");
        present(p, "next-year-plans", "四、下一步工作打算");
        nothingElse(p);
        onTime(p, "2024-02-22", "2024-03-31");
        concreteness(r, 3, 4);
    }

    // ---------------------------------------------------------------- reports written for the purpose

    static ExtractedReport written(String file) throws IOException {
        return extract(Path.of("src/test/resources/compliance", file));
    }

    @Test
    void aReportWithoutAProblemsSectionLacksTheShortcomings() throws IOException {
        ExtractedReport r = written("qinghe-no-problems-2023.txt");
        Map<String, Point> p = profile(r);
        Point shortcomings = p.get("shortcomings");
        assertEquals("failed", shortcomings.outcome());
        assertNull(shortcomings.reason());
        assertNull(shortcomings.quote());
        present(p, "measures-and-results", "一、法治政府建设主要举措和成效");
        present(p, "first-responsibility", "二、党政主要负责人履行推进法治建设第一责任人职责情况");
        present(p, "next-year-plans", "三、2024年工作打算");
        onTime(p, "2024-02-20", "2024-03-31");
        Map<String, String> f = figures(r);
        assertEquals("failed", f.get("partsOutcome"));
        assertEquals("1", f.get("partsMissing"));
        assertEquals("0", f.get("problemsStated"), "no part, no problem stated");
        assertEquals("3", f.get("plansStated"));
    }

    @Test
    void aReportWithoutThePartOnTheLeadersLacksIt() throws IOException {
        Map<String, Point> p = profile(written("longde-no-first-responsibility-2022.txt"));
        assertEquals("failed", p.get("first-responsibility").outcome());
        assertNull(p.get("first-responsibility").reason());
        present(p, "shortcomings", "二、存在的问题和不足");
        present(p, "next-year-plans", "三、2023年工作计划");
        onTime(p, "2023-03-15", "2023-03-31");
    }

    @Test
    void aLateReportIsLateByTheDaysAfterTheThirtyFirstOfMarch() throws IOException {
        Map<String, Point> p = profile(written("wugong-late-2021.txt"));
        // 2022-03-31 → 2022-05-10: 30 days of April and 10 of May.
        late(p, "publication-deadline", 40, "2022-05-10", "2022-03-31", "PageDate");
        // The shortcomings and plans share a heading (三、存在的问题和下一步工作打算): each is its subsection.
        present(p, "shortcomings", "（一）存在的问题。");
        present(p, "next-year-plans", "（二）下一步工作打算。");
        present(p, "first-responsibility", "二、党政主要负责人履行推进法治建设第一责任人职责情况");
    }

    @Test
    void aReportWithNoDateCannotBeToldOnTime() throws IOException {
        ExtractedReport r = written("jingchuan-no-date-2023.txt");
        Point p = unknown(profile(r), "publication-deadline", "cantTell", "no-date");
        assertNull(p.date());
        assertEquals("2024-03-31", p.deadline(), "the deadline is known from the year");
        assertEquals("cantTell", figures(r).get("timelinessOutcome"));
        assertEquals("passed", figures(r).get("partsOutcome"));
    }

    @Test
    void aDepartmentIsHeldToFirstMarchByTheDateItSigned() throws IOException {
        ExtractedReport r = written("ningling-justice-bureau-2022.txt");
        Map<String, Point> p = profile(r);
        assertEquals("DepartmentReport", figures(r).get("assessedAs"));
        // Signed 2023年3月10日; the last day before 1 March 2023 is 28 February.
        Point sent = late(p, "department-reporting-deadline", 10, "2023-03-10", "2023-02-28", "SignatureDate");
        assertEquals("宁陵县司法局\n2023年3月10日", sent.quote(), "the signature is the evidence");
        // Made public before 1 April? Signed on 10 March, published when, the text does not say.
        unknown(p, "publication-deadline", "cantTell", "publication-date-unknown");
        assertEquals("cantTell", figures(r).get("timelinessOutcome"), "the main deadline is publication");
    }

    @Test
    void aJointPartyAndGovernmentReportIsJudgedAsTheGovernments() throws IOException {
        ExtractedReport r = written("tangyin-joint-2023.txt");
        Map<String, String> f = figures(r);
        assertEquals("true", f.get("jointReport"));
        assertEquals("GovernmentReport", f.get("assessedAs"));
        assertEquals("SupervisionRules2019", f.get("ruleApplied"));
        Map<String, Point> p = profile(r);
        assertEquals(6, p.size(), "no department deadline");
        present(p, "shortcomings", "三、存在的问题及原因");
        // Signed 2024年1月18日, before the deadline, but the text alone does not say when it was made public.
        assertEquals("publication-date-unknown", p.get("publication-deadline").reason());
        assertEquals("SignatureDate", p.get("publication-deadline").dateSource());
    }

    @Test
    void aReportOnTwentySeventeenIsJudgedByTheTwentyFifteenOutline() throws IOException {
        ExtractedReport r = written("yinan-2017.txt");
        Map<String, String> f = figures(r);
        assertEquals("ImplementationOutline2015", f.get("ruleApplied"));
        Map<String, Point> p = profile(r);
        assertFalse(p.containsKey("publication-deadline"), "the 2019 rules' deadline is not the 纲要's");
        Point quarter = p.get("first-quarter-reporting");
        assertEquals("passed", quarter.outcome());
        assertEquals("2018-03-31", quarter.deadline());
        assertEquals("2018-03-20", quarter.date());
        for (String part : List.of("measures-and-results", "shortcomings", "first-responsibility", "next-year-plans", "other-matters")) {
            unknown(p, part, "inapplicable", "rule-not-in-force");
        }
        // A part that is there is still shown where: the 纲要 does not ask for it, the report has it.
        assertEquals("二、存在的问题", p.get("shortcomings").quote());
        assertEquals("inapplicable", f.get("partsOutcome"));
        assertEquals("passed", f.get("timelinessOutcome"));
    }

    @Test
    void aLeadersOwnReportIsNoAnnualReport() throws IOException {
        ExtractedReport r = written("linqu-leader-2023.txt");
        assertEquals("LeaderReport", figures(r).get("assessedAs"));
        assertFalse(figures(r).containsKey("ruleApplied"));
        for (Point p : profile(r).values()) {
            assertEquals("inapplicable", p.outcome(), p.toString());
            assertEquals("not-an-annual-report", p.reason());
        }
    }

    // ---------------------------------------------------------------- texts that stop short

    /**
     * gold-meta's 90 openings are cut after about 2,000 bytes. Every one is taken as stopping short:
     * 89 end mid-sentence (or on a heading), and nanchang-xihu-district-2021 ends on a full stop
     * ("3优化法治化营商环境。") but never gets past its achievements and has no signature. So no part is
     * ever absent: a part is present, unknown (text incomplete), or inapplicable (reports before 2019).
     */
    @Test
    void goldMetaOpeningsLeaveEveryMissingPartUnknownNeverAbsent() throws IOException {
        Path dir = Path.of("../shared/gold-meta/reports");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/gold-meta is not beside the project");
        Map<String, Integer> tally = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int reports = 0, midSentence = 0, openingOnly = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                ExtractedReport r = extract(f);
                reports++;
                Map<String, String> fig = figures(r);
                if (!"false".equals(fig.get("textComplete"))) problems.add(f.getFileName() + " taken as whole");
                String why = lang(r.graph().getResource(r.reportIri()).getPropertyResourceValue(FZ.complianceAssessment),
                        DCTerms.description, "en");
                if (why != null && why.contains("never gets past its achievements")) openingOnly++;
                else if (why != null && why.startsWith("the text stops")) midSentence++;
                for (Map.Entry<String, Point> e : profile(r).entrySet()) {
                    if (e.getKey().endsWith("deadline") || e.getKey().endsWith("reporting")) continue;
                    Point p = e.getValue();
                    tally.merge(p.outcome() + (p.reason() == null ? "" : ":" + p.reason()), 1, Integer::sum);
                    if (p.outcome().equals("failed")) problems.add(f.getFileName() + " " + e.getKey() + " absent");
                    if (p.outcome().equals("cantTell") && "text-incomplete".equals(p.reason()) && p.quote() == null) {
                        problems.add(f.getFileName() + " " + e.getKey() + ": no evidence of where the text stops");
                    }
                }
            }
        }
        System.out.println("ComplianceTest: gold-meta parts by outcome " + tally);
        assertEquals(90, reports);
        assertEquals(List.of(), problems);
        assertEquals(89, midSentence, "ending mid-sentence");
        assertEquals(1, openingOnly, "nanchang-xihu-district-2021 ends on a full stop");
        // Every part the rules require of a report on 2019 or later is there or unknown; 11 reports are older.
        assertEquals(11 * 5, tally.getOrDefault("inapplicable:rule-not-in-force", 0));
        assertTrue(tally.getOrDefault("cantTell:text-incomplete", 0) >= 79 * 3, tally.toString());
        assertTrue(tally.getOrDefault("passed", 0) >= 79, "every opening shows its first part: " + tally);
    }

    @Test
    void aWholeReportCutMidSentenceOrInsideACharacterLeavesTheRestUnknown(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("data/reports/nanchang-county-2023.txt"), StandardCharsets.UTF_8);
        // Cut inside the problems part: "…主要表现在以下几方面:" is its introduction.
        int cut = text.indexOf("一是少数单位领导履职尽责") + 6;
        Path partial = dir.resolve("nanchang-county-2023.txt");
        Files.writeString(partial, text.substring(0, cut), StandardCharsets.UTF_8);
        ExtractedReport r = extract(partial);
        Map<String, Point> p = profile(r);
        assertEquals("false", figures(r).get("textComplete"));
        present(p, "measures-and-results", "一、2023年法治政府建设主要工作及成效");
        present(p, "shortcomings", "二、存在的主要问题");
        for (String part : List.of("first-responsibility", "next-year-plans", "other-matters")) {
            assertEquals("一是少数单位", unknown(p, part, "cantTell", "text-incomplete").quote(), "where the text stops: its last line");
        }
        assertFalse(figures(r).containsKey("plansStated"), "plans beyond the cut are not counted as none");

        // A scraper that cut bytes inside a character and decoded them leniently stored U+FFFD at the end
        // (a file cut inside a character and never decoded is refused by the source reader: not UTF-8).
        Path broken = dir.resolve("broken.txt");
        Files.writeString(broken, text.substring(0, cut) + "\uFFFD", StandardCharsets.UTF_8);
        ExtractedReport b = extract(broken);
        String why = lang(b.graph().getResource(b.reportIri()).getPropertyResourceValue(FZ.complianceAssessment), DCTerms.description, "en");
        assertTrue(why.contains("U+FFFD"), why);
        assertEquals("cantTell", profile(b).get("next-year-plans").outcome());

        // The same report whole, ending on its signature, is complete: its date line closes it.
        Path signed = dir.resolve("signed.txt");
        Files.writeString(signed, text.substring(0, text.indexOf("扫码浏览")) + "\n南昌县人民政府\n2024年1月22日\n", StandardCharsets.UTF_8);
        assertEquals("true", figures(extract(signed)).get("textComplete"));
    }

    // ---------------------------------------------------------------- the model

    @Test
    void everyRequirementIsAConceptWithItsArticleAndEveryEnumHasOne() {
        Resource scheme = ONTOLOGY.getResource(FZ.reportingRequirements.getURI());
        for (ComplianceAssessment.Requirement r : ComplianceAssessment.Requirement.values()) {
            Resource c = ONTOLOGY.getResource(ComplianceGraph.requirement(r).getURI());
            assertTrue(c.hasProperty(RDF.type, FZ.ReportingRequirement), r.name());
            assertTrue(c.hasProperty(SKOS.inScheme, scheme), r.name());
            assertEquals(r.notation(), c.getProperty(SKOS.notation).getString());
            assertTrue(c.hasProperty(FZ.article) && c.hasProperty(FZ.articleVerified), r + " cites no article");
            Resource rule = c.getPropertyResourceValue(DCTerms.isPartOf);
            assertTrue(rule.hasProperty(RDF.type, FZ.ReportingRule), r + " is part of no rule");
            assertTrue(c.hasProperty(SKOS.definition), r + " has no wording");
        }
        // The publication deadline's article was checked against a source quoting it word for word.
        assertTrue(ONTOLOGY.getResource(FZ.PublicationDeadline.getURI()).getProperty(FZ.articleVerified).getBoolean());
        assertEquals("第二十四条", ONTOLOGY.getResource(FZ.PublicationDeadline.getURI()).getProperty(FZ.article).getString());
    }

    @Test
    void assertionsFollowEarlAndTheShapesCatchAResultWithoutItsReason() {
        ExtractedReport r = DATA.get("shanwei-chengqu-2023.txt");
        Model g = r.graph();
        ReportValidator validator = ReportValidator.bundled();
        assertEquals(List.of(), validator.violations(g));
        for (Resource a : g.listResourcesWithProperty(RDF.type, W3C.Assertion).toList()) {
            assertTrue(a.getPropertyResourceValue(W3C.assertedBy).hasProperty(RDF.type, W3C.Assertor));
            assertEquals(W3C.automatic, a.getPropertyResourceValue(W3C.mode));
        }
        Model broken = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(g);
        Resource result = broken.getResource(r.reportIri() + "/compliance/first-responsibility/result");
        assertEquals(1, broken.listStatements(result, FZ.outcomeReason, (RDFNode) null).toList().size());
        broken.removeAll(result, FZ.outcomeReason, null);
        List<ReportEntry> entries = validator.violations(broken);
        assertFalse(entries.isEmpty(), "a cantTell result without a reason conforms");
        // And an outcome EARL has but the assessment never writes.
        Model untested = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(g);
        Resource res = untested.getResource(r.reportIri() + "/compliance/shortcomings/result");
        untested.removeAll(res, W3C.outcome, null);
        untested.add(res, W3C.outcome, W3C.earlOutcome("untested"));
        assertFalse(validator.violations(untested).isEmpty());
    }

    @Test
    void everyPieceOfEvidenceQuotesTheTextItPointsAt() {
        for (ExtractedReport r : DATA.values()) {
            String text = r.document().text();
            int[] cps = text.codePoints().toArray();
            Model g = r.graph();
            for (Resource res : g.listResourcesWithProperty(RDF.type, W3C.TestResult).toList()) {
                Statement e = res.getProperty(FZ.evidence);
                if (e == null) continue;
                var m = java.util.regex.Pattern.compile("#char=(\\d+),(\\d+)$").matcher(e.getResource().getURI());
                assertTrue(m.find());
                String at = new String(cps, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1)));
                assertEquals(res.getProperty(FZ.quote).getString(), at, res.getURI());
            }
        }
    }

    @Test
    void aReportsJsonLdCarriesItsAssessmentUnderShortKeys() throws Exception {
        ExtractedReport r = DATA.get("nanchang-county-2023.txt");
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                ReportJsonLd.under(IriMinter.DEFAULT_BASE).document(r.graph(), r.reportIri(), null).toString());
        var assessment = doc.get("complianceAssessment");
        assertEquals("SupervisionRules2019", assessment.get("ruleApplied").asText());
        assertEquals(6, assessment.get("assertions").size());
        for (var a : assessment.get("assertions")) {
            assertEquals(W3C.EARL + "passed", a.get("result").get("outcome").asText(), a.toString());
            assertTrue(a.get("test").asText().endsWith("Part") || a.get("test").asText().equals("PublicationDeadline"), a.toString());
        }
    }
}
