package org.w3id.fazhi.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.fazhi.recognize.metadata.ReportMetadata;
import org.w3id.fazhi.source.OfficeSuite;
import org.w3id.fazhi.source.PrintedReport;
import org.w3id.fazhi.source.SourceReader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A report typed in an office suite and signed under its text, flush right (落款: the issuing bodies
 * side by side over the date in Chinese numerals), saved as PDF, .docx and .doc by LibreOffice: its
 * publisher, date and region come from the signature, as they do from the text. A report written
 * for the purpose, not a development-set text.
 */
class SignedOfficeReportTest {

    @TempDir
    static Path dir;
    private static OfficeSuite office;
    private static final Extractor EXTRACTOR = Extractor.builder().build();

    @BeforeAll
    static void find() {
        office = OfficeSuite.find().orElseGet(() -> fail(OfficeSuite.missing()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "docx", "doc"})
    void theSignatureGivesIssuerAndDate(String format) throws Exception {
        PrintedReport report = PrintedReport.of(List.of("关于2022年度法治政府建设情况的报告"), List.of(
                "2022年，我县坚持以习近平法治思想为指导，深入推进依法行政，全县法治政府建设取得新成效。",
                "一、主要举措和成效",
                "全年共收到行政复议申请52件，办结48件，行政机关负责人出庭应诉率达到100%。",
                "二、存在的不足和原因",
                "个别部门依法行政意识不强，执法队伍专业化水平有待提高。",
                "三、2023年工作安排",
                "持续推进法治政府建设，深化行政执法体制改革，为全县高质量发展提供法治保障。"),
                PrintedReport.Footer.DASHES).signed(List.of("中共高台县委　高台县人民政府", "二〇二三年一月二十日"));
        Path file = office.convert(Map.of("signed", report.flatOdt()), format).get("signed");
        ReportMetadata meta = EXTRACTOR.extract(SourceReader.builder().build().readOne(file.toString())).mentions().metadata();
        assertEquals("中共高台县委、高台县人民政府", meta.publisher());
        assertEquals(LocalDate.of(2023, 1, 20), meta.published());
        assertEquals(List.of("中共高台县委", "高台县人民政府"), meta.signature().issuers().stream().map(i -> i.name()).toList());
        assertEquals("620724", meta.region().code());
        assertEquals("county", meta.level());
        assertEquals(2022, meta.year());
    }
}
