package org.w3id.fazhi.recognize;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RegionResolverTest {

    private static RegionResolver resolver;

    @BeforeAll
    static void load() {
        resolver = new RegionResolver(RegionGazetteer.from(ReportRecognizer.bundled("regions.ttl")));
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
}
