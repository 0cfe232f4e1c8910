package org.w3id.fazhi.recognize;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says which comparable indicator (the codes of {@code indicators.ttl}) a fact measures, or null.
 *
 * <p>An indicator claims that a number can be compared across regions, so one is given only when
 * the subject, the action and the unit all fit its definition; when in doubt, none is given.
 *
 * <ul>
 * <li>The subject is what the number counts: the noun that ends the words before the number in its
 * list item (办理人大建议43件、<b>政协提案</b>112件), with only fillers such as 共, 累计, 达 or a word in
 * brackets between, or else the noun right after the measure word (修订7个区级<b>专项应急预案</b>,
 * 6件涉及计划生育<b>规范性文件</b>). A word met elsewhere in the sentence is not the subject. Only when
 * the number has no noun of its own (依法受理32件, 化解769件, 共计42次) does it take the subject of the
 * clause before it in the same sentence: from a clause that counted its subject already only where
 * its own item says what was done (收案50件，<b>结案</b>45件), from one that named it without a count
 * always (组织开展主题宣传活动，共计42次).</li>
 * <li>The action (收到, 受理, 办结 …) is looked for in the number's own list item, or in the verb at
 * the head of its list (<b>审查</b>政府合同42件、会议纪要179件).</li>
 * <li>The unit must be one the indicator is counted in.</li>
 * <li>Near-miss words (咨询, 排查, 免罚, 业务培训 …) turn a rule away; context words (法治 for training)
 * are looked for in the number's part of the sentence between semicolons, and an audience count
 * (受众) takes its kind from the clause before.</li>
 * <li>A number per period (每年至少…2次) is a rule or a rate and gets none.</li>
 * </ul>
 */
public final class IndicatorClassifier {

    /**
     * One way to recognise an indicator. Several rules may give the same code.
     *
     * @param subject    what the number must count
     * @param action     what the number's list item must say was done with it, or null
     * @param veto       words that, in the number's list item, make it a near miss, or null
     * @param clauseVeto the same for the whole clause, or null
     * @param context    what the number's part of the sentence (between semicolons) must speak of when the
     *                   subject alone is too broad, or null
     * @param clauseContext what the number's clause must speak of, or null
     * @param previous   what the clause before the number's must speak of (受众 of the training it counts), or null
     * @param previousVeto words that, in the clause before, turn the rule away, or null
     * @param passOn     what the item of a number with no subject of its own must say for it to take this rule's
     *                   subject from a clause before (the action, or the words allowed after the subject), or null
     * @param fallback   a broad subject (案件) that applies only when no narrower rule does
     */
    private record Rule(int index, String code, Pattern subject, Pattern head, Pattern after, Pattern action,
                        Pattern veto, Pattern clauseVeto, Pattern context, Pattern clauseContext, Pattern previous,
                        Pattern previousVeto, Pattern passOn, Set<String> units, boolean fallback,
                        SubjectChars subjectChars) {

        /**
         * Where the subject stands before the number, as {@code head.matcher(text).find()} finds it, or
         * null. The match is tried only where a subject can start, not at every place of the item.
         */
        Matcher headMatch(Matchers matchers, String text) {
            if (head == null) return null;
            Matcher m = null;
            for (int i = 0; i < text.length(); i++) {
                if (!subjectChars.has(text.charAt(i))) continue;
                if (m == null) m = matchers.head(this, text);
                if (m.region(i, text.length()).lookingAt()) return m;
            }
            return null;
        }

        /**
         * The subject (or the words) right after the measure word, as {@code after.matcher(text).find()}
         * finds it, or null: every such pattern is anchored at the start, so it is tried there only.
         */
        Matcher afterMatch(Matchers matchers, String text) {
            if (after == null || subjectChars != null && !subjectChars.anyIn(text)) return null;
            Matcher m = matchers.after(this, text);
            return m.lookingAt() ? m : null;
        }
    }

    /**
     * Every Han character written in a subject's pattern. Each branch of every subject starts with
     * such a character (复议, 纠纷, (?:行政)?执法 …; none starts with {@code \p{IsHan}} or a class), and
     * a lookbehind only adds characters: so a subject's match starts on one of them, and a text with
     * none of them holds no match.
     */
    private static final class SubjectChars {
        private final BitSet chars = new BitSet();

        SubjectChars(String pattern) {
            pattern.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(chars::set);
        }

        boolean has(char c) { return chars.get(c); }

        boolean anyIn(String text) {
            for (int i = 0; i < text.length(); i++) if (chars.get(text.charAt(i))) return true;
            return false;
        }
    }

    /**
     * One thread's matchers of the rules' subject patterns, reset for each text: a matcher made anew
     * for every rule and every number was most of what classifying allocated.
     */
    private static final class Matchers {
        private final Matcher[] heads = new Matcher[RULES.size()];
        private final Matcher[] afters = new Matcher[RULES.size()];

        Matcher head(Rule r, String text) {
            Matcher m = heads[r.index()];
            if (m == null) {
                m = heads[r.index()] = r.head().matcher(text);
                // Lookbehinds (告知承诺…事项) see the words before the place tried, as find() lets them.
                m.useTransparentBounds(true);
                return m;
            }
            return m.reset(text);
        }

