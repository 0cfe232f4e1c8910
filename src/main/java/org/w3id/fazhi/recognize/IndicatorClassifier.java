package org.w3id.fazhi.recognize;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says which comparable indicator (the codes of {@code indicators.ttl}) a fact measures.
 *
 * <p>A fact belongs to an indicator when three things agree: the subject it counts (行政复议,
 * 法律援助案件, 规范性文件 …), named nearest before the number in its sentence or right after the
 * measure word; the action in its own clause (收到, 受理, 办结); and its unit. The subject nearest
 * the number wins, so in 审查文件136件，其中规范性文件15件 the 15 are normative documents.
 */
public final class IndicatorClassifier {

    /** One indicator's rule: the subject words, the action its clause needs (or null), and units. */
    private record Rule(String code, Pattern subject, Pattern action, Pattern veto, Set<String> units,
                        boolean fallback) {}

    private static final Set<String> CASES = Set.of("件", "宗", "起", "个");
    private static final Set<String> EVENTS = Set.of("场次", "场", "次", "期", "个");

    private static final List<Rule> RULES = List.of(
            rule("reconsideration-received", "行政复议", "收到|收案|新收|接收|收件", "咨询", CASES),
            rule("reconsideration-concluded", "行政复议", "办结|审结|结案|作出.{0,4}决定", "咨询", CASES),
            rule("reconsideration-accepted", "行政复议", "受理|立案", "不予受理|受理前|咨询", CASES),
            rule("admin-litigation-cases", "行政应诉|行政诉讼|应诉案件|被告", null, null, CASES),
            rule("npc-suggestions", "人大代表建议|人大建议|代表建议|人大代表议案", null, null, Set.of("件", "条", "个")),
            rule("cppcc-proposals", "政协提案|政协委员提案|委员提案|政协委员提出的提案", null, null, Set.of("件", "条", "个")),
            rule("mediation-success-rate", "调解成功率|调处成功率|化解成功率|化解率|调解率", null, null, Set.of("%")),
            rule("disputes-resolved", "矛盾纠纷|纠纷|调解组织|调解案件|调解", "成功|化解", "排查", Set.of("件", "宗", "起")),
            rule("disputes-mediated", "矛盾纠纷|纠纷|调解组织|调解案件", "受理|调处|调解|排查|处理", "成功|发现|化解", Set.of("件", "宗", "起")),
            rule("legal-aid-cases", "法律援助", "案件|受理|办理|承办", null, Set.of("件", "宗")),
            rule("legal-consultations", "法律咨询|咨询", null, "复议咨询|诉讼咨询", Set.of("人次", "次", "件次")),
            rule("info-published", "政府信息|政务信息", "公开|发布", "依申请", Set.of("条", "件")),
            rule("info-requests", "依申请公开|政府信息公开申请|信息公开申请", null, null, Set.of("件", "条")),
            rule("normative-docs", "规范性文件", null, null, Set.of("件", "份")),
            rule("legality-reviews", "合法性审查|合法性审核|审查意见|审核意见|涉法文件|审查.{0,12}(文件|合同|协议|文书|事项)|规范性审查|审查业务|审核.{0,10}(文件|合同|协议)",
                    null, null, Set.of("件", "份", "次", "个", "项")),
            rule("major-decisions", "重大行政决策|重大决策事项", null, "审查|审核", Set.of("件", "个", "项")),
            rule("legal-advisers", "法律顾问", null, "参加|列席|会议|审核|出具", Set.of("人", "名", "个")),
            rule("online-services", "网上可办|网上办理|全程网办|网上办|一网通办|掌上办", null, null, Set.of("项", "个", "件")),
            rule("government-services", "政务服务事项|公共服务事项|服务事项", null, "通办|延伸|可办|网办|就近|掌上|跨省|跨域|承诺", Set.of("项", "个")),
            rule("penalty-cases", "行政处罚案件|处罚案件", null, null, CASES),
            rule("enforcement-files-reviewed", "案卷", "评查|评审|检查", "推荐|优秀|优质", Set.of("卷", "宗", "件", "份")),
            fallback("enforcement-cases", "执法案件|违法案件|违法违规案件|侵权案件|办理案件|各类案件|查处.{0,8}案件|案件", null,
                    "法律援助|复议|诉讼|应诉|调解|公证|认罪认罚|信访|检察|代理|建议|提案", CASES),
            rule("enforcement-officers", "执法人员", null, "出动|参加|抽取|培训|考试", Set.of("名", "人")),
            rule("law-training-attendees", "培训|学法|轮训|讲座", null, null, Set.of("人次")),
            rule("law-training-sessions", "培训|讲座|专题学习|轮训|专题辅导", null, "中心组|宣传|普法", Set.of("场次", "场", "次", "期", "班", "个")),
            rule("publicity-events", "宣传|宣讲|普法|送法|法律进|法律咨询", null, "资料|短视频|视频|读本|手册|受众", EVENTS),
            rule("emergency-plans", "应急预案|预案", null, null, Set.of("个", "件", "部", "项")),
            rule("emergency-drills", "演练", null, null, Set.of("次", "场", "场次")),
            rule("emergencies-handled", "突发事件", null, null, Set.of("起", "件")),
            rule("promise-items", "告知承诺", "办理", "目录|证明事项(?!告知)", Set.of("件", "项")),
            rule("certificates-cut", "证明材料|证明事项|证照和材料", "取消|减少|替代|精简|压减|减免|免于", null, Set.of("个", "份", "项", "件")),
            rule("legal-service-sites", "公共法律服务(站|室|中心|工作站|点)|法律服务站|法律服务室|工作站|站室|法治超市", null, null, Set.of("个", "家", "所")),
            rule("law-understanding-persons", "法律明白人", null, "骨干|培训", Set.of("名", "人")),
            rule("fines", "罚没款|罚没|罚款|处罚金额", null, "免罚", Set.of("元")),
            rule("losses-recovered", "挽回经济损失|挽回损失|拖欠工资|追回|挽回", null, null, Set.of("元")));

