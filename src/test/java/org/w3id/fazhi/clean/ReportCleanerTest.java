package org.w3id.fazhi.clean;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCleanerTest {

    private static final String PAGE = String.join("\n",
            "无障碍版",
            "您现在所在的位置 : 首页 > 专题专栏 > 法治政府建设年度报告",
            "分享到:",
            "某某县2023年法治政府建设年度报告",
            "  • 2024-01-31 16:37",
            "  • 来源: 某某县人民政府",
            "  • 【字体:    ",
            "",
            "  2023年,我县坚持依法行政,全面推进法治政府建设。现将有关情况报告如下:",
            "  一、主要举措和成效",
            "浏览量:12",
            "  全年共收到行政复议申请52件,依法受理32件。",
            "",
            "扫一扫在手机打开当前页",
            "主办单位:某某县人民政府办公室",
            "鄂ICP备16022027号");

    private final CleanedDocument doc = ReportCleaner.create().clean("x.txt", "x.txt", "0".repeat(64), PAGE, Map.of());

    @Test
    void bodyStartsAtTheFirstParagraphAndEndsBeforeTheFooter() {
        assertEquals(String.join("\n",
                "2023年,我县坚持依法行政,全面推进法治政府建设。现将有关情况报告如下:",
                "一、主要举措和成效",
                "全年共收到行政复议申请52件,依法受理32件。"), doc.text());
    }

    @Test
    void headerKeepsTitleDateAndSourceForMetadata() {
        List<String> header = doc.header();
        assertTrue(header.contains("某某县2023年法治政府建设年度报告"), header.toString());
        assertTrue(header.contains("• 2024-01-31 16:37"), header.toString());
        assertTrue(header.contains("• 来源: 某某县人民政府"), header.toString());
    }

    @Test
    void furnitureInsideTheBodyIsDropped() {
        assertFalse(doc.text().contains("浏览量"));
        assertFalse(doc.text().contains("ICP"));
        assertFalse(doc.text().contains("扫一扫"));
    }

    @Test
    void offsetsLeadBackToSourceLines() {
        int offset = doc.text().indexOf("全年共收到");
        assertEquals(11, doc.sourceLineOf(offset));
        assertEquals(8, doc.sourceLineOf(0));
    }

    @Test
    void spamFromMirrorSitesIsNotTheBody() {
        String page = "依法行政的目的是保护群众利益,今天小编精心为大家整理了年度总结,供大家阅读参考。\n"
                + "2017年,我县各级政府认真贯彻落实依法行政各项要求,现将情况报告如下。";
        CleanedDocument d = ReportCleaner.create().clean("y.txt", "y.txt", "0".repeat(64), page, Map.of());
        assertTrue(d.text().startsWith("2017年,我县"), d.text());
    }
}
