package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.AgencyKind;
import org.w3id.fazhi.recognize.TextView;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The closing signature of a document (落款) and the dates it is written with, on texts written for the purpose. */
class SignatureTest {

    private static Signature read(String text) {
        return Signature.read(TextView.of(text));
    }

    @Test
    void datesInEveryWayReportsPrintThem() {
        assertEquals(LocalDate.of(2023, 1, 30), DateText.wholeLine("2023年1月30日").date());
        assertEquals(LocalDate.of(2021, 1, 20), DateText.wholeLine("二〇二一年一月二十日").date());
        assertEquals(LocalDate.of(2020, 12, 31), DateText.wholeLine("二○二○年十二月三十一日").date());
        assertEquals(LocalDate.of(2024, 3, 7), DateText.wholeLine("（2024-03-07）").date());
        assertEquals(LocalDate.of(2016, 2, 25), DateText.find("25.02.2016  10:00").get(0).date());
        assertNull(DateText.wholeLine("2023年1月30日召开常务会议"), "a sentence with a date is no date line");
        assertNull(DateText.wholeLine("2023年2月30日"), "no such day");
    }

    @Test
    void aGovernmentSignsUnderItsReport() {
        String text = "一、主要举措和成效\n全年办理行政复议案件52件。\n二、2024年工作安排\n持续深化改革。\n清河县人民政府\n2024年1月30日";
        Signature s = read(text);
        assertEquals(List.of("清河县人民政府"), s.issuers().stream().map(Issuer::name).toList());
        assertEquals(AgencyKind.GOVERNMENT, s.issuers().get(0).kind());
        assertEquals(LocalDate.of(2024, 1, 30), s.date());
        assertEquals("清河县人民政府\n2024年1月30日", text.substring(s.start(), s.end()));
    }

    @Test
    void aJointSignatureInChineseNumeralsSideBySide() {
        String text = "三、下一步工作安排\n持续推进法治政府建设。\n中共清河县委　清河县人民政府\n二〇二一年一月二十日\n（此件公开发布）";
        Signature s = read(text);
        assertEquals(List.of("中共清河县委", "清河县人民政府"), s.issuers().stream().map(Issuer::name).toList());
        assertEquals(AgencyKind.PARTY, s.issuers().get(0).kind());
        assertEquals("中共清河县委、清河县人民政府", s.publisher());
        assertEquals(LocalDate.of(2021, 1, 20), s.date());
    }

    @Test
    void bodiesOnLinesOfTheirOwnAndLetterSpacedNames() {
        Signature s = read("正文到此结束。\n中共清河县委\n清 河 县 人 民 政 府\n2022年2月8日");
        assertEquals(List.of("中共清河县委", "清河县人民政府"), s.issuers().stream().map(Issuer::name).toList());
    }

    @Test
    void issuerAndDateOnOneLine() {
        Signature s = read("持续推进法治政府建设。\n清河县司法局  2023年3月1日");
        assertEquals(List.of("清河县司法局"), s.issuers().stream().map(Issuer::name).toList());
        assertEquals(AgencyKind.DEPARTMENT, s.issuers().get(0).kind());
    }

    @Test
    void aCoverLettersSignatureBeforeTheReport() {
        String text = "现将《清河县生态环境局关于2022年度法治政府建设情况的报告》报上。\n清河县生态环境局\n2023年1月28日\n"
                + "清河县生态环境局关于2022年度\n法治政府建设情况的报告\n2022年,我局坚持依法行政。";
        Signature s = read(text);
        assertEquals("清河县生态环境局", s.publisher());
        assertEquals(LocalDate.of(2023, 1, 28), s.date());
    }

    @Test
    void aDateAloneCountsOnlyAtTheEnd() {
        assertEquals(LocalDate.of(2023, 2, 1), read("持续推进法治政府建设。\n2023年2月1日").date());
        assertNull(read("2023年2月1日\n全年召开常务会议12次,研究法治议题。\n持续推进法治政府建设。\n二是加强队伍建设。\n三是完善制度。"));
    }

    @Test
    void aHeadingOrSentenceIsNoSignature() {
        assertNull(read("一、主要举措和成效\n县政府常务会议审议规范性文件8件。"));
        assertNull(read("根据县委安排,现将有关情况报告如下:\n全局工作稳中有进。"));
    }
}