    private static Rule rule(String code, String subject, String action, String veto, Set<String> units) {
        return new Rule(code, Pattern.compile(subject), action == null ? null : Pattern.compile(action),
                veto == null ? null : Pattern.compile(veto), units, false);
    }

    /** A rule for a broad subject (案件) that applies only when no narrower one does. */
    private static Rule fallback(String code, String subject, String action, String veto, Set<String> units) {
        Rule r = rule(code, subject, action, veto, units);
        return new Rule(r.code(), r.subject(), r.action(), r.veto(), r.units(), true);
    }

    /**
     * The indicator of the fact whose number starts at {@code start} and whose measure word ends at
     * {@code unitEnd}, or null.
     */
    public String classify(String text, Span clause, int start, int unitEnd, String unit) {
        int sentenceStart = clause.start();
        // The sentence runs to the full stop: clauses after a semicolon share their subject
        // (共收到行政复议申请1256件；受理1102件).
        while (sentenceStart > 0 && "。!?！？\n".indexOf(text.charAt(sentenceStart - 1)) < 0) sentenceStart--;
        // The item of a list the number stands in: 办理人大建议43件、政协提案112件 has two.
        int itemStart = start, itemEnd = unitEnd;
        while (itemStart > clause.start() && "、".indexOf(text.charAt(itemStart - 1)) < 0) itemStart--;
        while (itemEnd < clause.end() && "、和及".indexOf(text.charAt(itemEnd)) < 0
                && !Character.isDigit(text.charAt(itemEnd))) itemEnd++;
        String before = text.substring(sentenceStart, start);
        String after = text.substring(unitEnd, itemEnd);
        String item = text.substring(itemStart, itemEnd);
        for (boolean fallback : new boolean[] {false, true}) {
            Rule best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Rule r : RULES) {
                if (r.fallback() != fallback || !r.units().contains(unit)) continue;
                // The item is short and the sentence before the number long: the action and veto
                // turn a rule away for less than the search for its subject.
                if (r.action() != null && !r.action().matcher(item).find()) continue;
                if (r.veto() != null && r.veto().matcher(item).find()) continue;
                int distance = distance(r.subject(), before, after);
                if (distance < 0) continue;
                if (distance < bestDistance) {
                    best = r;
                    bestDistance = distance;
                }
            }
            if (best != null) return best.code();
        }
        return null;
    }

    /**
     * How far the subject stands from the number: 0 right after the measure word, else the number
     * of characters between the end of its last mention before the number and the number; -1 when
     * the sentence does not name it.
     */
    private static int distance(Pattern subject, String before, String after) {
        Matcher a = subject.matcher(after);
        if (a.find() && a.start() <= 2) return 0;
        Matcher b = subject.matcher(before);
        int lastEnd = -1;
        while (b.find()) lastEnd = b.end();
        if (lastEnd >= 0) return before.length() - lastEnd + 1;
        return a.find(0) ? 50 + a.start() : -1;
    }
}
