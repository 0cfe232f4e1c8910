package org.w3id.fazhi.recognize;

import org.w3id.fazhi.recognize.metadata.Region;
import org.w3id.fazhi.recognize.metadata.RegionGazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds named bodies (县司法局, 区委, 市中级人民法院, 南昌县人民政府) and ties each to its region:
 * a name that only says 县 or 区 belongs to the report's own region, 市 to its city, 省 to its
 * province, so that 县司法局 in 南昌县's report is 南昌县's and not 汕尾's.
 */
public final class AgencyRecognizer {

    private record Suffix(String pattern, AgencyKind kind) {}

    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix("中级人民法院|人民法院|人民法庭|法院", AgencyKind.COURT),
            new Suffix("人民检察院|检察院", AgencyKind.PROCURATORATE),
            new Suffix("人大常委会|人民代表大会常务委员会|人大", AgencyKind.CONGRESS),
            new Suffix("政协", AgencyKind.CPPCC),
            new Suffix("人民政府|政府办公室|政府办|政府|管委会|管理委员会", AgencyKind.GOVERNMENT),
            new Suffix("党工委|党委|党组|纪委监委|纪委|政法委|委员会办公室|依法治[省市县区]办|组织部|宣传部|委", AgencyKind.PARTY),
            new Suffix("司法局|司法厅|公安局|公安厅|财政局|市场监督管理局|市场监管局|生态环境局|自然资源局|自然资源和规划局|住建局|住房和城乡建设局"
                    + "|交通运输局|农业农村局|水利局|应急管理局|卫生健康局|卫健局|卫健委|教育局|教体局|文旅局|人社局|人力资源和社会保障局|民政局|税务局"
                    + "|审计局|统计局|城管局|城市管理局|综合行政执法局|行政审批局|行政审批服务局|数据资源局|大数据局|医保局|医疗保障局|退役军人事务局"
                    + "|商务局|发改局|发展和改革委员会|发改委|科技局|工信局|林业局|政务服务管理局|政务服务局|政务服务中心|信访局|综治局|营商环境局"
                    + "|司法行政机关|执法局|综合执法局|综合执法大队|执法大队", AgencyKind.DEPARTMENT),
            new Suffix("司法所|公共法律服务中心|法律援助中心|公证处|人民调解委员会|仲裁委员会", AgencyKind.OTHER));

    private static final Pattern AGENCY;
    /**
     * What every match of {@link #AGENCY} holds, at most 8 characters after its start: a level word
     * followed by a body (县司法局). Finding these first, with the other dictionaries in one pass over
     * the text ({@link DictionaryAutomaton}), is far cheaper than trying the lazy place at every
     * position, and gives the same matches (see {@link #recognize}).
     */
    private static final List<String> ANCHORS;
    private static final Pattern[] KINDS = new Pattern[SUFFIXES.size()];

    static {
        StringBuilder alt = new StringBuilder();
        for (Suffix s : SUFFIXES) alt.append(alt.length() == 0 ? "" : "|").append(s.pattern());
        // A place: a name ending in a level word, or the bare level word itself. The name takes no
        // level word and no function word, so 县司法局在市委 is two bodies, not one.
        AGENCY = Pattern.compile("(?<place>[\\p{IsHan}&&[^省市县区州旗镇乡在的和与及对向从由为等、]]{0,8}?(?:省|市|县|区|州|旗|镇|乡|街道))"
                + "(?<body>" + alt + ")");
        List<String> anchors = new ArrayList<>();
        for (String level : List.of("省", "市", "县", "区", "州", "旗", "镇", "乡", "街道")) {
            for (String body : alt.toString().split("\\|")) {
                if (body.contains("[省市县区]")) {
                    for (String l : List.of("省", "市", "县", "区")) anchors.add(level + body.replace("[省市县区]", l));
                } else {
                    anchors.add(level + body);
                }
            }
        }
        ANCHORS = List.copyOf(anchors);
        for (int i = 0; i < SUFFIXES.size(); i++) KINDS[i] = Pattern.compile(SUFFIXES.get(i).pattern());
    }

    /** For a recogniser used on its own: the anchors alone. */
    private static final DictionaryAutomaton ANCHORS_ONLY = DictionaryAutomaton.builder().agencyAnchors(ANCHORS).build();

    private final RegionGazetteer gazetteer;

    public AgencyRecognizer(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Every level word followed by a body an agency's name can end with (县司法局, 街道党工委), as the automaton takes them. */
    static List<String> anchorLabels() { return ANCHORS; }

    public List<AgencyMention> recognize(TextView view, Region own) {
        return recognize(view, own, ANCHORS_ONLY.scan(view.text()));
    }

    /** The agencies of a text whose dictionaries were read already ({@code found} holds the agency anchors). */
    List<AgencyMention> recognize(TextView view, Region own, DictionaryAutomaton.Matches found) {
        List<AgencyMention> out = new ArrayList<>();
        String t = view.text();
        Matcher m = AGENCY.matcher(t);
        int pos = 0;
        int anchor;
        // Equivalent to while (m.find()): a match starting at s >= pos holds an anchor at s..s+8, so
        // no match starts before (first anchor at or after pos) - 8, and one starts by that anchor.
        while (pos <= t.length() && (anchor = found.nextAgencyAnchor(pos)) >= 0) {
            if (!m.find(Math.max(pos, anchor - 8))) break;
            pos = m.end() > m.start() ? m.end() : m.end() + 1;
            String body = m.group("body");
            int bodyStart = m.start("body");
            // The place is the longest tail of the words before the body that names a region
            // (根据高台县人民政府 → 高台县); failing that, the bare level word (落实县委 → 县).
            int placeStart = bodyStart - 1;
            Region region = null;
            for (int i = m.start("place"); i < bodyStart - 1; i++) {
                Region r = named(t.substring(i, bodyStart), own);
                if (r != null) {
                    placeStart = i;
                    region = r;
                    break;
                }
            }
            String place = t.substring(placeStart, bodyStart);
            if (region == null) {
                if ("省市县区州镇乡".indexOf(place.charAt(0)) < 0) continue;
                region = ownLevel(place, own);
            }
            if (body.equals("委") && place.length() != 1) continue; // 市委 yes, 某某委 no
            out.add(new AgencyMention(view.quote(placeStart, m.end()), kindOf(body), region, new Span(placeStart, m.end())));
        }
        return out;
    }

    private static AgencyKind kindOf(String body) {
        for (int i = 0; i < KINDS.length; i++) if (KINDS[i].matcher(body).matches()) return SUFFIXES.get(i).kind();
        return AgencyKind.OTHER;
    }

    /** The own region, or the nearest region above it, that a bare level word means: 县司法局, 市委. */
    private Region ownLevel(String place, Region own) {
        for (Region r = own; r != null; r = gazetteer.parent(r)) {
            boolean fits = place.equals("省") ? r.level().equals("province") : r.label().endsWith(place);
            if (fits) return r;
        }
        return null;
    }

    /**
     * The region a place name names, the one related to the report's own region first. A
     * one-character name (和县) names it only when related: elsewhere it is an ordinary word.
     */
    private Region named(String place, Region own) {
        List<Region> named = gazetteer.named(place);
        if (named.isEmpty()) return null;
        for (Region r : named) {
            if (own != null && (gazetteer.within(own, r) || gazetteer.within(r, gazetteer.province(own)))) return r;
        }
        return place.length() <= 2 ? null : named.get(0);
    }
}
