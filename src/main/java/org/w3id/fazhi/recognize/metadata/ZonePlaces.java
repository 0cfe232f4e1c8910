package org.w3id.fazhi.recognize.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a functional zone a report names lies: the gazetteer's zone when it lists one (the 2018
 * catalogue's, a national new area, a coded zone), else one placed under the city or province its
 * name or text gives. Zones are named by a word many cities share (高新区, 经开区, 园区) or by a name
 * of their own (长兴岛经济区, 五象新区); {@link RegionResolver} decides which is the report's own.
 */
final class ZonePlaces {

    /** Zone names that many cities share: only with their city do they name one place. */
    static final Set<String> GENERIC = Set.of("城区", "郊区", "矿区", "高新区", "经开区", "开发区", "新区", "新城",
            "高新技术产业开发区", "经济技术开发区", "经济开发区", "工业园区", "园区");

    static String shortName(Region city) {
        return city.label().replaceAll("(市|地区|盟|自治州)$", "");
    }

    private final RegionGazetteer gazetteer;

    ZonePlaces(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The longest zone word (高新区, 经济技术开发区 …) standing at an offset, or null. */
    static String zoneWordAt(String text, int offset) {
        String best = null;
        for (String word : GENERIC) {
            if (word.equals("城区") || word.equals("郊区") || word.equals("矿区")) continue;
            if (text.startsWith(word, offset) && (best == null || word.length() > best.length())) best = word;
        }
        return best;
    }

    Region zoneUnder(Region city, String generic) {
        if (!GENERIC.contains(generic)) return zoneNamed(city, generic, shortName(city) + generic);
        // The city's zone of that kind as people call it (珠海高新区, 汕尾市城区), or its district of
        // that name (佳木斯市郊区); a provincial zone of the kind elsewhere in the city is another one.
        List<String> usual = new ArrayList<>();
        for (String form : zoneForms(generic)) usual.add(shortName(city) + form);
        for (Region child : gazetteer.children(city)) {
            if (!child.current()) continue;
            if (child.label().equals(generic) || usual.contains(child.label())
                    || child.altLabels().stream().anyMatch(usual::contains)) return child;
        }
        return zone(city, generic);
    }

    /** The words a zone's name ends with, longest first where one ends another. */
    static final String ZONE_KINDS = "经济技术开发区|高新技术产业开发区|经济开发区|综合保税区|经济区|开发区|高新区|经开区|新区|新城|园区"
            + "|试验区|示范区|合作区|保税区";

    /**
     * A zone of its own name after a place (长兴岛经济区, 双龙航空港经济区): at most ten characters
     * before the zone's kind, none of them a clause's punctuation.
     */
    static final Pattern PROPER_ZONE = Pattern.compile(
            "(?<zone>[\\p{IsHan}]{1,10}?(?:" + ZONE_KINDS + "))"
            + "(?=关于|(?:19|20)\\d\\d|法治|依法|管委会|管理委员会|党工委|[(（]|$|坚持|在|以|深入|认真|全面|紧紧)");
    /** A zone of its own name with no place before it, opening a title: 五象新区2025年度…. */
    static final Pattern TITLE_ZONE = Pattern.compile("^(?:(?:19|20)\\d\\d年度?)?" + PROPER_ZONE.pattern());

    /** The opening's subject, when it is a zone (大连长兴岛经济区坚持…, 五象新区坚持…): as much as a title would give. */
    static String zoneSubject(String body) {
        int start = Issuer.openingSubject(body);
        if (start < 0) return null;
        Matcher zone = SUBJECT_ZONE.matcher(body).region(start, Math.min(body.length(), start + 24));
        return zone.lookingAt() ? zone.group() : null;
    }

    /** An opening's subject that is a zone: a place or none, then a zone of its own name. */
    private static final Pattern SUBJECT_ZONE = Pattern.compile("[\\p{IsHan}]{0,8}?" + PROPER_ZONE.pattern());


    /**
     * A zone of its own name (长兴岛经济区) under its city: the gazetteer's when it lists one by that
     * name there, else one placed under the city, its key made from its name.
     */
    Region zoneNamed(Region city, String zone, String written) {
        for (Region child : gazetteer.children(city)) {
            if (child.label().equals(zone) || child.altLabels().contains(zone) || child.altLabels().contains(written)) return child;
        }
        String level = zone.endsWith("新区") || zone.endsWith("新城") ? "new-area" : "development-zone";
        String base = city.iri().replaceAll("-.*$", "");
        String key = Integer.toHexString(zone.hashCode());
        return new Region(base + "-zone-" + key, zone, city.fullName() + zone, null, level, city.iri(), city.province(),
                List.of(written));
    }

    /** A new area set above its cities, in parts each city runs (天府新区, 贵安新区): its parent is a province. */
    boolean spansCities(Region r) {
        Region parent = gazetteer.parent(r);
        return r.level().equals("new-area") && parent != null && parent.level().equals("province");
    }

    /** A zone the gazetteer does not list, placed under its city (many 高新区 have no code). */
    static Region zone(Region city, String generic) {
        String slug = switch (generic) {
            case "高新区", "高新技术产业开发区" -> "gaoxinqu";
            case "经开区", "经济技术开发区" -> "jingkaiqu";
            case "经济开发区" -> "jingjikaifaqu";
            case "开发区" -> "kaifaqu";
            case "新区" -> "xinqu";
            case "新城" -> "xincheng";
            case "工业园区", "园区" -> "gongyeyuanqu";
            default -> "zone";
        };
        String level = generic.equals("新区") || generic.equals("新城") ? "new-area" : "development-zone";
        String base = city.iri().replaceAll("-.*$", "");
        return new Region(base + "-" + slug, shortName(city) + generic, city.fullName() + generic, null, level,
                city.iri(), city.province(), List.of(generic));
    }



    /** A zone word's short and long forms: 高新区 and 高新技术产业开发区, 经开区 and 经济技术开发区, 园区 and 工业园区. */
    private static List<String> zoneForms(String generic) {
        return switch (generic) {
            case "高新区", "高新技术产业开发区" -> List.of("高新区", "高新技术产业开发区");
            case "经开区", "经济技术开发区" -> List.of("经开区", "经济技术开发区");
            case "园区", "工业园区" -> List.of("园区", "工业园区");
            default -> List.of(generic);
        };
    }

    /** Whether a zone's own name (珠海高新区) is of the kind a zone word (高新区) says, short or long. */
    static boolean sameZoneKind(String label, String generic) {
        if (GENERIC.contains(label)) return false;
        String synonym = switch (generic) {
            case "高新区" -> "高新技术产业开发区";
            case "高新技术产业开发区" -> "高新区";
            case "经开区" -> "经济技术开发区";
            case "经济技术开发区" -> "经开区";
            default -> generic;
        };
        return label.endsWith(generic) || label.endsWith(synonym);
    }
}
