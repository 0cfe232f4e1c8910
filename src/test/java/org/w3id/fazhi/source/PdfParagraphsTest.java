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
    void aCentredTitleOnTwoLinesIsOneParagraph() {
        // a 22 pt title centred on the 450 pt measure: 20 characters, then the rest centred below
        page.add(new Line("高台县人民政府2020年度法治政府建设情况", 77, 517, 60, 22, 22));
        page.add(new Line("报告", 275, 319, 88, 22, 22));
        line("全年共收到行政复议申请", 96, 522).line("233件，受理177件。", 72, 200)
                .line("积极落实行政机关负责人出庭应诉", 96, 521).line("制度。", 72, 108);
        assertEquals(List.of("高台县人民政府2020年度法治政府建设情况报告", "全年共收到行政复议申请233件，受理177件。",
                "积极落实行政机关负责人出庭应诉制度。"), paragraphs());
    }

    @Test
    void centredLinesThatDoNotFillTheMeasureStayApart() {
        page.add(new Line("重庆市梁平区司法局", 197, 395, 60, 22, 22));
        page.add(new Line("关于2020年度法治政府建设情况的报告", 110, 482, 88, 22, 22));
        line("全年共收到行政复议申请", 96, 522).line("233件。", 72, 130).line("积极落实行政机关负责人出庭应诉", 96, 521).line("制度。", 72, 108);
        assertEquals(List.of("重庆市梁平区司法局", "关于2020年度法治政府建设情况的报告", "全年共收到行政复议申请233件。", "积极落实行政机关负责人出庭应诉制度。"),
                paragraphs());
    }

    @Test
    void smallPrintAtTheEdgesOfAOnePageReportIsItsHeaderAndFooter() {
        page.add(new Line("高台县人民政府2020年度法治政府建设情况报告", 200, 420, 40, 9, 9));
        line("全年共收到行政复议申请", 96, 522).line("233件。", 72, 130).line("积极落实行政机关负责人出庭应诉", 96, 521).line("制度。", 72, 108);
        page.add(new Line("— 1 —", 280, 310, 800, 9, 9));
        assertEquals(List.of("全年共收到行政复议申请233件。", "积极落实行政机关负责人出庭应诉制度。"),
                PdfDocumentReader.paragraphs(PdfDocumentReader.withoutSmallPrintAtEdges(List.of(page))));
    }

    private static Line row(float top, PrintedRow.CellText... cells) {
        PrintedRow r = new PrintedRow(List.of(cells));
        return new Line(r.text(), 72, 522, top, 12, 12, r);
    }

    @Test
    void aRowAPageBreakSplitIsOneRowAndTheNextRowItsOwn() {
        List<Line> first = List.of(new Line("全年共收到行政复议申请233件。", 96, 400, 100, 12, 12),
                row(700, new PrintedRow.CellText(72, "重大事项由省委研究决定。", false), new PrintedRow.CellText(297, "省委、省政府对全省推进依法行", true)));
        List<Line> second = List.of(row(80, new PrintedRow.CellText(72, "", false), new PrintedRow.CellText(297, "政、建设法治政府工作进行总体部署，", false)),
                row(110, new PrintedRow.CellText(72, "成功获评示范项目。", false), new PrintedRow.CellText(297, "三是扎实开展专项整治。", false)));
        assertEquals(List.of("全年共收到行政复议申请233件。", "重大事项由省委研究决定。 省委、省政府对全省推进依法行政、建设法治政府工作进行总体部署，",
                "成功获评示范项目。 三是扎实开展专项整治。"), PdfDocumentReader.paragraphs(List.of(first, second)));
    }

    @Test
    void aRowHeadingTheNextPageWithTextWhereNoCellRanOnIsANewRow() {
        List<Line> first = List.of(row(700, new PrintedRow.CellText(72, "探索“群说干答”模式，", false),
                new PrintedRow.CellText(297, "推动全过程人民民主与法治政府建设深度融合，", true)));
        List<Line> second = List.of(row(80, new PrintedRow.CellText(72, "成功获评示范项目。", false), new PrintedRow.CellText(297, "三是扎实开展专项整治。", false)));
        assertEquals(List.of("探索“群说干答”模式， 推动全过程人民民主与法治政府建设深度融合，", "成功获评示范项目。 三是扎实开展专项整治。"),
                PdfDocumentReader.paragraphs(List.of(first, second)));
    }

    @Test
    void shortLinesThatNeverWrapStayLines() {
        line("高台县人民政府", 72, 156).line("2021年4月1日", 72, 150).line("联系人：张三", 72, 144);
        assertEquals(List.of("高台县人民政府", "2021年4月1日", "联系人：张三"), paragraphs());
    }
}
