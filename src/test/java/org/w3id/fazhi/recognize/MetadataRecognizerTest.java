package org.w3id.fazhi.recognize;

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
        recognizer = new MetadataRecognizer(RegionGazetteer.from(Vocabularies.file("regions.ttl")));
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
}