        Matcher after(Rule r, String text) {
            Matcher m = afters[r.index()];
            if (m == null) return afters[r.index()] = r.after().matcher(text);
            return m.reset(text);
        }
    }

    private static final ThreadLocal<Matchers> MATCHERS = ThreadLocal.withInitial(Matchers::new);

    /** Words that may stand between a subject and its number: 行政处罚案件<b>共计</b>932宗. */
    private static final String FILLER =
            "共计|共|累计|合计|总计|总数|数量|数|达到|达|为|约|近|超过|超|逾|分别|有|计|等|的|\\s|"
            // A word in brackets that says what the subject covers: 法治讲座(培训、报告会)3530余场.
            + "\\([^()]{1,12}\\)";
    /** Words that may stand between the measure word and its subject: 7个<b>区级专项</b>应急预案. */
    private static final String MODIFIER = "各类|各种|各级|[省市县区镇乡村]级|专项|专题|主题|重点|高频|典型|大型|集中|"
            + "现行有效的?|已\\p{IsHan}{1,3}的|“[^”，。；]{0,40}”|《[^》]{0,60}》|\\p{IsHan}{1,3}[省市县区](?!级)|\\s|"
            // 13个乡(镇)公共法律服务工作站, 6件涉及计划生育规范性文件, 30份涵盖公共卫生等方面的专项预案.
            + "\\p{IsHan}{1,2}\\(\\p{IsHan}{1,4}\\)|涉及\\p{IsHan}{1,8}?(?=\\p{IsHan}{2})|[\\p{IsHan}、]{2,12}?的";
    /** A clause with nothing but these before its number names no subject of its own: 依法受理32件. */
    private static final Pattern BARE = Pattern.compile("^(?:依法|经|共计|共|累计|合计|总计|全年|当年|年内|"
            + "其中|已经|已|均|分别|先后|同比|环比|另|并|又|还|再|有|达到|达|为|约|近|超过|逾|计|全部|"
            + "全[区县市省镇]|今年|本年|年度|目前|截至目前|以来|\\d{4}年度?|受理|收到|收案|新收|接收|立案|办结|"
            + "审结|结案|化解|调处|调解|成功|办理|处理|处置|完成|实现|作出|下降|增长|上升|减少|增加|提高|"
            // Outcomes name no subject either: 受理121件，不予受理14件；审结118件.
            + "不予|未|维持|撤销|驳回|终止|确认违法|责令履行|变更|纠错|撤回|和解|撤诉|败诉|胜诉|"
            // Nor how items are served: 政务服务事项1520项，其中网上可办1480项.
            + "网上可办|全程网办|网上办理|一网通办|掌上可办|掌上办|可网办|[\\s“”])*$");
    /** Verbs that open a list item or a clause. */
    private static final String VERBS = "受理|收到|收案|新收|立案|办结|审结|化解|调处|调解|办理|承办|查处|处理|处置|"
            + "完成|实现|作出|开展|组织|举办|召开|提供|解答|接待|审查|审核|出具|发布|公开|取消|减少|修订|制定|清理|"
            + "印发|录入|评查|参与|参加|培训|培养|建成";
    /** A list item that starts with a verb of its own: 受理行政复议案件10件、<b>办结</b>8件. */
    private static final Pattern VERB_FIRST = Pattern.compile("^(?:依法|共|累计|全年|年内|已)?(?:" + VERBS + ")");
    /** The verb near the head of a clause that its list items share: 年内<b>办理</b>法律援助案件455件、公证事项487件. */
    private static final Pattern LEADING_VERB = Pattern.compile("^\\p{IsHan}{0,6}?(" + VERBS + ")");
    private static final Pattern MARKS = Pattern.compile("[“”‘’\"《》「」]");
    /** A number per period: 每年至少…2次, 每季度…. */
    private static final Pattern PER_PERIOD = Pattern.compile("每(?:年度?|半年|季度|季|月|周)");
    private static final String CLAUSE_BREAKS = "，,；;";
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,]*(?:千万|百万|万|亿)?[余多]?");

    private static final Set<String> CASES = Set.of("件", "宗", "起");
    private static final Set<String> ITEMS = Set.of("项", "个");
    private static final Set<String> SESSIONS = Set.of("场次", "场", "次", "期", "期次", "班次", "批次");
    private static final Set<String> PERSONS = Set.of("人次", "人", "名");

    /** Words that make training or publicity a matter of law (依法 alone does not: 依法开展消防培训). */
    private static final String LAW = "法治|法律|法规|法制|学法|普法|送法|执法|司法|宪法|民法典|依法行政|依法治|条例|规章|法明白人";

    /**
     * What a legality review is not: training, clean-up, evaluation and filing of documents, nor the
     * papers of an application or approval checked in a service hall (审核申请材料, 审核通过项目文件).
     */
    private static final String NOT_LEGALITY_REVIEW = "培训|清理|评估|备案|申请|材料|审批|登记|项目|通过";
    /** Training on a trade, not on law: 执法业务培训 trains officers in their work (法律业务培训 is on law). */
    private static final String NOT_LAW_TRAINING = "(?<!法律|法治)业务(?:知识|技能|能力)?(?:培训|轮训)";
    /** What a course of training is called: 培训班, 轮训, 讲座, 讲堂, 研讨班, 党课, 法治课. */
    private static final String TRAINING = "(?:专题)?(?:培训|轮训)(?:班|会)?|(?:研讨|学习|进修|专题)班|"
            + "(?:专题)?(?:法治|法律|学法)?讲座|讲堂|报告会|专题辅导|党课|法治课|法律课|课程";
    /** What a study session may name as studied between the word 学习 and its count. */
    private static final String STUDIED = "习近平法治思想|宪法|民法典|法律法规|法律知识|党内法规";
    /** The organisations at large, whose study sessions are training: 各级党组织, 各单位, 干部职工. */
    private static final String AT_LARGE = "各级|各单位|各部门|各处室|各科室|各[镇乡]|各街道|各党支部|干部职工|党员干部|"
            + "全体(?:干部|党员|职工)|机关干部";
    /** Law taken to the public (法律进校园, 送法下乡): a talk there is publicity, not training. */
    private static final String TO_THE_PUBLIC = "(?:送法|法律|法治|普法)[进下入]|[进下入](?:校园|学校|社区|农村|乡村|企业|家庭|寺庙|军营)";
    /** Those a talk reaches when it is publicity and not training of officials: 为企业职工举办法治讲座. */
    private static final String PUBLIC_AUDIENCE = "群众|村民|居民|学生|师生|青少年|企业|农民工|商户|市民";
    /** Experts invited to speak address the officials themselves (邀请专家学者作主题宣讲), not the public. */
    private static final String INVITED_SPEAKERS = "邀请\\p{IsHan}{0,8}?(?:专家|学者|教授|老师)";

    /** What a mediation counts: disputes, or the cases a mediation body took (调解组织共受理案件). */
    private static final String DISPUTES = "矛盾纠纷|各类纠纷|纠纷|调解案件|(?<=调解(?:组织|委员会)\\p{IsHan}{0,6})案件";

    /** The rules made so far: each rule's index into a thread's {@link Matchers}. No initialiser, so it counts from 0 before {@link #RULES} is made. */
    private static int ruleCount;

    private static final List<Rule> RULES = List.of(
            // Administrative reconsideration: one subject, three actions.
            rule("reconsideration-received", "(?:行政)?复议(?:申请|案件)?").action("收到|收案|新收|接收|收件")
                    .veto("咨询").units(CASES),
            rule("reconsideration-accepted", "(?:行政)?复议(?:申请|案件)?").action("受理|立案")
                    .veto("不予受理|受理前|咨询").units(CASES),
            rule("reconsideration-concluded", "(?:行政)?复议(?:申请|案件)?").action("办结|审结|结案|审理终结")
                    .veto("咨询").units(CASES),
            rule("admin-litigation-cases", "行政(?:应诉|诉讼)(?:案件)?|应诉案件").trail("收案|新收|发生|立案|受理|收到|审结|结案|办结")
                    .veto("败诉|胜诉|撤诉|出庭|纠错|复议|一审|二审|咨询").units(CASES),
            rule("npc-suggestions", "人大代表(?:建议|议案)|人大(?:代表)?建议|代表建议")
                    .veto("提案(?:和|及|与)").units(Set.of("件", "条", "个")),
            rule("cppcc-proposals", "政协(?:委员)?提案|委员提案|政协委员提出的提案")
                    .veto("(?:建议|议案)(?:和|及|与)").units(Set.of("件", "条", "个")),
            // Mediation.
            rule("mediation-success-rate", "(?:调解|调处|化解)成功率|矛盾纠纷化解率|化解率|调解率")
                    .veto("履行|满意|知晓|信访").units(Set.of("%")),
            rule("disputes-resolved", DISPUTES).action("调处成功|调解成功|化解成功|成功调处|成功调解|成功化解|化解")
                    .veto("排查|发现|信访|积案").units(CASES),
            rule("disputes-mediated", DISPUTES).action("受理|调处|调解|处理")
                    .veto("成功|化解|排查|发现|信访|积案").units(CASES),
            // Legal services.
            rule("legal-aid-cases", "法律援助(?:案件)?").action("受理|办理|承办|办结|指派")
                    .veto("咨询|值班|律师").units(Set.of("件", "宗")),
            rule("legal-consultations", "(?:法律|法治)咨询(?:服务)?")
                    .action("提供|解答|接待|受理|来电|来访|网上|线上|在线|热线")
                    .veto("复议|诉讼|决策|律师函|意见书|法律意见").units(Set.of("人次", "次", "件次", "件")),
            // 接待来访咨询5600人次: consultations not called legal ones are, where the sentence is about legal aid or services.
            rule("legal-consultations", "(?:受理|解答|接待)\\p{IsHan}{0,4}?咨询")
                    .context("法律援助|法律服务|法援|12348|律师").veto("复议|诉讼|决策|律师函|意见书|法律意见|政务|办事")
                    .units(Set.of("人次", "次", "件次", "件")),
            rule("legal-service-sites", "公共法律服务(?:中心|工作站|工作室|站点|站室|站|室|点)|法律服务(?:工作站|工作室|站|室|点)|"
                    + "法治超市|工作站|工作室|站室|服务站|服务室|服务点")
                    .context("法律服务|法治超市").veto("人大|代表|警务|信访|立法|联络|调解|律师事务所")
                    .units(Set.of("个", "家", "所", "处")),
            rule("law-understanding-persons", "法律明白人").veto("骨干|培训|示范户").units(Set.of("名", "人", "位")),
            rule("notarizations", "公证(?:事项|案件|业务)?|公证书").action("办理|办结|出具|受理")
                    .veto("案例|机构|公证员|公证处").units(Set.of("件", "份")),
            rule("losses-recovered", "(?:挽回|追回)\\p{IsHan}{0,4}?损失|"
                    + "(?:解决|追回|追讨|清欠|讨回)\\p{IsHan}{0,4}?(?:拖欠|欠薪|工资|薪资|劳动报酬)+")
                    .units(Set.of("元")),
            // Open government.
            rule("info-published", "政府信息|政务信息").action("公开|发布").veto("申请").units(Set.of("条", "件")),
            // 主动公开信息22432条: information published of the government's own accord is government information.
            rule("info-published", "信息").action("主动公开").veto("申请").units(Set.of("条", "件")),
            rule("info-requests", "依申请公开(?:政府)?(?:信息)?(?:申请)?(?:件|事项)?|(?:政府)?信息公开申请")
                    .veto("答复率|满意").units(Set.of("件", "条")),
            // Law-making and decisions.
            rule("normative-docs", "规范性文件").veto("培训|任务|评估|目录|审查率|备案率")
                    .trail("备案|报备|清理|废止|修订|制定|制发|出台|印发|审查|审核|报送").units(Set.of("件", "份")),
            rule("legality-reviews", "合法性(?:审查|审核)(?:文件|意见书?)?|法制(?:审查|审核)|(?:审查|审核)意见书?|涉法(?:事项|文件)|"
                    + "规范性审查业务|(?:审查|审核)(?!意见)\\p{IsHan}{0,16}?(?<!规范性)(?:文件|合同|协议|文书)")
                    .veto(NOT_LEGALITY_REVIEW).units(Set.of("件", "份", "次", "个", "项")),
            // 审查政府合同42件、会议纪要179件; 审查了26份法律文书; 审核重大行政决策事项8件: what a legality review
            // reads, the review said in the item or at the head of its list. Normative documents have their own indicator.
            rule("legality-reviews", "(?<!规范性)文件|合同|协议|(?:法律)?文书|议题|会议纪要|纪要|涉法事项|法律事务|"
                    + "重大(?:行政)?决策(?:事项|草案)?")
                    .action("审查|审核").veto(NOT_LEGALITY_REVIEW + "|起草|签订|签署")
                    .units(Set.of("件", "份", "个", "项")),
            // 对60件…进行合法性审核: the measure word comes first and the review at the end of the clause.
            rule("legality-reviews", null).after("^[^，。；]{0,40}?(?:进行|开展)?合法性(?:审查|审核)")
                    .units(Set.of("件", "份", "个", "项")),
            rule("major-decisions", "重大(?:行政)?决策(?:事项)?").veto("草案|合法性|审查|审核|听证|论证|评估|法律顾问")
                    .units(Set.of("件", "个", "项")),
            rule("legal-advisers", "法律顾问")
                    .veto("参加|列席|出席|会议|审核|审查|出具|咨询|意见|培训").units(Set.of("人", "名", "位")),
            // 聘任2名律师担任局法律顾问.
            rule("legal-advisers", null).after("^\\p{IsHan}{0,6}?(?:担任|作为|任)\\p{IsHan}{0,8}?法律顾问")
                    .units(Set.of("人", "名", "位")),
            rule("legal-adviser-meetings", "(?:参加|列席|出席)\\p{IsHan}{0,12}?会议").context("法律顾问")
                    .units(Set.of("次", "场次", "场")),
            // Government services.
            rule("online-services", "(?:政务|公共|便民)?服务事项|政务事项|事项")
                    .action("网上可办|网上办理|全程网办|网上办|一网通办|掌上办|掌上可办|网办|线上办")
                    .veto("跨省|跨域|跨区域|[市省]通办").units(ITEMS),
            rule("government-services", "(?:政务|公共)服务(?:事项)?")
                    .clauseVeto("通办|可办|网办|网上办|就近办|掌上|跨省|跨域|承诺|延伸|免申|即办|一次办|跑一次|下放|取消|精简|压")
                    .units(ITEMS),
            rule("cross-region-services", "(?:政务|便民|公共)?服务事项|事项")
                    .action("(?:跨省|跨域|跨区域|跨市|省内|市内|全市|全省|全区)通办").units(ITEMS),
            rule("cross-region-services", null).after("^(?:实现|可)“?(?:跨省|跨域|跨区域|跨市|全市|全省|全区)通办")
                    .units(ITEMS),
            rule("power-list-items", "(?:行政)?权力事项|权责(?:清单)?事项|权力清单事项")
                    .veto("下放|取消|调整|承接|清理|赋予|消减|削减|精简|压减|减少").units(Set.of("项", "条")),
            rule("promise-items", "(?<=告知承诺\\p{IsHan}{0,10})事项").action("办理").veto("目录|清单|梳理|公布")
                    .units(Set.of("件", "项")),
            // 告知承诺制办件量1200件: the items handled, counted as transactions.
            rule("promise-items", "告知承诺制?(?:方式)?(?:审批|办理|办件)(?:量|数)?").veto("目录|清单|梳理|公布")
                    .units(Set.of("件")),
            rule("certificates-cut", "证明材料|证明事项|证照和材料")
                    .action("取消|减少|替代|精简|压减|减免|免于|免提交|免交").veto("目录|清单|涉及")
                    .units(Set.of("个", "份", "项", "件")),
            rule("random-inspections", "双随机[、\\p{IsHan}]{0,8}?(?:抽查|检查)(?:任务)?|随机抽查")
                    .units(Set.of("次", "批次", "条", "项")),
            // Law enforcement.
            rule("penalty-cases", "(?:行政)?处罚(?:案件|决定书?)").veto("免罚|不予处罚|减轻|从轻|不罚|轻微").units(CASES),
            rule("enforcement-files-reviewed", "(?:行政)?执法案卷|案卷").action("评查|评审|检查|抽查")
                    .veto("推荐|优秀|优质|示范|不合格|问题").units(Set.of("卷", "宗", "件", "份", "本")),
            rule("enforcement-officers", "(?:行政)?执法人员")
                    .veto("出动|参加|参训|抽取|培训|考试|旁听").units(Set.of("名", "人")),
            rule("fines", "(?:罚没款|罚没|罚款|处罚金额|罚没金额)(?:金额|总额|收入)?").veto("免罚|免于|免予|减免|不予")
                    .units(Set.of("元")),
            // A case of no named kind is an enforcement case only where the sentence speaks of
            // enforcement, and never when it is one of the other kinds of case above or a part of
            // the total by kind of act (检查案件, 强制案件).
            rule("enforcement-cases", "(?:行政)?执法案件|(?:违法|违规|侵权|违法违规)案件|案件")
                    .action("查处|办理|办结|录入|立案|受理|作出|处理|查办").context("执法|处罚|查处|违法")
                    .veto("法律援助|援助|复议|诉讼|应诉|调解|纠纷|公证|认罪认罚|信访|检察|代理|建议|提案|鉴定|"
                            + "履行|监督|免罚|刑事|民事|检查案件|强制案件|仲裁|司法确认|咨询|积案|审判|执行|平安")
                    .asFallback().units(CASES),
            // Training, study and publicity. Training is a course or lecture held for officials on law; the
            // leaders' own study together (中心组, 常务会议会前学法) is law study; publicity speaks to the public.
            // Who attended: 培训干部568人次, 培训学员320余人次 (人 and 名 too: 112人参训).
            rule("law-training-attendees", "(?:培训|轮训|学法|参训|讲座)(?:\\p{IsHan}{0,8}?"
                    + "(?:人员|干部|职工|公务员|骨干|律师|调解员|明白人|代表|学员))?")
                    .context(LAW).veto(NOT_LAW_TRAINING + "|宣传|普法|受众|宣讲|覆盖|考试|测试|" + PUBLIC_AUDIENCE)
                    .previousVeto(NOT_LAW_TRAINING).units(PERSONS),
            // 112人参训; 组织118名区管干部参加全面依法治区专题培训班.
            rule("law-training-attendees", null)
                    .after("^\\p{IsHan}{0,8}?(?:参训|参加[^，。；]{0,24}?(?:培训|轮训|讲座|讲堂|研讨班|学习班))")
                    .context(LAW).veto(NOT_LAW_TRAINING + "|宣传|普法|考试|测试").units(PERSONS),
            // 专题培训10场次，受众近1000人次: those reached by the training the clause before counts.
            rule("law-training-attendees", "受众|参加人员|参训人员|参会人员|参学人员|听众|学员")
                    .previous("培训|讲座|轮训|讲堂|研讨班|党课|法治课").previousVeto(NOT_LAW_TRAINING + "|宣传|普法|宣讲")
                    .context(LAW).veto(NOT_LAW_TRAINING).units(PERSONS),
            // “新时代法治大讲堂”学习5期: 学习 may follow the course's name.
            rule("law-training-sessions", "(?:" + TRAINING + ")(?:学习)?").context(LAW)
                    .veto(NOT_LAW_TRAINING + "|宣传|普法|宣讲|广播|电视|电台|直播|视频|考试|测试|" + TO_THE_PUBLIC + "|"
                            + PUBLIC_AUDIENCE)
                    .units(SESSIONS),
            // 各单位组织干部职工开展习近平法治思想学习200余场次: study held throughout the organisations is
            // training; the leaders' own (组织专题学习2次) is law study, below.
            rule("law-training-sessions", "(?:专题|集中)?学习(?:活动)?").trail(STUDIED).context(LAW).clauseContext(AT_LARGE)
                    .veto("中心组|常务会|常委会|党组(?!织)|办公会").units(SESSIONS),
            rule("law-study-sessions", "(?:会前|集体|集中|专题|例行|常务会议?|中心组|党组会?|办公会)?学法(?:活动)?|"
                    + "中心组(?:集体|专题)?学习").veto("培训|讲座").units(Set.of("次", "场次", "场", "期")),
            rule("law-study-sessions", "(?:专题|集中|集体)?学习(?:活动)?").trail(STUDIED).context(LAW).clauseVeto(AT_LARGE)
                    .veto("培训|讲座|讲堂|课|参加|参训|宣传").units(Set.of("次", "场次", "场", "期")),
            rule("publicity-events", "(?:法治|普法)?宣传(?:教育)?(?:活动|讲座)?|宣讲(?:活动)?|普法(?:宣传|宣讲)?(?:活动)?|"
                    + "(?:送法|法律|宣传|普法)[进下入]\\p{IsHan}{1,3}?(?:活动|讲座)?|法律[七八六五]进|普法讲座")
                    .context(LAW)
                    .veto("资料|视频|读本|手册|受众|宣誓|展板|横幅|标语|短信|文章|信息|专栏|作品|覆盖|宣传周|宣传月|"
                            + INVITED_SPEAKERS)
                    .units(Set.of("场次", "场", "次", "期")),
            // 举办宪法宣传周、民法典宣传月等各类活动7000余场: activities are publicity events where their item says so.
            rule("publicity-events", "(?:各类|系列|主题|专题)?活动").action("宣传|普法|宣讲|送法|法律[进下入]")
                    .context(LAW).veto("资料|视频|读本|手册|受众|宣誓|覆盖|" + INVITED_SPEAKERS)
                    .units(Set.of("场次", "场", "次", "期")),
            // 普法宣传活动、法律咨询40多场次: consultations counted as events are publicity events.
            rule("publicity-events", "法律咨询(?:活动)?").units(Set.of("场次", "场")),
            // Emergencies.
            rule("emergency-plans", "(?:专项|部门|总体)?应急预案|专项预案").veto("演练|评审|培训")
                    .units(Set.of("个", "件", "部", "项", "份")),
            rule("emergency-drills", "应急\\p{IsHan}{0,4}?演练|演练|应急演习")
                    .context("应急|消防|防汛|救援|地震|安全").veto("观摩|培训|法庭").units(Set.of("次", "场", "场次")),
            rule("emergencies-handled", "突发事件").action("处置|应对|处理").veto("预案|演练|信息")
                    .units(Set.of("起", "件")));

    /** The codes this classifier can give, for checking them against the vocabulary. */
    static Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        RULES.forEach(r -> codes.add(r.code()));
        return codes;
    }

    /**
     * The indicator of the fact whose number (with any prefix such as 约) starts at {@code start} and
     * whose measure word ends at {@code unitEnd}, or null.
     */
    public String classify(String text, Span clause, int start, int unitEnd, String unit) {
        int sentenceStart = clause.start(), sentenceEnd = clause.end();
        while (sentenceStart > 0 && "。!?！？\n".indexOf(text.charAt(sentenceStart - 1)) < 0) sentenceStart--;
        while (sentenceEnd < text.length() && "。!?！？\n".indexOf(text.charAt(sentenceEnd)) < 0) sentenceEnd++;
        // What a rule's context must be found in: the part of the sentence between semicolons, which
        // reports use to set apart matters that have nothing to do with each other.
        int segmentStart = clause.start(), segmentEnd = clause.end();
        while (segmentStart > sentenceStart && "；;".indexOf(text.charAt(segmentStart - 1)) < 0) segmentStart--;
        while (segmentEnd < sentenceEnd && "；;".indexOf(text.charAt(segmentEnd)) < 0) segmentEnd++;
        String segment = unmark(text.substring(segmentStart, segmentEnd));
        // The list item the number stands in: 办理人大建议43件、政协提案112件 has two.
        int itemStart = start, itemEnd = unitEnd;
        // A 、 inside quotation marks (“双随机、一公开”) or brackets (法治讲座(培训、报告会)) does not end an item.
        int quoted = 0;
        while (itemStart > clause.start() && (quoted > 0 || text.charAt(itemStart - 1) != '、')) {
            char c = text.charAt(itemStart - 1);
            if (c == '”' || c == ')') quoted++;
            else if ((c == '“' || c == '(') && quoted > 0) quoted--;
            itemStart--;
        }
        // 和, 及, 与 join items; 涉及 (concerning) is no conjunction.
        while (itemEnd < clause.end() && ("、和及与".indexOf(text.charAt(itemEnd)) < 0
                || text.charAt(itemEnd) == '及' && "涉普波危顾触".indexOf(text.charAt(itemEnd - 1)) >= 0)) itemEnd++;
        String head = unmark(text.substring(itemStart, start));
        // 每年至少举办法治专题讲座2次: a number per year, quarter or month is a rate or a rule, not the count of the year.
        if (PER_PERIOD.matcher(head).find()) return null;
        String after = text.substring(unitEnd, itemEnd);
        String item = head + "#" + unmark(after);
        // 办理法律援助案件455件、公证事项487件: a verb at the head of the clause acts on every item
        // of its list that brings no verb of its own.
        String shared = "";
        if (itemStart > clause.start() && !VERB_FIRST.matcher(head).find()) {
            // Only the verb itself, near the head of the clause: the other items' nouns say nothing of this one.
            Matcher v = LEADING_VERB.matcher(text.substring(clause.start(), Math.min(itemStart, clause.start() + 10)));
            if (v.find()) shared = v.group(1);
        }
        String wholeClause = unmark(text.substring(clause.start(), clause.end()));
        String rest = text.substring(unitEnd, clause.end());
        // The clause before, in the same part of the sentence: 专题培训10场次，受众近1000人次.
        int previousEnd = clause.start() - 1, previousStart = previousEnd;
        while (previousStart > segmentStart && CLAUSE_BREAKS.indexOf(text.charAt(previousStart - 1)) < 0) previousStart--;
        String previous = previousEnd > segmentStart ? unmark(text.substring(previousStart, previousEnd)) : "";

        // The subject named by the number itself: the end of its item, else right after the measure word.
        Matchers matchers = MATCHERS.get();
        List<List<Rule>> named = subjectRules(matchers, head, after, rest);
        boolean mustSayAction = false;
        String vetoed = item;
        if (named.isEmpty() && BARE.matcher(head).matches() && bareAfter(after)) {
            Inheritance inherited = inherited(matchers, text, itemStart, sentenceStart);
            named = inherited.groups();
            mustSayAction = inherited.mustSayAction();
            // Where the clause named its subject without counting it, its words say what the number counts,
            // near misses too: 办理人大代表建议和政协提案，共计150件. (A clause that counted its subject had
            // its own number: 排查矛盾纠纷845件，化解769件.)
            if (!mustSayAction) vetoed = item + "#" + inherited.source();
        }
        Context context = new Context(vetoed, shared, wholeClause, segment, previous);
        for (boolean fallback : new boolean[] {false, true}) {
            for (List<Rule> group : named) {
                String code = null;
                for (Rule r : group) {
                    if (r.fallback() != fallback) continue;
                    // A subject taken from a clause that counted it already needs its action said again: 结案45件.
                    if (mustSayAction && r.action() == null && !r.passOn().matcher(item).find()) continue;
                    // The action must be said besides the subject: 诉前调解案件 names no mediation done.
                    if (!fits(r, unit, withoutSubject(matchers, r, head, after), context)) continue;
                    if (code != null && !code.equals(r.code())) return null; // two readings: say nothing
                    code = r.code();
                }
                if (code != null) return code;
            }
        }
        return null;
    }

    /**
     * The rules whose subject is what the number counts, in groups: first the subject nearest the
     * number and shortest (审查行政规范性文件4份 counts 规范性文件), then the longer readings of the same
     * words (依申请公开政府信息59件 is a request, not 政府信息). Rules sharing a subject (the
     * reconsideration ones) fall in one group. Empty when the number names no subject.
     */
    private static List<List<Rule>> subjectRules(Matchers matchers, String head, String after, String rest) {
        // Before the number: only matches that end as near it as the nearest one count.
        int bestGap = Integer.MAX_VALUE;
        TreeMap<Integer, List<Rule>> byStart = new TreeMap<>(Comparator.reverseOrder());
        for (Rule r : RULES) {
            Matcher m = r.headMatch(matchers, head);
            if (m == null) continue;
            int gap = head.length() - m.end("s");
            if (gap > bestGap) continue;
            if (gap < bestGap) {
                byStart.clear();
                bestGap = gap;
            }
            byStart.computeIfAbsent(m.start("s"), k -> new ArrayList<>()).add(r);
        }
        if (!byStart.isEmpty()) return new ArrayList<>(byStart.values());
        List<Rule> found = new ArrayList<>();
        for (Rule r : RULES) {
            if (r.afterMatch(matchers, r.subject() == null ? rest : after) != null) found.add(r);
        }
        return found.isEmpty() ? List.of() : List.of(found);
    }

    /** The rules a number takes from a clause before, and whether its own item must say their action. */
    private record Inheritance(List<List<Rule>> groups, boolean mustSayAction, String source) {}

    private static final Inheritance NONE = new Inheritance(List.of(), false, "");

    /**
     * The subject of the clauses before: 共收到行政复议案件52件，依法受理32件，办结30件 — the 32 and the 30
     * are reconsideration cases. Clauses that name no subject of their own are passed over; a clause
     * with another noun before its number ends the search. A clause that counted its subject already
     * passes it on only to a number whose item says what was done with it (the action, or the words
     * a subject may be followed by: 行政应诉案件收案50件，结案45件); one that named its subject without
     * counting it passes it on to the count that follows (组织开展主题宣传活动，共计42次).
     */
    private static Inheritance inherited(Matchers matchers, String text, int itemStart, int sentenceStart) {
        int end = itemStart - 1;
        // 共收到行政复议案件52件。其中，依法受理32件: a sentence opening with 其中 (of which) goes on
        // counting what the sentence before counted.
        if (text.startsWith("其中", sentenceStart) && sentenceStart > 0 && text.charAt(sentenceStart - 1) == '。') {
            int previous = sentenceStart - 1;
            while (previous > 0 && "。!?！？\n".indexOf(text.charAt(previous - 1)) < 0) previous--;
            sentenceStart = previous;
        }
        while (end > sentenceStart) {
            int s = end;
            while (s > sentenceStart && "，,；;、".indexOf(text.charAt(s - 1)) < 0) s--;
            String previous = text.substring(s, end);
            // The last number of the clause is the one whose subject runs on (10个调解组织共受理案件1.375万件).
            Matcher n = NUMBER.matcher(previous);
            int numberStart = -1, numberEnd = -1;
            while (n.find()) {
                numberStart = n.start();
                numberEnd = n.end();
            }
            String head = previous, after = "";
            if (numberStart >= 0) {
                head = previous.substring(0, numberStart);
                after = previous.substring(numberEnd).replaceFirst("^\\s*(?:千万|百万|万|亿)?[余多]?\\s*", "");
                for (String u : MetricRecognizer.UNITS) {
                    if (after.startsWith(u)) {
                        after = after.substring(u.length());
                        break;
                    }
                }
            }
            head = unmark(head.substring(head.lastIndexOf('、') + 1));
            List<List<Rule>> rules = subjectRules(matchers, head, after, after);
            if (!rules.isEmpty()) {
                boolean counted = numberStart >= 0;
                return new Inheritance(rules.stream()
                        .map(g -> g.stream().filter(r -> !r.fallback() && (!counted || r.passOn() != null)).toList())
                        .toList(), counted, head);
            }
            if (!BARE.matcher(head).matches() || !bareAfter(after)) return NONE;
            end = s - 1;
        }
        return NONE;
    }

    /**
     * The words around a number that rules look at: its list item, the verb its list shares, its clause,
     * its part of the sentence between semicolons and the clause before it.
     */
    private record Context(String item, String shared, String clause, String segment, String previous) {}

    private static boolean fits(Rule r, String unit, String acts, Context c) {
        return r.units().contains(unit)
                && (r.action() == null || r.action().matcher(acts).find() || r.action().matcher(c.shared()).find())
                && (r.veto() == null || !r.veto().matcher(c.item()).find())
                && (r.clauseVeto() == null || !r.clauseVeto().matcher(c.clause()).find())
                && (r.clauseContext() == null || r.clauseContext().matcher(c.clause()).find())
                && (r.context() == null || r.context().matcher(c.segment()).find())
                && (r.previous() == null || r.previous().matcher(c.previous()).find())
                && (r.previousVeto() == null || !r.previousVeto().matcher(c.previous()).find());
    }

    /** The number's item with the words of the rule's subject taken out, where the action is looked for. */
    private static String withoutSubject(Matchers matchers, Rule r, String head, String after) {
        if (r.head() != null) {
            Matcher m = r.headMatch(matchers, head);
            if (m != null) return head.substring(0, m.start("s")) + head.substring(m.end("s")) + "#" + unmark(after);
            m = r.afterMatch(matchers, after);
            if (m != null) return head + "#" + unmark(after.substring(0, m.start("s")) + after.substring(m.end("s")));
        }
        return head + "#" + unmark(after);
    }

    /** After a number that names no subject there is nothing, or a verb: 300项<b>实现</b>“全市通办”. */
    private static boolean bareAfter(String after) {
        return after.isBlank() || after.matches("^(?:实现|可|已|均|全部|通过|完成|办结|化解|调处)[\\s\\S]*");
    }

    private static String unmark(String s) {
        return MARKS.matcher(s).replaceAll("");
    }

    private static Builder rule(String code, String subject) {
        return new Builder(code, subject);
    }

    /** Builds a rule: the subject and its allowed trailing words make the patterns for before and after the number. */
    private static final class Builder {
        private final String code;
        private final String subject;
        private String action, veto, clauseVeto, context, clauseContext, previous, previousVeto, trail, after;
        private boolean fallback;

        Builder(String code, String subject) {
            this.code = code;
            this.subject = subject;
        }

        Builder action(String p) { action = p; return this; }
        Builder veto(String p) { veto = p; return this; }
        Builder clauseVeto(String p) { clauseVeto = p; return this; }
        Builder context(String p) { context = p; return this; }
        Builder clauseContext(String p) { clauseContext = p; return this; }
        Builder previous(String p) { previous = p; return this; }
        Builder previousVeto(String p) { previousVeto = p; return this; }
        Builder trail(String p) { trail = p; return this; }
        Builder after(String p) { after = p; return this; }
        Builder asFallback() { fallback = true; return this; }

        Rule units(Set<String> units) {
            Pattern head = null, afterPattern;
            SubjectChars chars = null;
            int index = ruleCount++;
            if (subject != null) {
                // The item's own action may follow its subject: 行政复议案件收案1731件.
                String between = FILLER + (action != null ? "|" + action : "") + (trail != null ? "|" + trail : "");
                head = Pattern.compile("(?<s>" + subject + ")(?:" + between + ")*$");
                chars = new SubjectChars(subject);
                afterPattern = Pattern.compile("^(?:" + MODIFIER + ")*[“‘]?(?<s>" + subject + ")");
            } else {
                afterPattern = Pattern.compile(after);
            }
            return new Rule(index, code, subject == null ? null : Pattern.compile(subject), head, afterPattern,
                    compile(action), compile(veto), compile(clauseVeto), compile(context), compile(clauseContext),
                    compile(previous), compile(previousVeto), compile(action != null ? action : trail), units, fallback,
                    chars);
        }

        private static Pattern compile(String p) {
            return p == null ? null : Pattern.compile(p);
        }
    }
}
