package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.rdf.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionResolverTest {

    private static RegionResolver resolver;

    @BeforeAll
    static void load() {
        resolver = new RegionResolver(RegionGazetteer.from(Vocabularies.file("regions.ttl")));
    }

    @Test
    void theTitleNamesTheRegion() {
        RegionResolver.Place p = resolver.resolve("高台县人民政府2020年度法治政府建设情况报告", null,
                "2020年,我县法治政府建设工作以习近平法治思想为指导。").place();
        assertEquals("高台县", p.name());
        assertEquals("620724", p.region().code());
    }

    @Test
    void aGenericNameIsNarrowedByTheCityBeforeIt() {
        RegionResolver.Place p = resolver.resolve("汕尾市城区2023年法治政府建设年度报告", null, "2023年,我区坚持依法行政。").place();
        assertEquals("汕尾市城区", p.name());
        assertEquals("district", p.region().level());
    }

    @Test
    void withoutATitleTheBodyLevelAndNamesDecide() {
        RegionResolver.Place p = resolver.resolve(null, null,
                "2023年,通州区坚持依法行政,全区持续推进法治建设,实现北京市政务服务事项跨省通办,我区法治政府建设取得新成效。").place();
        assertEquals("通州区", p.name());
        assertEquals("110112", p.region().code());
    }

    @Test
    void aBodyThatNamesNoPlaceHasNoRegion() {
        assertNull(resolver.resolve(null, null, "一年来,我们坚持依法行政,推进法治政府建设。").place());
    }

    @Test
    void aCountyInsideTheCountrysNameIsNoCounty() {
        RegionResolver.Resolution r = resolver.resolve(null, null,
                "2022年,我县认真贯彻《中华人民共和国行政处罚法》,统筹乡村振兴和平安建设,全县依法行政水平提升。");
        assertNull(r.place());
    }

    @Test
    void aShortFormOfAnAutonomousPrefectureIsFoundWithItsSelfReference() {
        RegionResolver.Resolution r = resolver.resolve(null, null,
                "2021年,延边坚持依法行政,全州法治政府建设迈出新步伐,我州清理规范性文件136件,我州深化改革。");
        assertEquals("222400", r.place().region().code());
        assertTrue(r.evidence().contains("self-reference:我州 x3"), r.evidence().toString());
    }

    @Test
    void aHomonymWithoutItsCityIsLeftUnknownWithAWarning() {
        RegionResolver.Resolution r = resolver.resolve("鼓楼区人民政府2021年法治政府建设工作报告", null,
                "2021年,我区坚持依法行政,全区法治政府建设取得新成效。");
        assertNull(r.place());
        assertTrue(r.confidence() < RegionResolver.THRESHOLD);
        assertTrue(r.warning().contains("福建省福州市鼓楼区"), r.warning());
    }

    @Test
    void aHomonymIsSettledByTheParentTheBodyNames() {
        RegionResolver.Resolution r = resolver.resolve("鼓楼区2022年法治政府建设年度报告", null,
                "2022年,在开封市委、市政府的领导下,我区推进依法行政,落实开封市营商环境行动方案。");
        assertEquals("410204", r.place().region().code());
        assertTrue(r.evidence().contains("parent-named:开封市 x2"), r.evidence().toString());
    }

    @Test
    void aCitySpeakingOfItselfIsNotItsProvince() {
        RegionResolver.Resolution r = resolver.resolve(null, null,
                "2021年,在四川省委、四川省人民政府领导下,我市落实《四川省法治政府建设实施方案》,全市推进依法行政,"
                        + "我市在四川省营商环境评价中排名第六,乐山市将继续推进法治建设。");
        assertEquals("511100", r.place().region().code());
    }

    @Test
    void theWordAReportNamesItselfWithIsTheRegionOfThatName() {
        // 兴仁县 became 兴仁市 in 2018: a report of its county years names the county, and gets it.
        RegionResolver.Resolution r = resolver.resolve(null, null,
                "全县各级行政机关推进依法行政,我县下发了《兴仁县人民政府办公室关于规范行政执法的通知》,全县执法规范。");
        assertEquals("522322", r.place().region().code());
        assertEquals(Integer.valueOf(2018), r.place().region().toYear());
        assertEquals(java.util.List.of("https://w3id.org/fazhi/id/region/522302"), r.place().region().successors());
    }

    @Test
    void aZoneWordWithoutItsCityIsUnknown() {
        RegionResolver.Resolution r = resolver.resolve("高新区2021年法治政府建设工作情况报告", null,
                "2021年,高新区管委会坚持依法行政,全区法治政府建设有序推进。");
        assertNull(r.place());
        assertTrue(r.warning().contains("no city named"), r.warning());
    }
}
