package org.w3id.fazhi.recognize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each indicator of {@code indicators.ttl} against sentences written for the purpose, in the style
 * of the reports: ones it must be given to, and near misses that resemble it but must not get it.
 * A case names the sentence, the number in it that is asked about, and the indicator it must get
 * (null: none).
 */
class IndicatorClassifierDefinitionsTest {

    private final MetricRecognizer recognizer = new MetricRecognizer(new IndicatorClassifier());

    static Stream<Arguments> cases() {
        return Stream.of(
                // reconsideration: one subject, told apart by the action
                arguments("reconsideration-received", "全年新收行政复议申请318件，同比增长12%。", "318"),
                arguments("reconsideration-received", "市司法局共收到行政复议申请87件。", "87"),
                arguments("reconsideration-accepted", "收到行政复议申请120件，依法受理104件，办结98件。", "104"),
                arguments("reconsideration-accepted", "立案审理行政复议案件56件。", "56"),
                arguments("reconsideration-concluded", "收到行政复议申请120件，依法受理104件，办结98件。", "98"),
                arguments("reconsideration-concluded", "审结行政复议案件77件，其中维持原行政行为60件。", "77"),
                arguments("reconsideration-accepted", "全年收到行政复议申请66件。其中，依法受理61件。", "61"),
                arguments(null, "审结行政复议案件77件，其中维持原行政行为60件。", "60"),
                arguments("reconsideration-concluded", "收到行政复议申请90件，受理82件，不予受理8件；审结80件。", "80"),
                arguments(null, "收到行政复议申请90件，受理82件，不予受理8件；审结80件。", "8"),
                arguments(null, "解答行政复议咨询46件。", "46"),
                arguments(null, "行政复议申请同比减少15件。", "15"),
                arguments(null, "承办以区政府为被申请人的行政复议案件33宗。", "33"),
                // administrative litigation
                arguments("admin-litigation-cases", "全县发生行政诉讼案件64件。", "64"),
                arguments("admin-litigation-cases", "全年办理以县政府为被告的行政应诉案件31件。", "31"),
                arguments("admin-litigation-cases", "县政府作为被告的行政诉讼案件收案47件。", "47"),
                arguments(null, "行政诉讼败诉案件3件。", "3"),
                arguments(null, "行政诉讼案件收案47件，一审败诉2件。", "2"),
                arguments(null, "行政机关负责人出庭应诉案件42件。", "42"),
                arguments(null, "代理行政诉讼、行政复议案件210件。", "210"),
                // deputies' suggestions and proposals
                arguments("npc-suggestions", "办理市人大代表建议96件、政协提案118件，办结率100%。", "96"),
                arguments("cppcc-proposals", "办理市人大代表建议96件、政协提案118件，办结率100%。", "118"),
                arguments("cppcc-proposals", "承办区政协委员提案58件。", "58"),
                arguments(null, "共办理人大代表建议和政协提案150件。", "150"),
                arguments(null, "邀请人大代表视察12次。", "12"),
                // mediation
                arguments("mediation-success-rate", "人民调解成功率达98.6%。", "98.6"),
                arguments("mediation-success-rate", "矛盾纠纷化解率96%。", "96"),
                arguments(null, "调解协议履行率99%。", "99"),
                arguments(null, "群众满意率97%。", "97"),
                arguments("disputes-mediated", "全市人民调解组织共受理矛盾纠纷4210件，成功调解4102件。", "4210"),
                arguments("disputes-mediated", "调处各类纠纷1580起。", "1580"),
                arguments("disputes-resolved", "全市人民调解组织共受理矛盾纠纷4210件，成功调解4102件。", "4102"),
                arguments("disputes-resolved", "共调解矛盾纠纷900件，化解875件。", "875"),
                arguments(null, "排查矛盾纠纷623件。", "623"),
                arguments(null, "法院诉前调解案件5200件。", "5200"),
                arguments(null, "排查发现矛盾纠纷隐患40件。", "40"),
                arguments(null, "化解信访积案17件。", "17"),
                arguments(null, "排查“三类人员”210人，调处58件。", "58"),
                // legal aid and consultations
                arguments("legal-aid-cases", "受理法律援助案件1062件，为受援人挽回经济损失860万元。", "1062"),
                arguments("legal-aid-cases", "办结法律援助案件512件。", "512"),
                arguments(null, "参与认罪认罚案件300件。", "300"),
                arguments(null, "法律援助值班律师提供法律帮助1200人次。", "1200"),
                arguments("legal-consultations", "接待群众法律咨询3400人次。", "3400"),
                arguments("legal-consultations", "热线平台解答法律咨询1.2万人次。", "1.2万"),
                arguments("legal-consultations", "法律援助中心办理案件300件，接待来访咨询2100人次。", "2100"),
                arguments(null, "政务服务中心接待来访咨询2.1万人次。", "2.1万"),
                arguments(null, "法律顾问提供法律意见建议90人次。", "90"),
                arguments(null, "为重大决策提供法律咨询35次。", "35"),
                arguments(null, "综合执法咨询委员会开展问答60次、案卷评查15次。", "15"),
                // open government
                arguments("info-published", "主动公开政府信息6521条。", "6521"),
                arguments("info-published", "在门户网站发布政务信息1.3万余条。", "1.3万"),
                arguments(null, "政务新媒体发布信息300条。", "300"),
                arguments(null, "概况类信息12件、政务动态信息860件。", "860"),
                arguments("info-requests", "收到政府信息公开申请48件。", "48"),
                arguments("info-requests", "受理依申请公开政府信息37件。", "37"),
                arguments("info-requests", "收到依申请公开件64件。", "64"),
                arguments(null, "依申请公开答复率100%。", "100"),
                // normative documents and legality review
                arguments("normative-docs", "制定出台行政规范性文件12件。", "12"),
                arguments("normative-docs", "审查行政规范性文件21件。", "21"),
                arguments("normative-docs", "审查各类文件90件，其中规范性文件14件。", "14"),
                arguments(null, "开展规范性文件清理任务3次。", "3"),
                arguments("legality-reviews", "审查各类文件90件，其中规范性文件14件。", "90"),
                arguments("legality-reviews", "审查政府合同和协议83份。", "83"),
                arguments("legality-reviews", "出具合法性审核意见书152份。", "152"),
                arguments("legality-reviews", "对20件重大行政决策草案进行合法性审查。", "20"),
                arguments(null, "将申请材料由20份压减至8份。", "8"),
                arguments(null, "开展文件全面评估清理工作2次。", "2"),
                arguments(null, "其中规范性文件14件，合同或协议9件。", "9"),
                // major decisions and legal advisers
                arguments("major-decisions", "将9个重大行政决策事项纳入年度目录。", "9"),
                arguments("major-decisions", "办理重大行政决策5件。", "5"),
                arguments(null, "县政府常务会议审议重大行政决策草案6件。", "6"),
                arguments(null, "召开重大行政决策听证会3场。", "3"),
                arguments("legal-advisers", "全县聘请法律顾问86名。", "86"),
                arguments(null, "法律顾问出具法律意见书60份。", "60"),
                arguments("legal-adviser-meetings", "政府法律顾问列席县政府常务会议24次。", "24"),
                arguments(null, "列席县政府常务会议24次。", "24"),
                // government services
                arguments("online-services", "全市2860项政务服务事项实现全程网办。", "2860"),
                arguments("online-services", "网上可办事项1500项。", "1500"),
                arguments(null, "28项高频业务“掌上办”。", "28"),
                arguments(null, "政务服务网注册用户12万个。", "12万"),
                arguments("government-services", "梳理公布政务服务事项2130项。", "2130"),
                arguments("government-services", "推动1200项政务服务事项进驻政务服务中心。", "1200"),
                arguments(null, "下放政务服务事项40项。", "40"),
                arguments(null, "推出“一件事一次办”主题服务事项35项。", "35"),
                arguments(null, "实现560项政务服务事项和120项便民服务事项跨省通办。", "560"),
                arguments("cross-region-services", "76项高频事项实现“跨省通办”。", "76"),
                arguments("cross-region-services", "实现560项政务服务事项和120项便民服务事项跨省通办。", "120"),
                arguments("power-list-items", "公布区级权责清单事项3620项。", "3620"),
                arguments(null, "下放行政权力事项25项。", "25"),
                arguments("promise-items", "以告知承诺制方式办理证明事项2万余件。", "2万"),
                arguments(null, "公布告知承诺事项目录56项。", "56"),
                arguments("certificates-cut", "取消各类证明材料214项。", "214"),
                arguments("certificates-cut", "通过数据共享替代证明材料58份。", "58"),
                arguments(null, "涉及证明事项300件。", "300"),
                arguments(null, "将原来32份材料压缩至6份。", "6"),
                arguments("random-inspections", "开展“双随机、一公开”抽查156次。", "156"),
                // law enforcement
                arguments("enforcement-cases", "市场监管部门查处违法案件218起。", "218"),
                arguments("enforcement-cases", "全年办理行政执法案件1.2万件。", "1.2万"),
                arguments(null, "受理信访案件30件。", "30"),
                arguments(null, "共作出免罚案件19件。", "19"),
                arguments(null, "执法平台办理案件900宗，其中行政检查案件600宗。", "600"),
                arguments(null, "共受理1200宗鉴定案件。", "1200"),
                arguments(null, "集中销毁过期药品300余件。", "300"),
                arguments("penalty-cases", "办理行政处罚案件452件。", "452"),
                arguments("penalty-cases", "全市执法机关作出行政处罚决定8600件。", "8600"),
                arguments(null, "不予处罚案件15件。", "15"),
                arguments("enforcement-files-reviewed", "评查行政执法案卷320卷。", "320"),
                arguments("enforcement-files-reviewed", "对85宗已办结的行政执法案卷进行评查。", "85"),
                arguments(null, "评选优秀案卷10卷。", "10"),
                arguments("enforcement-officers", "全区持证行政执法人员2150名。", "2150"),
                arguments(null, "组织执法人员培训考试860人。", "860"),
                arguments(null, "全县有行政执法主体51个。", "51"),
                arguments("fines", "收缴罚没款86.5万元。", "86.5万"),
                arguments(null, "依法减免罚款3.2万元。", "3.2万"),
                arguments(null, "查处案件案值4.6万元。", "4.6万"),
                arguments("losses-recovered", "受理法律援助案件1062件，为受援人挽回经济损失860万元。", "860万"),
                arguments("losses-recovered", "为农民工追回欠薪326万元。", "326万"),
                arguments(null, "涉案金额500万元。", "500万"),
                // training, study and publicity
                arguments("law-training-sessions", "举办依法行政专题培训班6期。", "6"),
                arguments("law-training-sessions", "组织法治讲座12场次。", "12"),
                arguments("law-training-sessions", "举办两期“学习贯彻民法典”专题培训班。", "两"),
                arguments(null, "举办广播电视法治讲座20期。", "20"),
                arguments(null, "设立普法专栏9个。", "9"),
                arguments(null, "组织消防安全培训10场次。", "10"),
                arguments(null, "依法组织安全生产培训8场次，培训企业负责人600人次。", "8"),
                arguments(null, "依法组织安全生产培训8场次，培训企业负责人600人次。", "600"),
                arguments(null, "开展安全生产宣传活动15场次。", "15"),
                arguments("law-training-attendees", "培训行政执法人员1800人次。", "1800"),
                arguments(null, "普法宣传受众2万人次。", "2万"),
                arguments("law-study-sessions", "政府常务会议会前学法11次。", "11"),
                arguments("publicity-events", "开展法治宣传活动85场次。", "85"),
                arguments("publicity-events", "开展送法进校园26场。", "26"),
                arguments("publicity-events", "开展民法典宣传进社区活动150余场。", "150"),
                arguments("publicity-events", "开展普法宣传活动、法律咨询20场次。", "20"),
                arguments(null, "发放普法宣传资料1.5万份。", "1.5万"),
                arguments(null, "创建1个国家级、3个省级民主法治示范村。", "3"),
                arguments(null, "开展宪法宣誓4次。", "4"),
                arguments(null, "对全区9个镇履行普法责任情况开展评议。", "9"),
                arguments(null, "完善立法、执法、司法、守法普法4个协调小组工作机制。", "4"),
                arguments(null, "组织法治座谈研讨8次。", "8"),
                // legal services and law-understanding persons
                arguments("legal-service-sites", "建成村（社区）公共法律服务工作室312个。", "312"),
                arguments("legal-service-sites", "完成县级中心和16个工作站的建设，公共法律服务实现全覆盖。", "16"),
                arguments("legal-service-sites", "全县建成公共法律服务中心1个、工作站12个、工作室180个。", "180"),
                arguments(null, "设立人大代表联络站20个。", "20"),
                arguments(null, "为45家企业提供法律服务。", "45"),
                arguments("law-understanding-persons", "培育农村“法律明白人”2300名。", "2300"),
                // Core members trained are not the law-understanding persons trained up; they attended training on law.
                arguments("law-training-attendees", "培训“法律明白人”骨干150名。", "150"),
                arguments("notarizations", "办理公证事项4120件。", "4120"),
                arguments(null, "全市有公证员12名。", "12"),
                // emergencies
                arguments("emergency-plans", "修订完善专项应急预案14个。", "14"),
                arguments("emergency-plans", "印发防汛应急预案等5个专项应急预案。", "5"),
                arguments("emergency-drills", "开展防汛应急演练9次。", "9"),
                arguments("emergency-drills", "组织应急预案演练5次。", "5"),
                arguments(null, "开展模拟法庭演练2次。", "2"),
                arguments("emergencies-handled", "妥善处置各类突发事件23起。", "23"),
                arguments(null, "突发事件信息报送56条。", "56"),
                // Review told apart: what was reviewed decides; normative documents have their own count
                // whatever the review, and a count of them with contracts or other matters is a legality review.
                arguments("legality-reviews", "审核县政府常务会议议题85个。", "85"),
                arguments("legality-reviews", "审查政府合同56件、会议纪要120件。", "120"),
                arguments("legality-reviews", "承办领导交办事项法制审核63件。", "63"),
                arguments("legality-reviews", "法律顾问为局机关审查了18份法律文书。", "18"),
                arguments("legality-reviews", "全年共审核规范性文件12件、合同及其他涉法事项85件。", "85"),
                arguments("normative-docs", "全年共审核规范性文件12件、合同及其他涉法事项85件。", "12"),
                arguments("normative-docs", "合法性审核行政规范性文件26件。", "26"),
                arguments("legality-reviews", "审核重大行政决策事项8件、行政规范性文件16件、合同协议52份。", "8"),
                arguments("normative-docs", "审核重大行政决策事项8件、行政规范性文件16件、合同协议52份。", "16"),
                arguments("normative-docs", "对9件涉及民营企业的规范性文件进行清理。", "9"),
                arguments(null, "政务服务中心审核申请材料文件3000份。", "3000"),
                arguments(null, "清理各类文件230件。", "230"),
                // Services told apart: the catalogue, what of it is online, what is served across regions.
                arguments("government-services", "全县政务服务事项1520项，其中网上可办1480项。", "1520"),
                arguments("online-services", "全县政务服务事项1520项，其中网上可办1480项。", "1480"),
                arguments("government-services", "清理公布行政权力3100项和公共服务280项。", "280"),
                arguments(null, "政务服务事项网上可办率达98%。", "98"),
                arguments(null, "全年办理政务服务事项85万件。", "85万"),
                arguments("promise-items", "通过告知承诺方式办件1.2万件。", "1.2万"),
                // People told apart: officers who attend training are attendees, not the officers on the roll.
                arguments("law-training-attendees", "组织全县320名执法人员参加法律知识培训。", "320"),
                arguments("law-training-attendees", "举办法治专题培训2期，86人参训。", "86"),
                arguments(null, "组织执法人员参加执法资格考试560人。", "560"),
                arguments(null, "组织执法业务培训12场次。", "12"),
                arguments(null, "举办业务培训班5期，培训干部职工300人次。", "300"),
                // Litigation concluded is litigation handled; what was lost is not.
                arguments("admin-litigation-cases", "行政应诉案件收案50件，结案45件。", "45"),
                arguments(null, "行政应诉案件收案50件，同比下降10件。", "10"),
                // Training written as 期, 批次, 党课, 研讨班, 讲堂; study held throughout the organisations.
                arguments("law-training-sessions", "讲授法治专题党课3场次。", "3"),
                arguments("law-training-sessions", "举办民法典专题研讨班2期。", "2"),
                arguments("law-training-sessions", "参加省司法厅组织的专题培训3批次。", "3"),
                arguments("law-training-sessions", "组织干部参加“法治大讲堂”学习6期。", "6"),
                arguments("law-training-sessions", "各单位组织干部职工开展民法典专题学习150余场次。", "150"),
                arguments("law-study-sessions", "县政府常务会议集体学习宪法4次。", "4"),
                arguments("law-training-attendees", "举办法治讲座16场，受众1200人次。", "1200"),
                arguments(null, "开展普法宣传活动120场，受众3万人次。", "3万"),
                arguments(null, "县直各部门每年至少举办法治讲座2次。", "2"),
                arguments(null, "为企业职工举办法治讲座3场。", "3"),
                // Publicity: talks taken to the public, activities named as publicity, a count in a clause of its own.
                arguments("publicity-events", "举办“法律进校园”讲座25场次。", "25"),
                arguments("publicity-events", "开展宪法宣传月系列活动35场。", "35"),
                arguments("publicity-events", "组织开展法治宣传，共计42次。", "42"),
                arguments(null, "组织开展主题党日活动12次。", "12"),
                arguments(null, "邀请高校教授作习近平法治思想专题宣讲4次。", "4"),
                // Other figures real reports write.
                arguments("info-published", "主动公开各类信息1.8万条。", "1.8万"),
                arguments("emergency-plans", "修订8份涵盖防汛抗旱等领域的专项应急预案。", "8"),
                arguments("legal-advisers", "聘请3名律师担任县政府法律顾问。", "3"),
                arguments("legal-service-sites", "建成 12 个乡(镇)公共法律服务工作站。", "12"));
    }

