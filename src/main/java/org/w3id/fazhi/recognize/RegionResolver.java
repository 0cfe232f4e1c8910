package org.w3id.fazhi.recognize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the area a report covers: from the title, or, for pages without one, from how the body
 * speaks of itself (我县, 全区 …) and which places it names, resolved in the gazetteer.
 */
final class RegionResolver {

    /** Zone names that many cities share: only with their city do they name one place. */
    static final Set<String> GENERIC = Set.of("城区", "郊区", "矿区", "高新区", "经开区", "开发区", "新区", "新城",
            "高新技术产业开发区", "经济技术开发区", "经济开发区", "工业园区");
    private static final Pattern SELF_PROVINCE = Pattern.compile("我省|全省|省委|省政府");
    private static final Pattern SELF_CITY = Pattern.compile("我市|全市|市委|市政府");
    private static final Pattern SELF_COUNTY = Pattern.compile("我县|全县|县委|县政府|县司法局");
    /** How a body speaks of itself plainly (我县, 全区), as against its organs (县委, 区政府). */
    private static final Pattern SELF_WORD = Pattern.compile("[我全本].");
    private static final Pattern SELF_DISTRICT = Pattern.compile("我区|全区|区委|区政府|区司法局|管委会|党工委");

    private final RegionGazetteer gazetteer;

