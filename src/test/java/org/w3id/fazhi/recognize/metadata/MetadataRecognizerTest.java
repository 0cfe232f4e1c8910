package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.TextView;

import org.w3id.fazhi.rdf.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.clean.CleanedDocument;
import org.w3id.fazhi.clean.ReportCleaner;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataRecognizerTest {

    private static MetadataRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = new MetadataRecognizer(RegionGazetteer.from(Vocabularies.file("regions.ttl"),
                Townships.parse(new String(Vocabularies.resource("townships.tsv"), java.nio.charset.StandardCharsets.UTF_8))));
    }

    private static ReportMetadata read(String page) {
        CleanedDocument doc = ReportCleaner.create().clean("t.txt", "t.txt", "0".repeat(64), page, Map.of());
        return recognizer.recognize(doc, TextView.of(doc.text()));
    }

    @Test
    void titleDatePublisherAndRegionFromThePageHeader() {
        ReportMetadata m = read(String.join("\n",
                "您的位置: 首页>>要闻>>通知公告",
                "高台县人民政府2020年度法治政府建设情况报告",
                "来源: 高台县政府办 发布时间:2021-04-01 18∶18",
                "2020年,我县法治政府建设工作以习近平法治思想为指导,全面贯彻落实实施纲要。"));
        assertEquals("高台县人民政府2020年度法治政府建设情况报告", m.title());
        assertEquals("高台县", m.regionName());
        assertEquals("甘肃省", m.province());
        assertEquals("county", m.level());
        assertEquals(2020, m.year());
        assertEquals(LocalDate.of(2021, 4, 1), m.published());
        assertEquals("高台县政府办", m.publisher());
        assertEquals("620724", m.region().code());
    }

    @Test
    void aLabelledTitleLosesItsLabel() {
        ReportMetadata m = read("标    题：南昌县政府2023年度法治政府建设工作报告\n发布日期：2024-01-25\n2023年,南昌县坚持依法行政,推进法治政府建设。");
        assertEquals("南昌县政府2023年度法治政府建设工作报告", m.title());
        assertEquals(LocalDate.of(2024, 1, 25), m.published());
    }

    @Test
    void aGenericNameIsQualifiedByTheCityTheTitleGives() {
        ReportMetadata m = read("汕尾市城区2023年法治政府建设年度报告\n2023年,我区坚持依法行政,推进法治政府建设。");
        assertEquals("汕尾市城区", m.regionName());
        assertEquals("广东省", m.province());
        assertEquals("district", m.level());
    }

    @Test
    void aZoneTheGazetteerLacksIsPlacedUnderItsCity() {
        ReportMetadata m = read("宁波高新区法治政府建设工作报告\n2024年,高新区坚持以习近平法治思想为指导,推进依法行政。");
        assertEquals("宁波高新区", m.regionName());
        assertEquals("浙江省", m.province());
        assertEquals("development-zone", m.level());
        assertEquals(2024, m.year());
    }

    @Test
    void aCityFollowedByAZoneWordIsThatCitysZone() {
        ReportMetadata m = read("长沙经济技术开发区2022年度法治政府建设工作报告\n2022年,长沙经开区管委会坚持依法行政,推进法治政府建设。");
        assertEquals("长沙经济技术开发区", m.regionName());
        assertEquals("development-zone", m.level());
        assertEquals("湖南省", m.province());
        assertEquals("https://w3id.org/fazhi/id/region/430100", m.region().parent());
    }

    @Test
    void aDepartmentReport() {
        ReportMetadata m = read("重庆市梁平区司法局关于2020年度法治政府建设情况的报告\n2020年,区司法局围绕中心工作,推进法治建设。");
        assertEquals("梁平区", m.regionName());
        assertEquals("department", m.level());
        assertEquals("重庆市", m.province());
    }

    @Test
    void withoutATitleTheBodySpeaksOfItself() {
        ReportMetadata m = read("2023年,通州区坚持以习近平新时代中国特色社会主义思想为指导,全区持续推进法治建设,"
                + "实现北京市3600余项政务服务事项跨省通办,我区法治政府建设取得新成效。");
        assertNull(m.title());
        assertEquals("通州区", m.regionName());
        assertEquals("北京市", m.province());
        assertEquals(2023, m.year());
    }

    @Test
    void theYearCoveredIsNotACitedYear() {
        ReportMetadata m = read("根据《督察工作规定》(厅字〔2019〕28号)要求,现将省政府2022年度法治政府建设情况报告如下。全省推进依法行政,湖南省各级政府。");
        assertEquals(2022, m.year());
        assertEquals("湖南省", m.regionName());
    }

    @Test
    void aDocumentNumberIsNoPartOfTheTitleNorItsYear() {
        ReportMetadata m = read("晋政函〔2019〕35号《山西省人民政府关于2018年法治政府建设情况的报告》\n"
                + "2018年,全省各级政府深入推进依法行政,我省加快建设法治政府。");
        assertEquals("山西省人民政府关于2018年法治政府建设情况的报告", m.title());
        assertEquals(2018, m.year());
        assertEquals("140000", m.region().code());
    }

    @Test
    void anIssuerOnTheLineBeforeTheTitleBelongsToIt() {
        ReportMetadata m = read("南宁市人民政府\n关于2022年度法治政府建设情况的报告\n2022年,我市坚持依法行政,全市法治政府建设取得新成效。");
        assertEquals("南宁市人民政府关于2022年度法治政府建设情况的报告", m.title());
        assertEquals("450100", m.region().code());
        assertEquals("prefecture", m.level());
    }

    @Test
    void anUnsureRegionIsLeftOutWithAWarning() {
        ReportMetadata m = read("矿区2023年法治政府建设情况报告\n2023年,矿区坚持依法行政,全区法治政府建设取得进展,我区召开专题会议。");
        assertNull(m.region());
        assertNull(m.level());
        assertEquals(0.2, m.regionConfidence(), 1e-9);
        assertTrue(m.regionWarning().startsWith("region unsure"), m.regionWarning());
    }

    // ------------------------------------------------------------------ issue 20: where and who

    @Test
    void aReportSavedAsTextHasItsIssuerAndDateInItsSignature() {
        ReportMetadata m = read(String.join("\n",
                "2022年,我县坚持以习近平法治思想为指导,深入推进依法行政,全县法治政府建设取得新成效。",
                "一、主要举措和成效",
                "全年共办理行政复议案件31件,我县行政应诉工作稳步推进。",
                "二、2023年工作安排",
                "持续推进法治政府建设。",
                "中共高台县委　高台县人民政府",
                "二〇二三年一月二十日"));
        assertEquals("中共高台县委、高台县人民政府", m.publisher());
        assertEquals(LocalDate.of(2023, 1, 20), m.published());
        assertEquals("620724", m.region().code());
        assertEquals("county", m.level());
        assertTrue(m.regionEvidence().contains("signature:高台县"), m.regionEvidence().toString());
        assertEquals(2, m.signature().issuers().size());
    }

    @Test
    void thePageHeaderStandsOverTheSignature() {
        ReportMetadata m = read(String.join("\n",
                "高台县2022年法治政府建设情况报告",
                "发布时间:2023-02-10 来源:高台县司法局",
                "2022年,我县坚持依法行政,全县法治政府建设取得新成效。",
                "高台县人民政府",
                "2023年1月20日"));
        assertEquals("高台县司法局", m.publisher());
        assertEquals(LocalDate.of(2023, 2, 10), m.published());
        assertEquals(LocalDate.of(2023, 1, 20), m.signature().date());
    }

    @Test
    void aCountyThatIsFirstInItsProvinceIsStillTheCounty() {
        // 全省首个 compares the county with its province: it is no self-reference of a province.
        ReportMetadata m = read(String.join("\n",
                "2023年,灵寿县坚持以习近平法治思想为指导,成功创建全省首个法治政府建设示范县,在全省率先实现",
                "行政执法三项制度全覆盖,全省第一家建成县级法治文化公园,位居全省前列,全省推广我县经验。"));
        assertEquals("灵寿县", m.regionName());
        assertEquals("county", m.level());
        assertEquals("河北省", m.province());
    }

    @Test
    void aDistrictOfAMunicipalityThatSpeaksOfTheCityIsStillTheDistrict() {
        // 全市 in a Beijing district's report is Beijing: it must not veto the district its opening names.
        ReportMetadata m = read("2023年,西城区坚持以习近平法治思想为指导,在全市首创编制评估指标体系,"
                + "完成全市法治建设评估任务,全市法治政府建设示范创建工作稳步推进。");
        assertEquals("西城区", m.regionName());
        assertEquals("110102", m.region().code());
    }

    @Test
    void aDepartmentNamedAsTheOpeningsSubjectReportsAsADepartment() {
        ReportMetadata m = read("2024年,在市委、市政府的坚强领导和省司法厅的精心指导下,赣州市司法局认真学习贯彻党的二十大精神,"
                + "扎实履行职责,为赣州高质量发展提供法治保障。现将有关情况报告如下。");
        assertEquals("department", m.level());
        assertEquals("赣州市", m.regionName());
        assertEquals("司法局", m.department());
    }

    @Test
    void aDepartmentOfAProvinceIsNoProvince() {
        ReportMetadata m = read("2020年,长治市人力资源和社会保障局深入贯彻落实省委、省政府及市委、市政府决策部署,"
                + "根据山西省委依法治省委员会要求,现将我局2020年度法治政府建设情况汇报如下:我局坚持依法行政。");
        assertEquals("department", m.level());
        assertEquals("长治市", m.regionName());
        assertEquals("人力资源和社会保障局", m.department());
    }

    @Test
    void theGeneralOfficeOfAGovernmentIsADepartment() {
        ReportMetadata m = read("陕西省人民政府办公厅\n2021年度法治建设工作情况报告\n2021年,我厅深入学习习近平法治思想,推进法治建设。");
        assertEquals("陕西省人民政府办公厅2021年度法治建设工作情况报告", m.title());
        assertEquals("department", m.level());
        assertEquals("陕西省", m.province());
    }

    @Test
    void aDepartmentWhoseTitleNamesItOnTheLineBefore() {
        ReportMetadata m = read("重庆市开州区发展和改革委员会\n关于2023年法治政府建设情况的报告\n今年以来,我委坚持依法行政。");
        assertEquals("重庆市开州区发展和改革委员会关于2023年法治政府建设情况的报告", m.title());
        assertEquals("department", m.level());
        assertEquals("开州区", m.regionName());
        assertEquals("发展和改革委员会", m.department());
    }

    @Test
    void aReportThatSpeaksOfItselfAsABureau() {
        ReportMetadata m = read("2023年,我局坚持以习近平法治思想为指导,推进依法行政。本局全年办理行政许可120件,我局执法人员全部持证上岗。");
        assertEquals("department", m.level());
    }

    @Test
    void aGovernmentsReportIsNoDepartmentsThoughItsOpeningNamesOne() {
        ReportMetadata m = read("2023年,长沙经开区管委会坚持依法行政,推进法治政府建设。");
        assertEquals("development-zone", m.level());
        ReportMetadata county = read("2022年,在县委的坚强领导下,在县人大及其常委会的监督与支持下,我县坚持依法行政,阳城县法治政府建设取得成效。");
        assertEquals("county", county.level());
    }

    @Test
    void aDescriptiveNameSharedByTwoCitiesIsNamedWithTheCityTheTextNames() {
        // 城中区 is a district of 西宁 and of 柳州; the text names 西宁 once, bare, inside a phrase.
        ReportMetadata m = read("2025年,城中区坚持以习近平法治思想为指导,统筹推进法治政府建设,"
                + "为推动西宁在现代化新青海建设中挑大梁提供法治保障。区委区政府高度重视,全区法治建设取得新进展。");
        assertEquals("西宁市城中区", m.regionName());
        assertEquals("青海省", m.province());
        assertEquals("district", m.level());
    }

    @Test
    void titlesAsPagesPrintThem() {
        assertEquals("湖北省人民政府关于2019年度推进法治政府建设情况的报告",
                read("【省政府法治建设报告】湖北省人民政府关于2019年度推进法治政府建设情况的报告\n2019年,全省推进依法行政。").title());
        assertEquals("2024年杨浦区法治政府建设工作情况报告",
                read("2024年杨浦区法治政府建设工作情况报告 2025-02-24\n2024年,杨浦区坚持依法行政。").title());
        assertEquals("2024年上海市司法局法治政府建设情况报告",
                read("2024年上海市司法局法治政府建设情况报告 (2025-03-26)\n2024年,上海市司法局坚持依法行政。").title());
        assertEquals("保定市人民政府關於2016年度法治政府建設情況的報告",
                read("保政呈〔2017〕3號保定市人民政府關於2016年度法治政府建設情況的報告\n2016年,我市推進依法行政。").title());
        assertEquals("南京市人民政府关于2020年度法治政府建设情况的报告",
                read("南京市人民政府关于2020年度\n法治政府建设情况的报告\n宁政发〔2021〕8号\n2020年,全市推进依法行政,建设法治政府。").title());
    }

    @Test
    void aTitleAfterACoverLetterAndItsSignature() {
        ReportMetadata m = read(String.join("\n",
                "沪环法〔2023〕23号",
                "市委、市政府:",
                "2022年,我局坚持以习近平法治思想为指导,现将《上海市生态环境局关于2022年度法治政府建设情况的报告》报上。",
                "上海市生态环境局",
                "2023年1月28日",
                "上海市生态环境局关于2022年度",
                "法治政府建设情况的报告",
                "2022年,上海市生态环境局坚持依法行政,推进法治政府建设。"));
        assertEquals("上海市生态环境局关于2022年度法治政府建设情况的报告", m.title());
        assertEquals("上海市生态环境局", m.publisher());
        assertEquals(LocalDate.of(2023, 1, 28), m.published());
        assertEquals("department", m.level());
    }

    @Test
    void theIssuerFromAnInfoBoxBeforeTheReport() {
        // An encyclopaedia-style page in traditional script: the title, a sentence about the
        // report, an info box, then the report itself.
        ReportMetadata m = read(String.join("\n",
                "廊坊市人民政府關於2018年度法治政府建設情況的報告",
                "《廊坊市人民政府關於2018年度法治政府建設情況的報告》是2019年廊坊市人民政府發布的報告。",
                "基本介紹",
                "  • 中文名:廊坊市人民政府關於2018年度法治政府建設情況的報告",
                "  • 發布單位:廊坊市人民政府",
                "河北省人民政府:",
                "2018年,我市認真貫徹落實《法治政府建設實施綱要(2015—2020年)》,在全面推進依法行政方面取得了新的成效。現將有關情況報告如下:"));
        assertEquals("廊坊市人民政府", m.publisher());
        // A labelled line inside the report's paragraphs is not an info box.
        ReportMetadata body = read(String.join("\n",
                "廊坊市人民政府關於2018年度法治政府建設情況的報告",
                "2018年,我市認真貫徹落實《法治政府建設實施綱要(2015—2020年)》,在全面推進依法行政、加快建設法治政府方面取得了新的成效,各項工作有序開展,依法行政水平進一步提升。",
                "來源:市司法局"));
        assertEquals(null, body.publisher());
    }

    @Test
    void headerFieldsAsPagesSetThem() {
        ReportMetadata m = read(String.join("\n",
                "  • 发布机构:",
                "    义乌市人民政府",
                "  • 成文日期:",
                "    2024-02-19",
                "2023年义乌市法治政府建设工作情况报告",
                "主题分类: 综合政务,政务公开",
                "发布时间:2024-02-20 08:41",
                "2023年以来,义乌市深入贯彻落实习近平法治思想,法治政府建设取得积极成效。"));
        assertEquals("义乌市人民政府", m.publisher());
        assertEquals(LocalDate.of(2024, 2, 20), m.published());
        ReportMetadata table = read("| 来   源 | 玉溪市湖泊管理局 | 公开日期 | 2026-01-30 |\n"
                + "玉溪市湖泊管理局2025年度法治政府建设工作情况报告\n2025年,市湖泊管理局坚持依法行政。");
        assertEquals("玉溪市湖泊管理局", table.publisher());
        assertEquals(LocalDate.of(2026, 1, 30), table.published());
        ReportMetadata dayFirst = read("厦门市海沧区政府2015年推进依法行政工作情况\n25.02.2016  10:00\n2015年,海沧区全面推进依法行政。");
        assertEquals(LocalDate.of(2016, 2, 25), dayFirst.published());
    }

    @Test
    void aCountyLevelCityBeforeItBecameADistrict() {
        // 即墨市 became 即墨区 of 青岛 in 2017: its 2016 report is the county-level city's, at county level.
        ReportMetadata before = read("即墨市2016年度法治政府建设情况报告\n2016年,我市坚持依法行政,全市法治政府建设取得新成效。");
        assertEquals("370282", before.region().code());
        assertEquals("county", before.level());
        assertEquals(Integer.valueOf(2017), before.region().toYear());
        ReportMetadata after = read("即墨区2018年度法治政府建设情况报告\n2018年,我区坚持依法行政,全区法治政府建设取得新成效。");
        assertEquals("370215", after.region().code());
        assertEquals("district", after.level());
    }

    @Test
    void aNameTwoRegionsHadIsTheOneOfTheReportsYear() {
        // 巢湖市 was a prefecture until 2011 and is a county-level city of 合肥 since.
        ReportMetadata early = read("巢湖市2010年依法行政工作报告\n2010年,我市深入推进依法行政,全市法治政府建设稳步推进。");
        assertEquals("prefecture", early.level());
        assertEquals("340181", read("巢湖市2020年法治政府建设情况报告\n2020年,我市深入推进依法行政,全市法治政府建设稳步推进。")
                .region().code());
    }

    @Test
    void aSharedDistrictNameIsSettledByItsStreets() {
        // Two districts are called 通州区 (北京, 南通); the towns and streets the report names lie in one.
        ReportMetadata m = read("2023年,通州区坚持以习近平法治思想为指导,推进法治政府建设。宋庄镇、潞城镇深化综合执法改革,"
                + "北苑街道开展法治宣传,全区法治政府建设取得新成效。");
        assertEquals("110112", m.region().code());
        assertTrue(m.regionEvidence().stream().anyMatch(e -> e.startsWith("townships:北京市通州区")), m.regionEvidence().toString());
        ReportMetadata jiangsu = read("2023年,通州区坚持以习近平法治思想为指导,推进法治政府建设。金沙街道、石港镇深化综合执法改革,"
                + "全区法治政府建设取得新成效。");
        assertEquals("320612", jiangsu.region().code());
        ReportMetadata neither = read("2023年,通州区坚持以习近平法治思想为指导,推进法治政府建设,全区法治政府建设取得新成效。");
        assertNull(neither.region(), "with nothing to tell the two apart the region is unknown");
        assertTrue(neither.regionWarning().contains("北京市通州区"), neither.regionWarning());
    }

    @Test
    void aZoneWithNoStatisticsCodeIsFoundInTheCatalogue() {
        // 宁波经济技术开发区 has no division code; the 2018 catalogue of development zones lists it.
        ReportMetadata m = read("宁波经济技术开发区2022年法治政府建设工作报告\n2022年,开发区管委会坚持依法行政。");
        assertEquals("https://w3id.org/fazhi/id/region/330200-jingkaiqu", m.region().iri());
        assertEquals("development-zone", m.level());
        assertEquals("浙江省", m.province());
        // The short names reports use: 郑州高新区 for 郑州高新技术产业开发区, 园区 for 苏州工业园区.
        assertEquals("410172", read("郑州高新区2021年法治政府建设工作报告\n2021年,高新区坚持依法行政。").region().code());
        assertEquals("320576", read("园区2022年法治政府建设工作报告\n2022年,园区坚持依法行政,苏州工业园区管委会推进法治政府建设,"
                + "苏州市委市政府给予肯定。").region().code());
    }

    @Test
    void aZoneNoListHasIsPlacedUnderThePlaceItsNameGives() {
        // A zone of a province that no published list has: its province is known, its city is not.
        ReportMetadata m = read("贵州双龙航空港经济区2023年度法治政府建设工作情况报告\n2023年,经济区坚持依法行政。");
        assertEquals("双龙航空港经济区", m.regionName());
        assertEquals("贵州省", m.province());
        assertEquals("development-zone", m.level());
        ReportMetadata city = read("2019年,在市委市政府的坚强领导下,大连长兴岛经济区坚持依法行政,推进法治政府建设。");
        assertEquals("大连长兴岛经济区", city.regionName());
        assertEquals("辽宁省", city.province());
        assertEquals("https://w3id.org/fazhi/id/region/210200", city.region().parent());
    }

    @Test
    void thePartOfANewAreaThatACityRuns() {
        // 天府新区 spans 成都 and 眉山: its 眉山 part reports on its own.
        ReportMetadata m = read("四川天府新区眉山管理委员会\n关于2020年度法治政府建设有关情况的报告\n2020年,新区坚持依法行政。");
        assertEquals("眉山天府新区", m.regionName());
        assertEquals("https://w3id.org/fazhi/id/region/511400", m.region().parent());
        assertEquals("new-area", m.level());
    }

    @Test
    void aCountyLevelCityThatNamesItsPrefectureMoreThanItself() {
        // Its opening's subject is its own area; 金华市 is named for its organs and directives.
        ReportMetadata m = read("2023年,义乌市坚持以习近平法治思想为指导,在金华市委、金华市政府的坚强领导下,全市法治政府建设取得新成效。"
                + "我市认真落实金华市法治政府建设工作要点,按照金华市统一部署,配合金华市司法局开展法治督察,获金华市表彰。\n"
                + "我市全年办理行政复议案件52件。金华市委依法治市办对我市工作给予肯定,金华市考核我市位列第一。");
        assertEquals("义乌市", m.regionName());
        assertEquals("county", m.level());
    }

    @Test
    void aPrefectureThatNamesItsCountiesMoreThanItself() {
        ReportMetadata m = read("2022年,金华市坚持以习近平法治思想为指导,全市法治政府建设取得新成效。\n"
                + "义乌市深化“放管服”改革,义乌市推进综合行政执法改革,义乌市开展法治督察,东阳市行政复议案件办理质效提升,"
                + "义乌市获评全省法治政府建设示范市,永康市完成乡镇街道综合执法,义乌市行政复议工作走在前列。");
        assertEquals("金华市", m.regionName());
        assertEquals("prefecture", m.level());
    }

    @Test
    void aNewAreaOfAMunicipalityIsNotTheMunicipality() {
        ReportMetadata m = read("2023年,滨海新区坚持以习近平法治思想为指导,在市委、市政府的坚强领导下,全区法治政府建设取得新成效。"
                + "我区认真落实天津市法治政府建设工作要点,按照天津市统一部署推进依法行政,天津市各部门大力支持。");
        assertEquals("滨海新区", m.regionName());
        assertEquals("120116", m.region().code());
    }

    @Test
    void theBodyALetterIsAddressedToIsNotTheIssuer() {
        // A prefecture's report sent to its province: the salutation names the province's government.
        ReportMetadata m = read("河北省人民政府:\n2016年,在省委、省政府的正确领导下,保定市认真贯彻落实法治政府建设实施纲要,"
                + "我市在全面推进依法行政方面取得了新的成效。现将有关情况报告如下:");
        assertEquals("保定市", m.regionName());
        assertEquals("prefecture", m.level());
    }

    @Test
    void aNoticeThatPublishesAReportIsTheReport() {
        // The government's general office sends the notice; the report is the government's own.
        ReportMetadata m = read("清河县人民政府办公室关于印发《清河县2022年度法治政府建设情况报告》的通知\n"
                + "2022年,我县坚持依法行政,全县法治政府建设取得新成效。");
        assertEquals("清河县2022年度法治政府建设情况报告", m.title());
        assertEquals("county", m.level());
        assertEquals("130534", m.region().code());
    }
}