    @ParameterizedTest(name = "{1} → {2}: {0}")
    @MethodSource("cases")
    void theIndicatorFitsOrIsLeftOut(String expected, String sentence, String number) {
        List<MetricMention> facts = recognizer.recognize(TextView.of(sentence), List.of());
        MetricMention fact = facts.stream().filter(f -> f.numberText().equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + number + " in " + sentence + ": " + facts));
        assertEquals(expected, fact.indicator(), sentence);
    }

    @Test
    void everyIndicatorOfTheVocabularyIsReachableAndTested() throws IOException {
        String ttl = Files.readString(Path.of("ontology/indicators.ttl"), StandardCharsets.UTF_8);
        Set<String> vocabulary = new TreeSet<>();
        Matcher m = Pattern.compile("skos:notation \"([a-z-]+)\"").matcher(ttl);
        while (m.find()) vocabulary.add(m.group(1));
        assertEquals(vocabulary, IndicatorClassifier.codes(), "the classifier's codes and the vocabulary's");
        Set<String> tested = new TreeSet<>();
        cases().forEach(a -> {
            if (a.get()[0] != null) tested.add((String) a.get()[0]);
        });
        assertEquals(vocabulary, tested, "indicators with a positive case");
        // Every indicator has a definition in both languages and says what it leaves out.
        for (String code : vocabulary) {
            int at = ttl.indexOf("indicator:" + code + " a fz:Indicator");
            int end = ttl.indexOf(" .\n", at);
            String block = ttl.substring(at, end);
            assertTrue(block.contains("skos:definition") && block.contains("@zh") && block.contains("@en"), code);
            assertTrue(block.contains("skos:scopeNote"), code + " has no scope note");
        }
    }
}
