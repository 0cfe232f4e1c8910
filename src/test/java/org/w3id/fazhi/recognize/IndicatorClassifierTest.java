package org.w3id.fazhi.recognize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IndicatorClassifierTest {

    private final MetricRecognizer recognizer = new MetricRecognizer(new IndicatorClassifier());

    private List<String> indicators(String text) {
        return recognizer.recognize(TextView.of(text), List.of()).stream().map(MetricMention::indicator).toList();
    }

    @Test
    void theActionInTheClauseDecidesAmongReconsiderationIndicators() {
        assertEquals(java.util.Arrays.asList("reconsideration-received", "reconsideration-accepted",
                        "reconsideration-concluded", null),
                indicators("共收到行政复议案件52件,依法受理32件,办结30件,受理前经和解调解后撤回20件。"));
    }

    @Test
    void clausesAfterASemicolonShareTheSubject() {
        assertEquals(java.util.Arrays.asList("reconsideration-received", null, "reconsideration-accepted",
                        "reconsideration-concluded"),
                indicators("全市共收到行政复议申请1256件，同比下降3.5%；受理1102件，审结986件。"));
    }

    @Test
    void aCountedSubjectPassesOnOnlyWhereTheActionIsSaidAgain() {
        assertEquals(java.util.Arrays.asList("admin-litigation-cases", null, "admin-litigation-cases"),
                indicators("行政应诉案件收案50件，同比下降10件，结案45件。"));
        // A clause that names its subject without counting it passes it to the count that follows.
        assertEquals(List.of("publicity-events"), indicators("深入开展民法典宣传活动，全年共计58场。"));
        assertEquals(java.util.Arrays.asList((String) null), indicators("深入开展民法典宣传活动，发放资料58份。"));
        assertEquals(List.of("npc-suggestions"), indicators("认真办理人大代表建议，共计150件。"));
        // and the near misses of that clause hold: suggestions and proposals together are neither.
        assertEquals(java.util.Arrays.asList((String) null), indicators("认真办理人大代表建议和政协提案，共计150件。"));
        // A clause that counted its own subject keeps its near misses to itself: screened, then resolved.
        assertEquals(java.util.Arrays.asList(null, "disputes-resolved"), indicators("全镇排查矛盾纠纷300件，化解280件。"));
    }

    @Test
    void theSubjectNearestTheNumberWins() {
        assertEquals(List.of("legality-reviews", "normative-docs"),
                indicators("审查政府及部门各类文件136件,其中规范性文件15件。"));
        assertEquals(List.of("npc-suggestions", "cppcc-proposals"), indicators("办理人大建议43件、政协提案112件。"));
        assertEquals(List.of("admin-litigation-cases"), indicators("收到行政应诉案件3件。"));
    }

    @Test
    void aBroadSubjectOnlyWhenNoNarrowerOneApplies() {
        assertEquals(List.of("enforcement-cases"), indicators("查处食品违法案件11起。"));
        assertEquals(List.of("legal-aid-cases"), indicators("受理法律援助案件734件。"));
    }

    @Test
    void unitsMustFit() {
        assertEquals(List.of("law-training-sessions", "law-training-attendees"),
                indicators("累计组织执法人员培训5场次,培训400多人次。"));
        // Training in the officers' trade (业务) is not training in law, nor are those who attended it.
        assertEquals(java.util.Arrays.asList(null, null), indicators("累计组织执法业务培训5场次,培训400多人次。"));
        // Training in what? Without a word of law in the sentence, no rule-of-law indicator.
        assertEquals(java.util.Arrays.asList(null, null), indicators("累计组织培训5场次,培训400多人次。"));
        assertNull(indicators("行政复议咨询500余件次。").get(0));
    }
}
