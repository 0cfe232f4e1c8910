package org.w3id.fazhi.recognize;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricRecognizerTest {

    private final MetricRecognizer recognizer = new MetricRecognizer(new IndicatorClassifier());

    private List<MetricMention> facts(String text) {
        return recognizer.recognize(TextView.of(text), List.of());
    }

    private MetricMention only(String text) {
        List<MetricMention> f = facts(text);
        assertEquals(1, f.size(), () -> text + " → " + f);
        return f.get(0);
    }

    @Test
    void numberWithMeasureWordAndWhatItCounts() {
        MetricMention f = only("全年共收到行政复议申请233件,");
        assertEquals("233", f.numberText());
        assertEquals(new BigDecimal("233"), f.value());
        assertEquals("件", f.unit());
        assertEquals(Approximation.EXACT, f.approximation());
        assertEquals("全年共收到行政复议申请233件", "全年共收到行政复议申请233件,".substring(f.quote().start(), f.quote().end()));
        assertEquals("reconsideration-received", f.indicator());
    }

    @Test
    void multipliersAndDecimals() {
        MetricMention f = only("共受理案件1.375万件");
        assertEquals("1.375万", f.numberText());
        assertEquals(new BigDecimal("13750"), f.value());
        MetricMention money = only("收缴罚没款12.3万元");
        assertEquals(new BigDecimal("123000"), money.value());
        assertEquals("元", money.unit());
        assertEquals("fines", money.indicator());
        MetricMention dollars = only("实际利用外资1.98亿美元");
        assertEquals(new BigDecimal("198000000"), dollars.value());
        assertEquals("美元", dollars.unit());
    }

    @Test
    void thousandsSeparators() {
        MetricMention f = only("共收到行政复议申请1,256件");
        assertEquals(new BigDecimal("1256"), f.value());
        assertEquals("1,256", f.numberText());
        assertEquals(2, facts("办结7件,256件已归档").size());
    }

    @Test
    void approximations() {
        assertEquals(Approximation.OVER, only("培训400多人次").approximation());
        assertEquals(Approximation.OVER, only("集中销毁不合格食品500余件").approximation());
        assertEquals(Approximation.OVER, only("开展联合执法逾200场次").approximation());
        assertEquals(Approximation.OVER, only("年度学法不少于4次").approximation());
        assertEquals(Approximation.OVER, only("覆盖群众100人以上").approximation());
        assertEquals(Approximation.ABOUT, only("占比约81%").approximation());
        assertEquals(Approximation.ABOUT, only("占比约为81%").approximation());
        assertEquals(Approximation.ABOUT, only("服务群众300人左右").approximation());
        assertEquals(Approximation.UNDER, only("压缩至最多9份").approximation());
        assertEquals(Approximation.UNDER, only("办理时间不足3天").approximation());
        MetricMention f = only("受众达500多万人次");
        assertEquals("500多万", f.numberText());
        assertEquals(new BigDecimal("5000000"), f.value());
        assertEquals(Approximation.OVER, f.approximation());
        assertEquals(Approximation.EXACT, only("企业开办2.5个工作日内完成").approximation());
        assertEquals("工作日", only("企业开办2.5个工作日内完成").unit());
    }

    @Test
    void percentagesAndRates() {
        MetricMention f = only("调解成功率99.7%");
        assertEquals("%", f.unit());
        assertEquals(new BigDecimal("99.7"), f.value());
        assertEquals("mediation-success-rate", f.indicator());
    }

    @Test
    void chineseNumeralsNeedAVerbOfCounting() {
        MetricMention f = only("举办三期专题培训班");
        assertTrue(f.chineseNumeral());
        assertEquals(new BigDecimal("3"), f.value());
        assertEquals("期", f.unit());
        assertEquals(new BigDecimal("6"), only("组成六个督察组").value());
        assertEquals(new BigDecimal("7"), only("行政处罚信息在处罚七日内公示").value());
        assertTrue(facts("增强“四个意识”、坚定四个自信、做到两个维护").isEmpty());
        assertTrue(facts("发挥三个作用的重要指示").isEmpty());
        assertTrue(facts("建立一批示范点,一次办结").isEmpty());
    }

    @Test
    void datesYearsAndDocumentNumbersAreNotFacts() {
        assertTrue(facts("2023年4月25日召开会议").isEmpty());
        assertTrue(facts("根据《实施纲要(2021-2025年)》(赣发〔2021〕23号)").isEmpty());
        assertTrue(facts("党的十九届四中全会精神").isEmpty());
        assertTrue(facts("2022年5月,我区对成员进行调整").isEmpty());
    }

    @Test
    void namesOfProgramsAndSlogansAreNotFacts() {
        assertTrue(facts("紧紧围绕省委“1310”具体部署").isEmpty());
        assertTrue(facts("全面落实“八五”普法规划,推行“1+1+4”工作模式").isEmpty());
        assertTrue(facts("在“12·4”国家宪法日开展宣传").isEmpty());
        assertTrue(facts("开通12348热线,实现7×24小时服务").isEmpty());
        assertTrue(facts("包容审慎监管“四张清单”").isEmpty());
        assertTrue(facts("出台《2020年高台县法治政府建设工作要点》").isEmpty());
        assertTrue(facts("热线24小时开通").isEmpty());
    }

    @Test
    void listMarkersAndOrdinalsAreNotFacts() {
        assertTrue(facts("1.推进扩权赋能强县工作").isEmpty());
        assertTrue(facts("承接第三批市级赋权").isEmpty());
        assertTrue(facts("第5次会议").isEmpty());
        assertTrue(facts("网站支持ipv6").isEmpty());
    }

    @Test
    void countsForAYearAreOnlyCountsAfterConsecutive() {
        assertEquals(new BigDecimal("4"), only("连续四年组织开展示范创建活动").value());
        assertTrue(facts("近三年来成效明显").isEmpty());
    }

    @Test
    void numbersListedBeforeAFactShareItsMeasureWord() {
        List<MetricMention> f = facts("审批时限分别压减55、50个工作日");
        assertEquals(2, f.size());
        assertEquals(new BigDecimal("55"), f.get(0).value());
        assertEquals("工作日", f.get(0).unit());
        assertEquals(new BigDecimal("50"), f.get(1).value());
    }

    @Test
    void scoresMultiplesAndTeachingHours() {
        assertEquals("分", only("年度考核得分95.5分").unit());
        assertEquals("倍", only("办案效率提高2倍").unit());
        assertEquals("学时", only("人均学法40学时").unit());
        assertTrue(facts("于8时30分召开会议").isEmpty());
    }

    @Test
    void zeroIncidentsIsAFact() {
        MetricMention f = only("政务失信事件零发生");
        assertEquals(BigDecimal.ZERO, f.value());
        assertEquals("", f.unit());
    }

    @Test
    void traditionalCharactersReadAsSimplified() {
        MetricMention f = only("公布縣級行政權力事項3713項");
        assertEquals("项", f.unit());
        assertEquals(new BigDecimal("3713"), f.value());
    }

    @Test
    void factsKnowTheirSection() {
        String text = "一、成效\n收到行政复议申请52件。\n二、下一步工作打算\n力争培训200人次。";
        TextView view = TextView.of(text);
        List<Section> sections = new StructureRecognizer().sections(view, 2023);
        List<MetricMention> f = recognizer.recognize(view, sections);
        assertEquals(SectionKind.ACHIEVEMENT, f.get(0).section());
        assertEquals(SectionKind.PLAN, f.get(1).section());
    }

    @Test
    void numbersSetApartWithSpaces() {
        List<MetricMention> f = facts("全年受理法律援助案件 86 件,挽回经济损失 12.5 万元,提供法律咨询 310 余人次。");
        assertEquals(List.of(new BigDecimal("86"), new BigDecimal("125000"), new BigDecimal("310")),
                f.stream().map(MetricMention::value).toList());
        assertEquals(List.of("件", "元", "人次"), f.stream().map(MetricMention::unit).toList());
        assertEquals(Approximation.OVER, f.get(2).approximation());
        assertTrue(facts("在第 3 次会议上").isEmpty());
        // 部门 is not the measure word 部.
        assertTrue(facts("省财政厅等 12 部门联合印发通知").isEmpty());
    }

    @Test
    void sessionsCountedInBothMeasureWords() {
        MetricMention f = only("各部门开展会前学法120场(次)。");
        assertEquals("场次", f.unit());
        assertEquals(new BigDecimal("120"), f.value());
    }

    @Test
    void chineseCountsOfSessionsAndBatches() {
        assertEquals(new BigDecimal("3"), only("先后三次召开专题会议").value());
        assertEquals("期", only("举办依法行政专题培训两期").unit());
        assertEquals(new BigDecimal("4"), only("累计承接四批省级赋权事项").value());
        assertEquals(new BigDecimal("2"), only("区政府常务会议两次举办学法活动").value());
        assertEquals(new BigDecimal("5"), only("学习《行政处罚法》等五部法律").value());
        assertEquals(new BigDecimal("6"), only("明确了六个方面重点任务").value());
        assertTrue(facts("全面落实行政执法三项制度").isEmpty());
        assertTrue(facts("组织开展了三项制度落实情况检查").isEmpty());
        assertTrue(facts("推动四项责任制共同落实").isEmpty());
        // A one-character word (共, 有, 等) counts only right before the numeral: 共同推进 is no 共.
        assertTrue(facts("共同推进三项重点工作").isEmpty());
    }

    @Test
    void theFieldOfARankingIsNotAFact() {
        assertTrue(facts("在全省参评的16个市中位居第三").isEmpty());
        assertTrue(facts("在全国30个城市营商环境评价中综合排名第二").isEmpty());
        assertTrue(facts("召开五届县委第二次全体会议").isEmpty());
        assertEquals("票", only("测评中获满意 19 票").unit());
    }
}
