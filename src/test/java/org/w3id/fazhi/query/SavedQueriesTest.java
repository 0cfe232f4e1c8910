package org.w3id.fazhi.query;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.fazhi.query.TestStore.GAOTAI;
import static org.w3id.fazhi.query.TestStore.JINPU;
import static org.w3id.fazhi.query.TestStore.NANCHANG;
import static org.w3id.fazhi.query.TestStore.SHANWEI;
import static org.w3id.fazhi.query.TestStore.XIANGYANG;
import static org.w3id.fazhi.query.TestStore.regionsMentioning;
import static org.w3id.fazhi.query.TestStore.squeeze;
import static org.w3id.fazhi.query.TestStore.text;
import static org.w3id.fazhi.query.TestStore.textOfRegion;

/**
 * Every saved query on the five development reports. The expected rows come from the report texts
 * (and the vocabulary files), each with the sentence it rests on — not from the queries' own output.
 */
class SavedQueriesTest {

    private static final SavedQueries QUERIES = TestStore.queries();

    /** The rows of a query as column → text maps. */
    static List<Map<String, String>> rows(String name, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) p.put(params[i], params[i + 1]);
        QueryResult r = TestStore.runner().run(QUERIES.get(name), p);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String v : r.vars()) row.put(v, r.text(i, v));
            out.add(row);
        }
        return out;
    }

    static Set<String> column(List<Map<String, String>> rows, String col) {
        return rows.stream().map(r -> r.get(col)).collect(Collectors.toCollection(TreeSet::new));
    }

    static Map<String, String> only(List<Map<String, String>> rows, String col, String value) {
        List<Map<String, String>> m = rows.stream().filter(r -> value.equals(r.get(col))).toList();
        assertEquals(1, m.size(), col + "=" + value + " in " + rows);
        return m.get(0);
    }

    /** The quote is a sentence of that region's report. */
    static void assertQuoteIn(String region, String quote) {
        assertTrue(textOfRegion(region).contains(squeeze(quote)), region + " does not say: " + quote);
    }

    // ---------------------------------------------------------------- the set as a whole

    @Test
    void atLeastFifteenQueriesEachWithAFullHeaderWhoseColumnsAreTheResultColumns() {
        assertTrue(QUERIES.all().size() >= 15, QUERIES.names().toString());
        for (SavedQuery q : QUERIES.all()) {
            assertFalse(q.titleZh().isEmpty(), q.name());
            assertFalse(q.titleEn().isEmpty(), q.name());
            assertFalse(q.description().isEmpty(), q.name());
            assertFalse(q.columns().isEmpty(), q.name());
            QueryResult r = TestStore.runner().run(q, Map.of());
            assertEquals(q.columns(), r.vars(), q.name());
            for (SavedQuery.Param p : q.params()) {
                assertTrue(q.sparql().contains("?" + p.name()), q.name() + " does not use ?" + p.name());
                assertFalse(r.vars().contains(p.name()), q.name() + " projects its parameter ?" + p.name());
            }
        }
    }

    @Test
    void theJarCarriesTheSameQueries() throws Exception {
        // target/classes/fazhi/queries is what the jar holds.
        SavedQueries bundled = SavedQueries.bundled();
        assertEquals(QUERIES.names(), bundled.names());
        for (SavedQuery q : QUERIES.all()) {
            assertEquals(Files.readString(Path.of("queries", q.name() + ".rq")), bundled.get(q.name()).sparql());
        }
    }

    // ---------------------------------------------------------------- one test per query

    @Test
    void regionsPractisingProgram() {
        List<Map<String, String>> rows = rows("regions-practising-program");
        // 枫桥 appears in three reports: gaotai "坚持发展新时代“枫桥经验”,创建和培育枫桥式调解组织", shanwei
        // "坚持和发展新时代“枫桥经验”,配齐调解员", xiangyang "面向各地征集“枫桥式”工作法".
        assertEquals(regionsMentioning("枫桥"), column(rows, "region"));
        assertEquals(Set.of(GAOTAI, SHANWEI, XIANGYANG), column(rows, "region"));
        for (Map<String, String> r : rows) {
            assertTrue(r.get("quote").contains("枫桥"), r.toString());
            assertQuoteIn(r.get("region"), r.get("quote"));
        }
        // Shanwei names it again in its plans: "依托“一村(社区)一法律顾问”…坚持和发展新时代“枫桥经验”…" (line 75 on).
        Set<String> planned = rows.stream().filter(r -> r.get("status").equals("planned")).map(r -> r.get("region")).collect(Collectors.toSet());
        assertEquals(Set.of(SHANWEI), planned);
        // The English label and the code find the same rows.
        assertEquals(rows, rows("regions-practising-program", "program", "Fengqiao experience"));
        assertEquals(rows, rows("regions-practising-program", "program", "fengqiao-experience"));
        // 五大行动 is a candidate, not a program of the scheme.
        assertEquals(List.of(), rows("regions-practising-program", "program", "五大行动"));
    }

    @Test
    void programsShared() {
        List<Map<String, String>> rows = rows("programs-shared");
        for (Map<String, String> r : rows) assertTrue(Integer.parseInt(r.get("regions")) >= 2, r.toString());
        Map<String, String> fengqiao = only(rows, "program", "枫桥经验");
        assertEquals("3", fengqiao.get("regions"));
        assertEquals(regionsMentioning("枫桥"), Set.of(fengqiao.get("region_list").split("、")));
        assertEquals("社会矛盾纠纷预防调处化解体系", fengqiao.get("theme"));
        // 以案释法 is in gaotai ("严格落实“谁执法谁普法”的普法责任制和以案释法制度") and nanchang
        // ("依托“南昌县司法局”“南昌县人民法院”等微信公众号发布相关法律…以案释法") only.
        assertEquals(regionsMentioning("以案释法"), Set.of(only(rows, "program", "以案释法").get("region_list").split("、")));
        // At 4 regions, 枫桥经验 (3) drops out; 人民调解 (jinpu, gaotai, nanchang, shanwei say 人民调解) stays.
        List<Map<String, String>> four = rows("programs-shared", "min_regions", "4");
        assertTrue(column(four, "program").contains("人民调解"));
        assertEquals(regionsMentioning("人民调解"), Set.of(only(four, "program", "人民调解").get("region_list").split("、")));
        assertFalse(column(four, "program").contains("枫桥经验"));
        assertTrue(rows.size() > four.size());
    }

    @Test
    void regionPairShared() {
        List<Map<String, String>> rows = rows("region-pair-shared");
        // Both nanchang and gaotai say 告知承诺 ("全县办理证明事项告知承诺行政事项131252件" / "全面开展证明事项告知承诺制"),
        // 人民调解 and 以案释法.
        assertTrue(column(rows, "program").containsAll(Set.of("告知承诺制", "人民调解", "以案释法")), rows.toString());
        for (Map<String, String> r : rows) {
            assertQuoteIn(NANCHANG, r.get("quote_a"));
            assertQuoteIn(GAOTAI, r.get("quote_b"));
        }
        // 枫桥 is in gaotai's report but not nanchang's.
        assertFalse(column(rows, "program").contains("枫桥经验"));
        // The pair either way round, and by full name, gives the same programs.
        assertEquals(column(rows, "program"), column(rows("region-pair-shared", "region_a", "高台县", "region_b", "江西省南昌市南昌县"), "program"));
        // A region with itself is no pair.
        assertEquals(List.of(), rows("region-pair-shared", "region_a", "南昌县", "region_b", "南昌县"));
    }

    @Test
    void indicatorAcrossRegions() {
        List<Map<String, String>> rows = rows("indicator-across-regions");
        // nanchang "全年共收到行政复议申请233件"; jinpu "收到行政复议申请245件"; shanwei "共收到行政复议案件52件".
        // Gaotai only says "受理行政复议案件11件" (accepted, not received); xiangyang never says 行政复议.
        assertEquals(3, rows.size(), rows.toString());
        assertEquals("233", only(rows, "region", NANCHANG).get("value"));
        assertEquals("245", only(rows, "region", JINPU).get("value"));
        assertEquals("52", only(rows, "region", SHANWEI).get("value"));
        assertTrue(text("nanchang-county-2023.txt").contains("全年共收到行政复议申请233件"));
        assertTrue(text("dalian-jinpu-new-area-2023.txt").contains("收到行政复议申请245件"));
        assertTrue(text("shanwei-chengqu-2023.txt").contains("共收到行政复议案件52件"));
        for (Map<String, String> r : rows) {
            assertEquals("件", r.get("unit"));
            assertEquals("exact", r.get("approximation"));
            assertQuoteIn(r.get("region"), r.get("quote"));
        }
        assertEquals(rows, rows("indicator-across-regions", "indicator", "行政复议申请收到数"));
        // gaotai's accepted cases: "年内县政府受理行政复议案件11件".
        List<Map<String, String>> accepted = rows("indicator-across-regions", "indicator", "reconsideration-accepted");
        assertTrue(accepted.stream().anyMatch(r -> r.get("region").equals(GAOTAI) && r.get("value").equals("11")), accepted.toString());
    }

    @Test
    void regionTimeline() {
        List<Map<String, String>> rows = rows("region-timeline");
        // One report from nanchang: "南昌县政府2023年度法治政府建设工作报告", published 2024-01-25 (data/README.md).
        assertEquals(1, rows.size());
        Map<String, String> r = rows.get(0);
        assertEquals("2023", r.get("year"));
        assertEquals("南昌县政府2023年度法治政府建设工作报告", r.get("title"));
        assertEquals("2024-01-25", r.get("issued"));
        assertTrue(Integer.parseInt(r.get("facts")) > 0 && Integer.parseInt(r.get("practised")) > 0);
        // 城区 names hundreds of districts, but only shanwei's has a report; the report covers 2023.
        List<Map<String, String>> chengqu = rows("region-timeline", "region", "汕尾市城区");
        assertEquals(List.of("2023"), chengqu.stream().map(x -> x.get("year")).toList());
        assertEquals(List.of("2020"), rows("region-timeline", "region", "高台").stream().map(x -> x.get("year")).toList());
    }

    @Test
    void agenciesForProgram() {
        List<Map<String, String>> rows = rows("agencies-for-program");
        assertFalse(rows.isEmpty());
        for (Map<String, String> r : rows) {
            assertTrue(r.get("quote").contains("法律顾问"), r.toString());
            assertQuoteIn(r.get("region"), r.get("quote"));
        }
        // nanchang: "全年县政府法律顾问列席会议154次。" — the county government carries it out.
        assertTrue(rows.stream().anyMatch(r -> r.get("region").equals(NANCHANG) && r.get("quote").equals("全年县政府法律顾问列席会议154次。")
                && r.get("kind").equals("government")), rows.toString());
        // jinpu: "规范政府法律顾问管理,印发《大连金普新区管理委员会政府法律顾问管理办法》" — its administrative committee.
        assertTrue(rows.stream().anyMatch(r -> r.get("region").equals(JINPU) && r.get("agency").equals("金普新区管理委员会")), rows.toString());
        // 以案释法 with the court: nanchang "依托“南昌县司法局”“南昌县人民法院”等微信公众号…".
        List<Map<String, String>> cases = rows("agencies-for-program", "program", "以案释法");
        assertTrue(cases.stream().anyMatch(r -> r.get("agency").equals("南昌县人民法院") && r.get("kind").equals("court")), cases.toString());
    }

    @Test
    void measuresJoiningPrograms() {
        List<Map<String, String>> rows = rows("measures-joining-programs");
        // Only nanchang has a sentence with both 学法 and 述法: "健全属地乡镇党政主要负责人年终述法制度,常态化开展领导干部集…学法".
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(NANCHANG, rows.get(0).get("region"));
        assertTrue(rows.get(0).get("quote").contains("述法") && rows.get(0).get("quote").contains("学法"));
        assertQuoteIn(NANCHANG, rows.get(0).get("quote"));
        // gaotai: two sentences name both 以案释法 and 谁执法谁普法 ("严格落实“谁执法谁普法”的普法责任制和以案释法制度…",
        // "严格落实领导干部学法、“谁执法谁普法”和以案释法等制度…").
        List<Map<String, String>> two = rows("measures-joining-programs", "program_a", "以案释法", "program_b", "谁执法谁普法");
        assertEquals(2, two.size(), two.toString());
        assertEquals(Set.of(GAOTAI), column(two, "region"));
    }

    @Test
    void problemsByTheme() {
        List<Map<String, String>> rows = rows("problems-by-theme");
        // Law enforcement: gaotai "三是镇、部门重大行政执法决定法制审核能力仍需提高" (one of the 三项制度), xiangyang
        // "落实“谁执法、谁普法”责任制力度不一", and jinpu's closing paragraph on what is still lacking
        // ("但仍然存在一些薄弱环节…存在行政处罚裁量基准未适用或适用不规范", line 46: the 行政裁量权基准).
        Map<String, String> enforcement = only(rows, "theme", "行政执法工作体系");
        assertEquals("3", enforcement.get("regions"));
        assertEquals(Set.of(GAOTAI, XIANGYANG, JINPU), Set.of(enforcement.get("region_list").split("、")));
        assertTrue(text("dalian-jinpu-new-area-2023.txt").contains("存在行政处罚裁量基准未适用或适用不规范"));
        assertTrue(text("gaotai-county-2020.txt").contains("三是镇、部门重大行政执法决定法制审核能力仍需提高"));
        // Disputes: nanchang "三是行政争议实质化解力度还不够强大。"
        Map<String, String> disputes = only(rows, "theme", "社会矛盾纠纷预防调处化解体系");
        assertEquals(NANCHANG, disputes.get("region_list"));
        assertTrue(disputes.get("quotes").contains("三是行政争议实质化解力度还不够强大。"));
        // Party leadership: shanwei "二是法治政府示范创建还有差距。"
        assertTrue(only(rows, "theme", "党的领导").get("region_list").contains(SHANWEI));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Integer.parseInt(rows.get(i - 1).get("regions")) >= Integer.parseInt(rows.get(i).get("regions")));
        }
    }

    @Test
    void problemsByKeyword() {
        List<Map<String, String>> rows = rows("problems-by-keyword");
        // The problems sections that speak of 执法: shanwei "行政执法规范化建设有待加强", nanchang "二是全县行政执法体制机制还不够健全。",
        // xiangyang "全区执法编制短缺", gaotai "三是镇、部门重大行政执法决定法制审核能力仍需提高", and jinpu's
        // closing paragraph on shortcomings (line 46, no heading of its own): "二是行政执法效能有待进一步提升".
        assertEquals(Set.of(SHANWEI, NANCHANG, XIANGYANG, GAOTAI, JINPU), column(rows, "region"));
        assertTrue(column(rows, "quote").contains("二是行政执法效能有待进一步提升。"), column(rows, "quote").toString());
        assertTrue(column(rows, "quote").contains("二是全县行政执法体制机制还不够健全。"));
        for (Map<String, String> r : rows) {
            assertTrue(r.get("quote").contains("执法"));
            assertEquals("5", r.get("regions"));
            assertQuoteIn(r.get("region"), r.get("quote"));
        }
        // nanchang: "部分行政争议未经实质性化解程序即进入诉讼领域…“宁判不调”的现象仍然存在。"
        List<Map<String, String>> disputes = rows("problems-by-keyword", "keyword", "宁判不调");
        assertEquals(1, disputes.size());
        assertEquals(NANCHANG, disputes.get(0).get("region"));
    }

    @Test
    void plannedNotPractised() {
        List<Map<String, String>> rows = rows("planned-not-practised");
        // gaotai plans "启动“八五”普法" for next year (its 2020 report, plans part); jinpu already did: "“八五”普法有序推进".
        Map<String, String> gaotai8 = rows.stream().filter(r -> r.get("region").equals(GAOTAI) && r.get("program").equals("八五普法"))
                .findFirst().orElseThrow(() -> new AssertionError(rows.toString()));
        assertTrue(gaotai8.get("practised_elsewhere").contains(JINPU));
        // Only jinpu practises it (see below), so one other region.
        assertEquals("1", gaotai8.get("regions_elsewhere"));
        assertTrue(gaotai8.get("quote").contains("八五"));
        // nanchang plans "扩大公职律师队伍,充分发挥公职律师的作用。"; gaotai practises 公职律师制度.
        Map<String, String> lawyers = rows.stream().filter(r -> r.get("region").equals(NANCHANG) && r.get("program").equals("公职律师制度"))
                .findFirst().orElseThrow(() -> new AssertionError(rows.toString()));
        assertEquals("扩大公职律师队伍,充分发挥公职律师的作用。", lawyers.get("quote"));
        assertEquals(GAOTAI, lawyers.get("practised_elsewhere"));
        assertEquals("1", lawyers.get("regions_elsewhere"));
        // The list is the first ten of the other regions by name; the count is of them all.
        for (Map<String, String> r : rows) {
            List<String> others = r.get("practised_elsewhere").isEmpty() ? List.of() : List.of(r.get("practised_elsewhere").split("、"));
            assertEquals(others.stream().sorted().toList(), others, r.toString());
            assertFalse(others.contains(r.get("region")), r.toString());
            assertEquals(Math.min(10, Integer.parseInt(r.get("regions_elsewhere"))), others.size(), r.toString());
        }
        for (Map<String, String> r : rows) if (!r.get("quote").isEmpty()) assertQuoteIn(r.get("region"), r.get("quote"));
        // 八五 is planned by shanwei, gaotai and xiangyang, practised by jinpu only: it is never practised by its planner.
        assertEquals(Set.of(SHANWEI, GAOTAI, XIANGYANG),
                rows.stream().filter(r -> r.get("program").equals("八五普法")).map(r -> r.get("region")).collect(Collectors.toSet()));
    }

    @Test
    void programCooccurrence() {
        List<Map<String, String>> rows = rows("program-cooccurrence");
        for (Map<String, String> r : rows) assertTrue(r.get("source").compareTo(r.get("target")) < 0, r.toString());
        // gaotai's two sentences with both 以案释法 and 谁执法谁普法 (see measuresJoiningPrograms).
        Map<String, String> edge = rows.stream().filter(r -> r.get("source").equals("以案释法") && r.get("target").equals("谁执法谁普法"))
                .findFirst().orElseThrow(() -> new AssertionError(rows.toString()));
        assertEquals("2", edge.get("measures"));
        assertEquals("1", edge.get("regions"));
        List<Map<String, String>> strong = rows("program-cooccurrence", "min_measures", "2");
        for (Map<String, String> r : strong) assertTrue(Integer.parseInt(r.get("measures")) >= 2);
        assertTrue(strong.contains(edge));
        assertTrue(strong.size() < rows.size());
    }

    @Test
    void searchMeasures() {
        List<Map<String, String>> rows = rows("search-measures");
        // Every report speaks of 法律顾问, e.g. jinpu "召开金普新区外聘法律顾问工作会议,外聘法律顾问62人。"
        assertEquals(regionsMentioning("法律顾问"), column(rows, "region"));
        assertTrue(column(rows, "quote").contains("召开金普新区外聘法律顾问工作会议,外聘法律顾问62人。"));
        for (Map<String, String> r : rows) {
            assertTrue(r.get("quote").contains("法律顾问"));
            assertQuoteIn(r.get("region"), r.get("quote"));
        }
        // 五大行动 is quoted three times in xiangyang: "常态化开展公共法律服务进园区进企业优化营商环境大气候“五大行动”"….
        List<Map<String, String>> five = rows("search-measures", "keyword", "五大行动");
        assertEquals(Set.of(XIANGYANG), column(five, "region"));
        assertEquals(3, five.size());
    }

    @Test
    void indicatorCoverage() {
        List<Map<String, String>> rows = rows("indicator-coverage");
        // gaotai and xiangyang say nothing of reconsideration applications received (see indicatorAcrossRegions).
        Set<String> lacking = rows.stream().filter(r -> r.get("code").equals("reconsideration-received")).map(r -> r.get("region"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(GAOTAI, XIANGYANG), lacking);
        for (Map<String, String> r : rows) {
            if (r.get("code").equals("reconsideration-received")) assertEquals("3", r.get("reported_by"));
            // Every missing (report, indicator) pair: the indicator's own query has no row for that region.
            int by = Integer.parseInt(r.get("reported_by"));
            assertTrue(by >= 1 && by <= 4, r.toString());
        }
        // Spot-check the absence with the indicator query itself.
        Set<String> given = column(rows("indicator-across-regions", "indicator", "mediation-success-rate"), "region");
        Set<String> missing = rows.stream().filter(r -> r.get("code").equals("mediation-success-rate")).map(r -> r.get("region"))
                .collect(Collectors.toSet());
        Set<String> all = new TreeSet<>(given);
        all.addAll(missing);
        assertEquals(new TreeSet<>(TestStore.REGION.values()), all);
        assertTrue(java.util.Collections.disjoint(given, missing));
    }

    @Test
    void candidatePrograms() throws Exception {
        List<Map<String, String>> rows = rows("candidate-programs");
        String scheme = Files.readString(Path.of("ontology/programs.ttl"));
        for (Map<String, String> r : rows) {
            String c = r.get("candidate");
            // Quoted in the report of each region that uses it, and not a label of the scheme.
            for (String region : r.get("region_list").split("、")) {
                assertTrue(textOfRegion(region).contains("“" + squeeze(c) + "”"), region + " does not quote " + c);
            }
            assertFalse(scheme.contains("\"" + c + "\"@zh"), c + " is in the scheme");
        }
        // xiangyang quotes “五大行动” in three sentences; nanchang “诉事速办” ("…“诉事速办”等27项工作…"); jinpu “辽事通”.
        assertEquals("3", only(rows, "candidate", "五大行动").get("measures"));
        assertEquals(NANCHANG, only(rows, "candidate", "诉事速办").get("region_list"));
        assertEquals(JINPU, only(rows, "candidate", "辽事通").get("region_list"));
    }

    @Test
    void programsByTheme() throws Exception {
        List<Map<String, String>> rows = rows("programs-by-theme");
        // The eight areas and party leadership (ontology/themes.ttl), numbered 2–10 after the Outline's parts.
        assertEquals(List.of("2", "3", "4", "5", "6", "7", "8", "9", "10"), rows.stream().map(r -> r.get("notation")).toList());
        // in_scheme: the programs of ontology/programs.ttl with that fz:theme.
        String scheme = Files.readString(Path.of("ontology/programs.ttl"));
        Map<String, String> slug = Map.of("5", "law-enforcement", "7", "dispute-resolution", "6", "emergency-response", "10", "party-leadership");
        for (Map.Entry<String, String> e : slug.entrySet()) {
            long n = scheme.lines().filter(l -> l.strip().equals("fz:theme theme:" + e.getValue() + " ;")).count();
            assertEquals(String.valueOf(n), only(rows, "notation", e.getKey()).get("in_scheme"), e.getValue());
        }
        // Every report practises some dispute-resolution program (人民调解 or 枫桥经验 or 法律援助 …).
        assertEquals("5", only(rows, "notation", "7").get("regions"));
        for (Map<String, String> r : rows) {
            assertTrue(Integer.parseInt(r.get("practised")) <= Integer.parseInt(r.get("in_scheme")));
        }
    }

    @Test
    void measuresByTheme() {
        List<Map<String, String>> rows = rows("measures-by-theme");
        // 行政执法 is the Outline's 行政执法工作体系, CUPL's 行政执法 and the 示范指标体系's 行政执法严格规范公正文明: one area.
        assertEquals(Set.of("行政执法工作体系"), column(rows, "area"));
        assertEquals(new TreeSet<>(TestStore.REGION.values()), column(rows, "region"));
        // nanchang "二是常态化开展行政执法案卷评查。"
        assertTrue(rows.stream().anyMatch(r -> r.get("quote").equals("二是常态化开展行政执法案卷评查。") && r.get("via").equals("行政执法案卷评查")));
        for (Map<String, String> r : rows) assertQuoteIn(r.get("region"), r.get("quote"));
        // By CUPL's label only: 社会矛盾化解与行政争议解决 closeMatches the Outline's 社会矛盾纠纷预防调处化解体系.
        assertEquals(Set.of("社会矛盾纠纷预防调处化解体系"), column(rows("measures-by-theme", "theme", "社会矛盾化解"), "area"));
        // By the 示范指标体系's label only: 行政权力制约监督科学有效 ↔ 行政权力制约和监督体系.
        assertEquals(Set.of("行政权力制约和监督体系"), column(rows("measures-by-theme", "theme", "制约监督科学有效"), "area"));
        // CUPL's 政府信息公开 is only a relatedMatch (not closeMatch) of any area.
        assertEquals(List.of(), rows("measures-by-theme", "theme", "政府信息公开"));
    }

    @Test
    void indicatorTotalsByProvince() {
        List<Map<String, String>> rows = rows("indicator-totals-by-province");
        // One report per province: jinpu 245 (辽宁省), nanchang 233 (江西省), shanwei 52 (广东省) — see indicatorAcrossRegions.
        assertEquals(List.of("辽宁省", "江西省", "广东省"), rows.stream().map(r -> r.get("province")).toList());
        assertEquals(List.of("245", "233", "52"), rows.stream().map(r -> r.get("total")).toList());
        for (Map<String, String> r : rows) {
            assertEquals("件", r.get("unit"));
            assertEquals("1", r.get("reports"));
            assertEquals("no", r.get("approximate"));
        }
        List<Map<String, String>> every = rows("indicator-totals-by-province", "indicator_code", "");
        assertTrue(every.size() > rows.size());
        assertTrue(column(every, "province").containsAll(Set.of("辽宁省", "江西省", "广东省", "甘肃省", "湖北省")));
    }

    @Test
    void reportsByLevel() {
        List<Map<String, String>> rows = rows("reports-by-level");
        // Two counties (南昌县, 高台县), a city district (汕尾市城区), a development zone (襄阳高新区), a new area (金普新区).
        assertEquals("2", only(rows, "level", "县级").get("reports"));
        assertEquals(Set.of(GAOTAI, NANCHANG), Set.of(only(rows, "level", "县级").get("region_list").split("、")));
        assertEquals(SHANWEI, only(rows, "level", "市辖区").get("region_list"));
        assertEquals(XIANGYANG, only(rows, "level", "开发区").get("region_list"));
        assertEquals(JINPU, only(rows, "level", "新区").get("region_list"));
        assertEquals(4, rows.size());
    }

    @Test
    void reports() {
        List<Map<String, String>> rows = rows("reports");
        assertEquals(5, rows.size());
        // Titles and dates as data/README.md lists them.
        assertEquals("2024-01-31", only(rows, "region", SHANWEI).get("issued"));
        assertEquals("2024-01-25", only(rows, "region", NANCHANG).get("issued"));
        assertEquals("2021-04-01", only(rows, "region", GAOTAI).get("issued"));
        assertEquals("2024-02-22", only(rows, "region", XIANGYANG).get("issued"));
        assertEquals("高台县人民政府2020年度法治政府建设情况报告", only(rows, "region", GAOTAI).get("title"));
        assertEquals("2020", only(rows, "region", GAOTAI).get("year"));
        assertEquals("辽宁省", only(rows, "region", JINPU).get("province"));
        for (Map<String, String> r : rows) assertTrue(Integer.parseInt(r.get("measures")) > 0);
    }

    // ---------------------------------------------------------------- compliance with the reporting rules

    @Test
    void complianceByProvince() {
        List<Map<String, String>> rows = rows("compliance-by-province");
        // One report per province. On time: nanchang (2024-01-25), shanwei (2024-01-31), xiangyang
        // (2024-02-22); gaotai published 2021-04-01, a day late; jinpu's page gives no date. Every part:
        // nanchang, xiangyang and jinpu; shanwei and gaotai name the leaders' duty only in passing (unknown).
        assertEquals(5, rows.size(), rows.toString());
        Map<String, String> gaotai = only(rows, "province", "甘肃省");
        assertEquals(List.of("县级", "2020", "1", "0", "1", "0", "0", "0", "1"), List.of(gaotai.get("level"), gaotai.get("year"),
                gaotai.get("reports"), gaotai.get("on_time"), gaotai.get("late"), gaotai.get("date_unknown"),
                gaotai.get("all_parts"), gaotai.get("parts_missing"), gaotai.get("parts_unknown")));
        Map<String, String> jinpu = only(rows, "province", "辽宁省");
        assertEquals("1", jinpu.get("date_unknown"));
        assertEquals("1", jinpu.get("all_parts"));
        assertEquals(0, new java.math.BigDecimal(jinpu.get("on_time_pct")).signum());
        assertEquals(0, new java.math.BigDecimal("100").compareTo(new java.math.BigDecimal(jinpu.get("all_parts_pct"))));
        Map<String, String> shanwei = only(rows, "province", "广东省");
        assertEquals(List.of("1", "0", "1"), List.of(shanwei.get("on_time"), shanwei.get("all_parts"), shanwei.get("parts_unknown")));
        assertEquals("1", only(rows, "province", "江西省").get("all_parts"));
        // One year only: gaotai's 2020.
        assertEquals(List.of("甘肃省"), rows("compliance-by-province", "for_year", "2020").stream().map(r -> r.get("province")).toList());
        assertEquals(List.of(), rows("compliance-by-province", "for_year", "2019"));
    }

    @Test
    void lateReports() {
        List<Map<String, String>> rows = rows("late-reports");
        // gaotai's 2020 report was published on 2021-04-01 (data/README.md), the rules' last day 2021-03-31.
        assertEquals(1, rows.size(), rows.toString());
        Map<String, String> r = rows.get(0);
        assertEquals(GAOTAI, r.get("region"));
        assertEquals(List.of("2020", "publication-deadline", "2021-03-31", "2021-04-01", "page", "1"),
                List.of(r.get("year"), r.get("requirement"), r.get("deadline"), r.get("date"), r.get("date_source"), r.get("days_late")));
    }

    @Test
    void reportsMissingFirstResponsibility() {
        // No report of the five lacks the leaders' part outright; two mention the duty without a part on it:
        // gaotai in a sentence ("…全县党政主要负责人履行推进法治建设第一责任人职责与法治政府建设自查工作…"), shanwei in a
        // heading that names neither leaders nor first responsibility ("(一)…切实履行推进法治政府建设职责").
        assertEquals(List.of(), rows("reports-missing-first-responsibility"));
        List<Map<String, String>> unknown = rows("reports-missing-first-responsibility", "include_unknown", "yes");
        assertEquals(Set.of(GAOTAI, SHANWEI), column(unknown, "region"));
        for (Map<String, String> r : unknown) {
            assertEquals("cantTell", r.get("outcome"));
            assertEquals("mentioned-only", r.get("reason"));
            assertQuoteIn(r.get("region"), r.get("quote"));
        }
    }

    @Test
    void regionComplianceRecord() {
        List<Map<String, String>> rows = rows("region-compliance-record");
        assertEquals(1, rows.size());
        Map<String, String> r = rows.get(0);
        // nanchang 2023: every part, published 2024-01-25; problems 一是…三是, plans 一是…三是.
        assertEquals(List.of("2023", "government", "supervision-rules-2019", "2024-03-31", "2024-01-25", "passed", "", "passed", "", "", "3", "3", "yes"),
                List.of(r.get("year"), r.get("kind"), r.get("rule"), r.get("deadline"), r.get("date"), r.get("timeliness"),
                        r.get("days_late"), r.get("parts"), r.get("missing"), r.get("unknown"), r.get("problems"), r.get("plans"),
                        r.get("text_complete")));
        Map<String, String> gaotai = rows("region-compliance-record", "region", "高台县").get(0);
        assertEquals(List.of("failed", "1", "first-responsibility"), List.of(gaotai.get("timeliness"), gaotai.get("days_late"), gaotai.get("unknown")));
        // By code: 441502 is 汕尾市城区.
        assertEquals("first-responsibility", rows("region-compliance-record", "region", "441502").get(0).get("unknown"));
    }

    @Test
    void reportCompliance() {
        List<Map<String, String>> rows = rows("report-compliance");
        // nanchang 2023, in the rules' order: the five parts, then publication.
        assertEquals(List.of("measures-and-results", "shortcomings", "first-responsibility", "next-year-plans", "other-matters",
                "publication-deadline"), rows.stream().map(r -> r.get("requirement")).toList());
        assertEquals(Set.of("passed"), column(rows, "outcome"));
        assertEquals("二、存在的主要问题", rows.get(1).get("quote"));
        assertEquals("二、存在的主要问题", rows.get(1).get("section"));
        assertTrue(rows.get(1).get("evidence").endsWith("/id/report/360121-2023/text#char=5374,5383"), rows.get(1).get("evidence"));
        assertEquals("第二十四条", rows.get(5).get("article"));
        assertEquals(List.of("2024-03-31", "2024-01-25", "page"), List.of(rows.get(5).get("deadline"), rows.get(5).get("date"), rows.get(5).get("date_source")));
        // jinpu's page gives no date.
        List<Map<String, String>> jinpu = rows("report-compliance", "report", "210200-jinpuxinqu-2023");
        assertEquals("no-date", jinpu.get(5).get("reason"));
        assertEquals(List.of(), rows("report-compliance", "report", "no-such-report"));
    }
}
