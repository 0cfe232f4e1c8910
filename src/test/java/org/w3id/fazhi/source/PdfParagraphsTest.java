package org.w3id.fazhi.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.source.PdfDocumentReader.Line;

/** Paragraphs rebuilt from positioned lines (12 pt text, a 450 pt measure from x = 72). */
class PdfParagraphsTest {
    private final List<Line> page = new ArrayList<>();
    private float y = 100;

    private PdfParagraphsTest line(String text, float left, float right) {
        page.add(new Line(text, left, right, y, 12, 12));
        y += 20;
        return this;
    }

    private List<String> paragraphs() {
        return PdfDocumentReader.paragraphs(List.of(page));
    }

    @Test
    void wrappedLinesJoinAndIndentedOnesStartParagraphs() {
        line("一、主要成效", 96, 168).line("全年共收到行政复议申请", 96, 522).line("233件，受理177件。", 72, 200)
                .line("积极落实行政机关负责人出庭应诉", 96, 521).line("制度。", 72, 108);
        assertEquals(List.of("一、主要成效", "全年共收到行政复议申请233件，受理177件。", "积极落实行政机关负责人出庭应诉制度。"),
                paragraphs());
    }

    @Test
    void aWideRowDoesNotMoveTheMargin() {
        line("全年共收到行政复议申请", 96, 522).line("233件。", 72, 130).line("表1 行政复议案件统计 2023 年 1 月至 12 月 合计", 40, 580)
                .line("积极落实行政机关负责人出庭应诉", 96, 521).line("制度。", 72, 108)
                .line("开展法治宣传", 96, 520).line("活动27场次。", 72, 160);
        assertEquals(List.of("全年共收到行政复议申请233件。", "表1 行政复议案件统计 2023 年 1 月至 12 月 合计",
                "积极落实行政机关负责人出庭应诉制度。", "开展法治宣传活动27场次。"), paragraphs());
    }

    @Test
    void shortLinesThatNeverWrapStayLines() {
        line("高台县人民政府", 72, 156).line("2021年4月1日", 72, 150).line("联系人：张三", 72, 144);
        assertEquals(List.of("高台县人民政府", "2021年4月1日", "联系人：张三"), paragraphs());
    }
}