    RegionResolver(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A region with the name the report gives it. */
    record Place(Region region, String name) {}

    /** The area a report with this title (or null) and body covers, or null. */
    Place resolve(String title, String body) {
        List<LabelIndex.Hit<Region>> bodyHits = gazetteer.mentions(body);
        if (title != null) {
            String t = TextView.normalize(title);
            Place p = fromName(t, bodyHits, body);
            if (p != null) return p;
        }
        return fromBody(body, bodyHits);
    }

    /** The first region a name (a title) gives, narrowed by the names that follow it (汕尾市 + 城区). */
    private Place fromName(String text, List<LabelIndex.Hit<Region>> context, String body) {
        List<LabelIndex.Hit<Region>> hits = gazetteer.mentions(text);
        if (hits.isEmpty()) return null;
        LabelIndex.Hit<Region> head = hits.get(0);
        List<Region> current = head.values();
        String prefix = null;
        String surface = head.label();
        int end = head.end();
        for (int i = 1; i < hits.size() && hits.get(i).start() == end; i++) {
            LabelIndex.Hit<Region> next = hits.get(i);
            List<Region> narrowed = new ArrayList<>();
            for (Region r : next.values()) {
                for (Region c : current) if (gazetteer.within(r, c) && !r.equals(c)) narrowed.add(r);
            }
            if (narrowed.isEmpty() && GENERIC.contains(next.label()) && current.size() == 1) {
                narrowed.add(zone(current.get(0), next.label()));
            }
            if (narrowed.isEmpty()) break;
            prefix = surface;
            surface = next.label();
            current = narrowed;
            end = next.end();
        }
        String zoneWord = zoneWordAt(text, end);
        if (zoneWord != null && !GENERIC.contains(surface)) {
            // 长沙经济技术开发区: a city's name, then a zone word the gazetteer has no entry for.
            List<Region> cities = current.stream()
                    .filter(r -> r.level().equals("prefecture") || r.level().equals("province")).toList();
            Region city = disambiguate(cities.isEmpty() ? current : cities, context);
            return new Place(zoneUnder(city, zoneWord), surface + zoneWord);
        }
        if (GENERIC.contains(surface) && prefix == null) {
            // 高新区2023年…: the page names its city elsewhere (襄阳高新区, 《珠海市…》).
            Place qualified = qualifyZone(surface, context, body);
            if (qualified != null) return qualified;
        }
        Region region = disambiguate(current, context);
        String name;
        if (prefix != null && (GENERIC.contains(surface) || !endsWithLevel(prefix))) {
            name = prefix + surface;
        } else {
            name = asWritten(surface, region, text, end);
        }
        return new Place(region, name);
    }

    /** The longest zone word (高新区, 经济技术开发区 …) standing at an offset, or null. */
    private static String zoneWordAt(String text, int offset) {
        String best = null;
        for (String word : GENERIC) {
            if (word.equals("城区") || word.equals("郊区") || word.equals("矿区")) continue;
            if (text.startsWith(word, offset) && (best == null || word.length() > best.length())) best = word;
        }
        return best;
    }

    private Place qualifyZone(String generic, List<LabelIndex.Hit<Region>> hits, String body) {
        // A city named right before the zone word wins; else the city the body names most.
        for (LabelIndex.Hit<Region> h : hits) {
            if (body.startsWith(generic, h.end())) {
                for (Region city : h.values()) {
                    if (city.level().equals("prefecture") || city.level().equals("province")) {
                        return new Place(zoneUnder(city, generic), h.label() + generic);
                    }
                }
            }
            for (Region r : h.values()) {
                if (GENERIC.contains(generic) && r.altLabels().contains(h.label()) && h.label().endsWith(generic)
                        && h.label().length() > generic.length() && !h.label().equals(generic)) {
                    return new Place(r, h.label());
                }
            }
        }
        Region city = mostNamed(hits, Set.of("prefecture"));
        return city == null ? null : new Place(zoneUnder(city, generic), shortName(city) + generic);
    }

    private Region zoneUnder(Region city, String generic) {
        for (Region child : gazetteer.children(city)) {
            if (child.altLabels().contains(generic) || child.label().endsWith(generic)) return child;
        }
        return zone(city, generic);
    }

    /** A zone the gazetteer does not list, placed under its city (many 高新区 have no code). */
    private static Region zone(Region city, String generic) {
        String slug = switch (generic) {
            case "高新区", "高新技术产业开发区" -> "gaoxinqu";
            case "经开区", "经济技术开发区" -> "jingkaiqu";
            case "经济开发区" -> "jingjikaifaqu";
            case "开发区" -> "kaifaqu";
            case "新区" -> "xinqu";
            case "新城" -> "xincheng";
            case "工业园区" -> "gongyeyuanqu";
            default -> "zone";
        };
        String level = generic.equals("新区") || generic.equals("新城") ? "new-area" : "development-zone";
        String base = city.iri().replaceAll("-.*$", "");
        return new Region(base + "-" + slug, shortName(city) + generic, city.fullName() + generic, null, level,
                city.iri(), city.province(), List.of(generic));
    }

    private Place fromBody(String body, List<LabelIndex.Hit<Region>> hits) {
        Set<String> levels = selfLevels(body);
        boolean[] named = MetricRecognizer.namedSpans(body);
        // Each name of the body's own level scores by how often and how plainly the body uses it:
        // a name with its level word (蒙城县, or 兴仁 followed by 县) counts more than a bare short one
        // (蒙城), which ordinary words can mimic (和政 in 和政府); a name in a cited title counts half.
        java.util.Map<List<Region>, Double> score = new java.util.LinkedHashMap<>();
        java.util.Map<List<Region>, LabelIndex.Hit<Region>> firstHit = new java.util.HashMap<>();
        for (LabelIndex.Hit<Region> h : hits) {
            List<Region> regions = h.values().stream().filter(r -> levels.contains(r.level())).toList();
            if (regions.isEmpty()) continue;
            boolean levelWritten = endsWithLevel(h.label())
                    || (h.end() < body.length() && "县市区旗州".indexOf(body.charAt(h.end())) >= 0);
            // One-character names (和县) hide in ordinary words (政府和县委): they count least.
            double plain = h.label().length() <= 2 && endsWithLevel(h.label()) ? 0.25 : levelWritten ? 1.0 : 0.5;
            double weight = plain * (named[h.start()] ? 0.5 : 1.0);
            score.merge(regions, weight, Double::sum);
            firstHit.putIfAbsent(regions, h);
        }
        if (score.isEmpty()) return null;
        List<Region> best = null;
        for (var e : score.entrySet()) {
            if (best == null || e.getValue() > score.get(best)) best = e.getKey();
        }
        Region region = disambiguate(best, hits);
        LabelIndex.Hit<Region> h = firstHit.get(best);
        return new Place(region, asWritten(h.label(), region, body, h.end()));
    }

    /** The levels a body speaks of itself at: 我县 → county, 全区 → district or zone … */
    private static Set<String> selfLevels(String body) {
        record Self(Set<String> levels, Pattern pattern) {}
        // 我区/全区 speak of the reporting area itself; 区委/区政府 may be it or, as 市委, its superior.
        List<Self> self = List.of(
                new Self(Set.of("province"), SELF_PROVINCE),
                new Self(Set.of("prefecture", "province"), SELF_CITY),
                new Self(Set.of("county"), SELF_COUNTY),
                new Self(Set.of("district", "new-area", "development-zone"), SELF_DISTRICT));
        Set<String> best = Set.of("county", "district", "prefecture", "province", "new-area", "development-zone");
        double bestScore = 0;
        for (Self s : self) {
            double score = 0;
            Matcher m = s.pattern().matcher(body);
            while (m.find()) score += SELF_WORD.matcher(m.group()).matches() ? 1.0 : 0.25;
            if (score > bestScore) {
                best = s.levels();
                bestScore = score;
            }
        }
        return best;
    }

    /** Among regions of one name (通州区), the one whose city or province the text names most. */
    private Region disambiguate(List<Region> regions, List<LabelIndex.Hit<Region>> context) {
        if (regions.size() == 1) return regions.get(0);
        Region best = regions.get(0);
        long bestScore = -1;
        for (Region r : regions) {
            long score = 0;
            for (Region a = gazetteer.parent(r); a != null; a = gazetteer.parent(a)) {
                Region ancestor = a;
                score += context.stream().filter(h -> h.values().contains(ancestor)).count();
            }
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        return best;
    }

    private static Region mostNamed(List<LabelIndex.Hit<Region>> hits, Set<String> levels) {
        Region best = null;
        long bestCount = 0;
        for (LabelIndex.Hit<Region> h : hits) {
            for (Region r : h.values()) {
                if (!levels.contains(r.level())) continue;
                long count = hits.stream().filter(o -> o.values().contains(r)).count();
                if (count > bestCount) {
                    best = r;
                    bestCount = count;
                }
            }
        }
        return best;
    }

    /**
     * The name as the report writes it: a full name as it stands (梁平区, 大连金普新区); a short
     * name followed by its level word as written (兴仁 + 县, an old name); else the region's label.
     */
    private static String asWritten(String surface, Region region, String text, int end) {
        if (endsWithLevel(surface) || surface.endsWith("新城")) return surface;
        if (end < text.length() && "县市区旗州".indexOf(text.charAt(end)) >= 0) return surface + text.charAt(end);
        return region.label();
    }

    private static boolean endsWithLevel(String name) {
        return !name.isEmpty() && "省市县区州盟旗".indexOf(name.charAt(name.length() - 1)) >= 0;
    }

    private static String shortName(Region city) {
        return city.label().replaceAll("(市|地区|盟|自治州)$", "");
    }
}
