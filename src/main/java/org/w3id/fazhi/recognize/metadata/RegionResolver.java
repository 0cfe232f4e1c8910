package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.LabelIndex;
import org.w3id.fazhi.recognize.MetricRecognizer;
import org.w3id.fazhi.recognize.TextView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the area a report covers, with how sure it is and why. The title decides when it names a
 * place the gazetteer knows; else the body does, by how it speaks of itself (我县, 全区 …), the places
 * it names in its opening, the publisher and its running text. A name that several regions share is
 * settled by the parents the text names; when nothing settles it, or a zone word (高新区) stands without
 * its city, the report gets no region and a warning naming the candidates: an honest unknown beats a
 * confident wrong answer.
 */
final class RegionResolver {

    /** Below this confidence the report gets no region. */
    static final double THRESHOLD = 0.5;
    /** Where a report names itself if it has no title: its first sentence, at most this long. */
    private static final int OPENING = 150;
    /**
     * Words that, right after a bare short name (和平, 延边), show the name stands for the government
     * or the area: 和平区人民政府 is written 和平人民政府 no more than 和平调解室 is a district.
     */
    private static final Pattern ORGAN_AFTER = Pattern.compile(
            "人民政府|政府|党委|党工委|管委会|管理委员会|行署|[县市区州盟旗]?委|司法局|人大|政协|地区|全[县市区州盟旗]|高新|经开|经济技术");
    /**
     * Characters that, right after a short name, make it a town, street, river or word of its own:
     * 城关镇, 长安街, 新华社, 共和国 are no counties.
     */
    /** Words before a place the report went to or learnt from (赴安吉县学习, 借鉴桐乡市经验), not its own. */
    private static final Pattern VISITED = Pattern.compile("(赴|到|往|借鉴|对标|学习|考察)$");
    /** How reports speak of themselves (全州, 本区); a place with such a name needs its level word. */
    private static final Pattern SELF_WORD = Pattern.compile("[我全本][省市县区州盟旗]");
    private static final String NOT_ADMIN_AFTER = "国社镇乡街村路山湖河江岛桥港站寺湾";

    private final RegionGazetteer gazetteer;
    private final ZonePlaces zones;

    RegionResolver(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.zones = new ZonePlaces(gazetteer);
    }

    /** A region with the name the report gives it. */
    record Place(Region region, String name) {}

    /**
     * What the resolver decided.
     *
     * @param place      the region, or null when none is sure enough
     * @param confidence how sure, 0..1 (the best candidate's, also when it was not sure enough)
     * @param evidence   what spoke for the best candidate
     * @param warning    for a report left without a region although places were in play, why; else null
     */
    record Resolution(Place place, double confidence, List<String> evidence, String warning) {
        Resolution {
            evidence = List.copyOf(evidence);
        }
    }

    /** A candidate: the place, how sure, why, and the other regions it could have been. */
    private record Candidate(Place place, double confidence, List<String> evidence, List<Region> rivals) {}

    /**
     * What a report says of its area.
     *
     * @param title     the report's title, or null
     * @param publisher the issuing body the page gives, or null
     * @param signers   the bodies its signature names (南昌县人民政府), strongest of the body's clues
     * @param issuer    who issued it, when the title or the opening names a body (长治市人力资源和社会保障局); or null
     * @param body      the report's text
     * @param places    the place names of the body ({@link RegionGazetteer#placeMentions})
     * @param year      the year covered, or null
     */
    record Clues(String title, String publisher, List<String> signers, Issuer issuer, String body,
                 List<LabelIndex.Hit<Region>> places, Integer year) {
        Clues {
            signers = signers == null ? List.of() : List.copyOf(signers);
        }
    }

    /**
     * The area a report covers.
     *
     * @param title     the report's title, or null
     * @param publisher the issuing body the page gives, or null
     * @param body      the report's text
     */
    Resolution resolve(String title, String publisher, String body) {
        return resolve(new Clues(title, publisher, List.of(), null, body, gazetteer.placeMentions(body), null));
    }

    /** The area a report covers, from everything it says of itself. */
    Resolution resolve(Clues given) {
        // Each name stands for the regions that had it in the report's year: 兴仁县 of a 2016 report
        // is the county that became 兴仁市 in 2018, 托克逊县 of 2024 not the one of 吐鲁番地区.
        Clues clues = new Clues(given.title(), given.publisher(), given.signers(), given.issuer(), given.body(),
                inYear(given.places(), given.year()), given.year());
        String body = clues.body();
        List<LabelIndex.Hit<Region>> bodyHits = standing(body, clues.places());
        Map<Region, Integer> towns = gazetteer.townshipsNamed(body);
        SelfReference self = SelfReference.of(body);
        Candidate c = null;
        if (clues.title() != null) c = fromTitle(TextView.normalize(clues.title()), bodyHits, clues.places(), body, self, "title", clues.year(), towns);
        if (c == null) {
            // 2019年,在市委市政府的领导下,大连长兴岛经济区坚持…: an opening whose subject is a zone names
            // it as a title would.
            String subject = ZonePlaces.zoneSubject(body);
            if (subject != null) c = fromTitle(subject, bodyHits, clues.places(), body, self, "subject", clues.year(), towns);
        }
        if (c == null) c = fromBody(clues, bodyHits, self, true, towns);
        // A body that speaks of itself in words no name it gives fits (全市 in a district's report
        // of a municipality) has still named its area: the names are weighed without that test.
        if (c == null) c = fromBody(clues, bodyHits, self, false, towns);
        if (c == null) return new Resolution(null, 0, List.of(), null);
        if (c.confidence() < THRESHOLD) {
            return new Resolution(null, c.confidence(), c.evidence(), warning(c));
        }
        return new Resolution(qualified(c.place()), c.confidence(), c.evidence(), null);
    }

    /**
     * A district whose name only says where it lies in its city (新城区, 城中区, 城关区, 河东区, 市中区)
     * and that several cities have is named with its city (西安市新城区), as pages name it; a proper
     * name (西湖区, 朝阳区) stands alone, though other cities have one too.
     */
    private Place qualified(Place p) {
        Region r = p.region();
        String label = r.label();
        if (!p.name().equals(label) || !DESCRIPTIVE.matcher(label).matches() || gazetteer.named(label).size() < 2) return p;
        Region parent = gazetteer.parent(r);
        return parent == null ? p : new Place(r, parent.label() + label);
    }

    /** Names made only of words of position in a city: 城, 新, 中, 东, 西, 南, 北, 郊, 矿, 关, 桥, 河, 市. */
    private static final Pattern DESCRIPTIVE = Pattern.compile("[城新老旧中东西南北郊矿关桥河市上下前后内外]{1,3}区");

    private String warning(Candidate c) {
        if (c.place() == null) {
            return String.format("region unsure (%.2f < %.2f): %s, left without a region",
                    c.confidence(), THRESHOLD, String.join(", ", c.evidence()));
        }
        String best = c.place().region().fullName();
        List<String> names = new ArrayList<>();
        for (Region r : c.rivals()) if (!r.fullName().equals(best)) names.add(r.fullName());
        String others = names.isEmpty() ? "" : "; also possible: " + names.stream().distinct().limit(6)
                .collect(Collectors.joining(", "));
        return String.format("region unsure (%.2f < %.2f): %s from %s%s, left without a region",
                c.confidence(), THRESHOLD, best, String.join(", ", c.evidence()), others);
    }

    // ------------------------------------------------------------------ names that stand for a place

    /**
     * The hits with the regions that had their names in the year (current ones when the year is
     * unknown); a name no region had then keeps the regions it has, as the best guess there is.
     */
    static List<LabelIndex.Hit<Region>> inYear(List<LabelIndex.Hit<Region>> hits, Integer year) {
        List<LabelIndex.Hit<Region>> out = new ArrayList<>(hits.size());
        for (LabelIndex.Hit<Region> h : hits) {
            List<Region> then = h.values().stream().filter(r -> r.existedIn(year)).toList();
            if (then.isEmpty() && year != null) then = h.values().stream().filter(Region::current).toList();
            out.add(then.isEmpty() || then.size() == h.values().size() ? h
                    : new LabelIndex.Hit<>(h.start(), h.end(), h.label(), then));
        }
        return out;
    }

    /** The hits that stand for a place, not for part of a word (中华人民共和国, 乡村振兴, 城关镇). */
    private static List<LabelIndex.Hit<Region>> standing(String text, List<LabelIndex.Hit<Region>> hits) {
        List<LabelIndex.Hit<Region>> out = new ArrayList<>(hits.size());
        for (LabelIndex.Hit<Region> h : hits) if (stands(text, h)) out.add(h);
        return out;
    }

    /**
     * Whether a name found in the text names a place. A name with its level word (和平区, 延边州)
     * does; a bare short one (和平, 延边) only when its level word or an organ (人民政府, 县委) follows,
     * or when it starts a phrase and does not run on into a town, street or word of its own.
     */
    static boolean stands(String text, LabelIndex.Hit<Region> h) {
        String label = h.label();
        int e = h.end();
        char before = h.start() > 0 ? text.charAt(h.start() - 1) : ' ';
        if (label.length() == 2 && endsWithLevel(label) && isHan(before) && before != '年'
                && ORGAN_AFTER.matcher(text).region(e, text.length()).lookingAt()) {
            // 政府和县委, 人大和县政协: the level word belongs to the organ after it, 和 is a conjunction.
            return false;
        }
        if (SELF_WORD.matcher(label).matches() && !(e < text.length() && isLevelChar(text.charAt(e)))) {
            // 全州 is a county of Guangxi, and what every prefecture report calls itself.
            return false;
        }
        if (endsWithLevel(label) || label.endsWith("新城") || ZonePlaces.GENERIC.contains(label)) return true;
        char next = e < text.length() ? text.charAt(e) : ' ';
        if (isLevelChar(next)) return true;
        if (ORGAN_AFTER.matcher(text).region(e, text.length()).lookingAt()) return true;
        if (isHan(next) && NOT_ADMIN_AFTER.indexOf(next) >= 0) return false;
        return !isHan(before) || before == '年';
    }

    /** The level word a name is written with (县 in 兴仁县, an old name of 兴仁市), or 0. */
    private static char writtenLevel(LabelIndex.Hit<Region> h, String text) {
        String label = h.label();
        if (endsWithLevel(label)) return label.charAt(label.length() - 1);
        char next = h.end() < text.length() ? text.charAt(h.end()) : ' ';
        return isLevelChar(next) ? next : 0;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isLevelChar(char c) { return "县市区旗州盟".indexOf(c) >= 0; }

    // ------------------------------------------------------------------ the title

    /** The first region a title gives, narrowed by the names that follow it (汕尾市 + 城区). */
    private Candidate fromTitle(String text, List<LabelIndex.Hit<Region>> context, List<LabelIndex.Hit<Region>> named,
                                String body, SelfReference self, String source, Integer year, Map<Region, Integer> towns) {
        List<LabelIndex.Hit<Region>> hits = standing(text, inYear(gazetteer.placeMentions(text), year));
        if (hits.isEmpty()) return ownZone(text, context, body, source);
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
            if (narrowed.isEmpty() && ZonePlaces.GENERIC.contains(next.label()) && current.size() == 1) {
                narrowed.add(ZonePlaces.zone(current.get(0), next.label()));
            }
            if (narrowed.isEmpty() && current.size() == 1 && zones.spansCities(current.get(0))) {
                // 四川天府新区眉山管理委员会: the part of a zone that spans cities (天府新区) in one of them.
                Region zone = current.get(0);
                for (Region city : next.values()) {
                    if (city.level().equals("prefecture") && gazetteer.within(city, gazetteer.byIri(zone.parent()))) {
                        String part = ZonePlaces.shortName(city) + zone.label();
                        narrowed.add(zones.zoneNamed(city, part, part));
                        prefix = null;
                        surface = part;
                        current = narrowed;
                        end = next.end();
                        break;
                    }
                }
                break;
            }
            if (narrowed.isEmpty()) break;
            prefix = surface;
            surface = next.label();
            current = narrowed;
            end = next.end();
        }
        List<String> evidence = new ArrayList<>();
        String zoneWord = ZonePlaces.zoneWordAt(text, end);
        Matcher proper = ZonePlaces.PROPER_ZONE.matcher(text).region(end, text.length());
        if (zoneWord == null && !ZonePlaces.GENERIC.contains(surface) && proper.lookingAt()) {
            // 贵州双龙航空港经济区, 大连长兴岛经济区: a place, then a zone of its own name the gazetteer lacks.
            List<Region> cities = current.stream()
                    .filter(r -> r.level().equals("prefecture") || r.level().equals("province")).toList();
            if (!cities.isEmpty()) {
                Choice city = disambiguate(cities, named, towns);
                // Named with its city as written (大连长兴岛经济区), not with its province (贵州双龙航空港经济区
                // is 双龙航空港经济区): a province's name before a zone is its official style, not a qualifier.
                int from = city.region().level().equals("province") && end == head.end() ? head.end() : head.start();
                String written = text.substring(from, proper.end());
                evidence.add(source + ":" + written);
                return titled(new Place(zones.zoneNamed(city.region(), proper.group("zone"), written), written), city, evidence, self);
            }
        }
        if (zoneWord != null && !ZonePlaces.GENERIC.contains(surface)) {
            // 长沙经济技术开发区: a city's name, then a zone word the gazetteer has no entry for.
            List<Region> cities = current.stream()
                    .filter(r -> r.level().equals("prefecture") || r.level().equals("province")).toList();
            Choice city = disambiguate(cities.isEmpty() ? current : cities, named, towns);
            // Named as the title writes it, with the city before it (天津滨海高新区, 宁波高新区).
            String written = text.substring(head.start(), end) + zoneWord;
            evidence.add(source + ":" + written);
            return titled(new Place(zones.zoneUnder(city.region(), zoneWord), written), city, evidence, self);
        }
        if (ZonePlaces.GENERIC.contains(surface) && prefix == null) {
            // 高新区2023年…: the page names its city elsewhere (襄阳高新区, 《珠海市…》), or it is unsure.
            return qualifyZone(surface, current, context, body);
        }
        Choice choice = disambiguate(current, named, towns);
        Region region = choice.region();
        String name;
        if (prefix != null && ZonePlaces.GENERIC.contains(surface)) {
            // 天津滨海高新区, 汕尾市城区: a zone word is named with every place the title writes before it.
            name = text.substring(head.start(), end);
        } else if (prefix != null && !endsWithLevel(prefix)) {
            name = prefix + surface;
        } else {
            name = asWritten(surface, region, text, end);
        }
        evidence.add(source + ":" + (prefix == null ? "" : prefix) + surface);
        return titled(new Place(region, name), choice, evidence, self);
    }

    /** A title's candidate: sure when its name is one region's, or its parents settle which. */
    private Candidate titled(Place place, Choice choice, List<String> evidence, SelfReference self) {
        double confidence = 0.95;
        if (choice.rivals().size() > 1) {
            if (choice.parentNamed() != null) {
                evidence.add(choice.parentNamed());
                confidence = 0.9;
            } else {
                // 鼓楼区 is in four cities: with none of them named, any pick is a guess.
                evidence.add("homonyms:" + choice.rivals().size());
                confidence = 0.3;
            }
        }
        self.describe(place.region(), (char) 0).ifPresent(evidence::add);
        return new Candidate(place, confidence, evidence, choice.rivals());
    }

    /**
     * A title (or opening subject) that starts with a zone of its own name and no place
     * (五象新区2025年度…): its city comes from the body, as for a bare 高新区; null when it is no zone.
     */
    private Candidate ownZone(String text, List<LabelIndex.Hit<Region>> context, String body, String source) {
        Matcher year = LEADING_YEAR.matcher(text);
        int from = year.lookingAt() ? year.end() : 0;
        String generic = ZonePlaces.zoneWordAt(text, from);
        if (generic != null) {
            // 高新区2020年…, 高新区综治局…: a zone word that many cities have, its city from the body.
            Candidate c = qualifyZone(generic, List.of(), context, body);
            if (c == null || c.place() == null) return c;
            List<String> evidence = new ArrayList<>(c.evidence());
            evidence.set(0, source + ":" + generic);
            return new Candidate(c.place(), c.confidence(), evidence, c.rivals());
        }
        Matcher m = ZonePlaces.TITLE_ZONE.matcher(text);
        if (!m.lookingAt()) return null;
        String zone = m.group("zone");
        Candidate c = qualifyZone(zone, List.of(), context, body);
        if (c == null || c.place() == null) return c;
        List<String> evidence = new ArrayList<>(c.evidence());
        evidence.set(0, source + ":" + zone);
        // A zone of its own name is named as written (五象新区): only a bare 高新区 needs its city's name.
        return new Candidate(new Place(c.place().region(), zone), c.confidence(), evidence, c.rivals());
    }

    private static final Pattern LEADING_YEAR = Pattern.compile("(?:19|20)\\d\\d年度?");

    /**
     * A zone word a title gives without its city (高新区2023年…): the city comes from the body, where
     * the zone is named with it (襄阳高新区) or a city is named often; else the zone is unknown.
     */
    private Candidate qualifyZone(String generic, List<Region> rivals, List<LabelIndex.Hit<Region>> hits,
                                  String body) {
        for (LabelIndex.Hit<Region> h : hits) {
            if (body.startsWith(generic, h.end())) {
                for (Region city : h.values()) {
                    if (city.level().equals("prefecture") || city.level().equals("province")) {
                        return new Candidate(new Place(zones.zoneUnder(city, generic), h.label() + generic), 0.9,
                                List.of("title:" + generic, "body:" + h.label() + generic), rivals);
                    }
                }
            }
            for (Region r : h.values()) {
                if (r.altLabels().contains(h.label()) && ZonePlaces.sameZoneKind(h.label(), generic)) {
                    return new Candidate(new Place(r, h.label()), 0.9,
                            List.of("title:" + generic, "body:" + h.label()), rivals);
                }
            }
        }
        Region city = mostNamed(hits, Set.of("prefecture"));
        if (city != null) {
            long count = hits.stream().filter(o -> o.values().contains(city)).count();
            Region zone = zones.zoneUnder(city, generic);
            // A district the gazetteer lists under that city (佳木斯市郊区) needs one naming of the city;
            // a zone it does not list is placed there when the city is named again, or is the only one.
            boolean listed = zone.code() != null || gazetteer.byIri(zone.iri()) != null;
            long cities = hits.stream().flatMap(o -> o.values().stream())
                    .filter(r -> r.level().equals("prefecture")).distinct().count();
            double confidence = listed ? 0.8 : count >= 2 || cities == 1 ? 0.7 : 0.4;
            return new Candidate(new Place(zone, ZonePlaces.shortName(city) + generic), confidence,
                    List.of("title:" + generic, "parent-named:" + city.label() + " x" + count), rivals);
        }
        return new Candidate(null, 0.2, List.of("title:" + generic, "no city named"), rivals);
    }

    // ------------------------------------------------------------------ the body

    /**
     * A report without a title region: each name of the report's own kind (its self-references say
     * which: 我县 → a county, 全州 → an autonomous prefecture) scores by how plainly and where it is
     * used. A name with its level word (蒙城县, or 兴仁 followed by 县) counts more than a bare short
     * one (蒙城); a name in the opening or the publisher counts more; a name in a cited title half.
     */
    private Candidate fromBody(Clues clues, List<LabelIndex.Hit<Region>> hits, SelfReference self, boolean bySelf,
                               Map<Region, Integer> towns) {
        String body = clues.body();
        boolean[] named = MetricRecognizer.namedSpans(body);
        Map<List<Region>, Double> score = new LinkedHashMap<>();
        Map<List<Region>, LabelIndex.Hit<Region>> firstHit = new HashMap<>();
        Map<List<Region>, Integer> count = new HashMap<>();
        Map<List<Region>, List<String>> where = new HashMap<>();
        Map<List<Region>, Character> writtenAs = new HashMap<>();
        int openingStart = Issuer.openingStart(body);
        int opening = openingEnd(body, openingStart);
        int subject = Issuer.openingSubject(body);
        for (LabelIndex.Hit<Region> h : hits) {
            if (VISITED.matcher(body.substring(Math.max(0, h.start() - 2), h.start())).find()) continue;
            if (enumerated(body, h)) continue;
            char written = writtenLevel(h, body);
            List<Region> regions = h.values().stream().filter(r -> !bySelf || self.compatible(r, written)).toList();
            if (regions.isEmpty()) continue;
            boolean levelWritten = endsWithLevel(h.label())
                    || (h.end() < body.length() && isLevelChar(body.charAt(h.end())));
            // One-character names (和县) hide in ordinary words (政府和县委): they count least.
            double plain = h.label().length() <= 2 && endsWithLevel(h.label()) ? 0.25 : levelWritten ? 1.0 : 0.5;
            double weight = plain * (named[h.start()] ? 0.5 : 1.0);
            if (h.start() >= openingStart && h.start() < opening && !where.containsKey(regions)) {
                weight += plain;
                where.computeIfAbsent(regions, k -> new ArrayList<>()).add("opening:" + h.label());
            }
            if (h.start() == subject) {
                // 2023年,西城区坚持…: the opening sentence's subject is the report's own area.
                weight += plain;
                where.computeIfAbsent(regions, k -> new ArrayList<>()).add("subject:" + h.label());
            }
            score.merge(regions, weight, Double::sum);
            count.merge(regions, 1, Integer::sum);
            firstHit.putIfAbsent(regions, h);
            writtenAs.putIfAbsent(regions, written);
        }
        // The bodies that issued the report name its area: the signature's most of all, then the
        // issuer its title or opening names (长治市人力资源和社会保障局), then the page's publisher.
        List<IssuerClue> issuers = new ArrayList<>();
        // A body's own name says its place: how the text speaks of itself (a department's report
        // speaks of its superiors, 省委, 市政府) is no test of it. A page's publisher may be a
        // body of another level (来源: 市司法局), so it is.
        for (String signer : clues.signers()) issuers.add(new IssuerClue("signature", signer, 3.0, false));
        if (clues.issuer() != null) issuers.add(new IssuerClue("issuer", clues.issuer().name(), 3.0, false));
        if (clues.publisher() != null) issuers.add(new IssuerClue("publisher", clues.publisher(), 1.5, bySelf));
        for (IssuerClue source : issuers) {
            String text = TextView.normalize(source.name());
            LabelIndex.Hit<Region> h = innermost(text, self, source.bySelf(), clues.year());
            if (h == null) continue;
            char written = writtenLevel(h, text);
            List<Region> regions = h.values().stream().filter(r -> !source.bySelf() || self.compatible(r, written)).toList();
            score.merge(regions, source.weight(), Double::sum);
            where.computeIfAbsent(regions, k -> new ArrayList<>()).add(source.kind() + ":" + h.label());
            if (!firstHit.containsKey(regions)) {
                firstHit.put(regions, h);
                count.put(regions, 0);
                writtenAs.put(regions, written);
            }
        }
        if (score.isEmpty()) return null;
        List<Map.Entry<List<Region>, Double>> ranked = new ArrayList<>(score.entrySet());
        ranked.sort(Map.Entry.<List<Region>, Double>comparingByValue(Comparator.reverseOrder()));
        List<Region> best = ranked.get(0).getKey();
        double s1 = ranked.get(0).getValue();
        double s2 = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        List<Region> own = ownArea(ranked, where);
        if (own != null && own != best && (within(own, best) || within(best, own))) {
            // 义乌市坚持… in a report that names 金华市 (its city's 市委, 市政府, directives) more often,
            // 金华市坚持… in one that names its counties more: the area the report speaks as is its own,
            // and every naming of the places above or below it supports it.
            double support = s1 + score.get(own);
            best = own;
            s1 = support;
            s2 = 0;
            for (Map.Entry<List<Region>, Double> e : ranked) {
                if (e.getKey() != own && !within(own, e.getKey()) && !within(e.getKey(), own)) {
                    s2 = e.getValue();
                    break;
                }
            }
        }
        Choice choice = disambiguate(best, clues.places(), towns);
        Region region = choice.region();
        LabelIndex.Hit<Region> h = firstHit.get(best);
        String text = h.start() < body.length() && body.startsWith(h.label(), h.start()) ? body : h.label();
        Place place = new Place(region, asWritten(h.label(), region, text, h.end()));

        List<String> evidence = new ArrayList<>(where.getOrDefault(best, List.of()).stream().distinct().toList());
        int mentions = count.getOrDefault(best, 0);
        if (mentions > 0) evidence.add("body:" + h.label() + " x" + mentions);
        self.describe(region, writtenAs.getOrDefault(best, (char) 0)).ifPresent(evidence::add);
        // Sure when the name leads the others clearly and was used plainly more than once.
        // A body that speaks of itself again and again (省委 x13) and names one place of that kind
        // has said which it is, even if it names it once.
        double support = s1 + (self.strong() && s2 == 0 ? 0.5 : 0);
        double confidence = s1 / (s1 + s2) * Math.min(1.0, support / 1.5);
        if (!self.speaks()) confidence *= 0.8;
        List<Region> rivals = new ArrayList<>(best);
        if (best.size() > 1) {
            if (choice.parentNamed() != null) {
                evidence.add(choice.parentNamed());
            } else {
                evidence.add("homonyms:" + best.size());
                confidence *= 0.4;
            }
        }
        if (ranked.size() > 1) ranked.get(1).getKey().forEach(rivals::add);
        return new Candidate(place, Math.min(confidence, 0.9), evidence, rivals);
    }

    /** A body that issued the report, where it was read and how much its place counts. */
    private record IssuerClue(String kind, String name, double weight, boolean bySelf) {}

    /**
     * The place a body's name belongs to: the last of the places its name starts with
     * (重庆市开州区发展和改革委员会 → 开州区) that can be the report's own; null when it names none.
     */
    private LabelIndex.Hit<Region> innermost(String name, SelfReference self, boolean bySelf, Integer year) {
        LabelIndex.Hit<Region> found = null;
        int end = -1;
        for (LabelIndex.Hit<Region> h : standing(name, inYear(gazetteer.placeMentions(name), year))) {
            if (end >= 0 && h.start() != end) break;
            end = h.end();
            char written = writtenLevel(h, name);
            if (h.values().stream().anyMatch(r -> !bySelf || self.compatible(r, written))) found = h;
        }
        return found;
    }

    /** The best-ranked candidate the report speaks as: its opening's subject, its signatory or issuer; or null. */
    private static List<Region> ownArea(List<Map.Entry<List<Region>, Double>> ranked, Map<List<Region>, List<String>> where) {
        for (Map.Entry<List<Region>, Double> e : ranked) {
            for (String w : where.getOrDefault(e.getKey(), List.of())) {
                if (w.startsWith("subject:") || w.startsWith("signature:") || w.startsWith("issuer:")) return e.getKey();
            }
        }
        return null;
    }

    /** Whether some region of {@code inner} lies within some region of {@code outer}. */
    private boolean within(List<Region> inner, List<Region> outer) {
        for (Region i : inner) for (Region o : outer) if (!i.equals(o) && gazetteer.within(i, o)) return true;
        return false;
    }

    /** Whether a name stands in an enumeration (安吉县、德清县): peers or parts, not the report's own area. */
    private static boolean enumerated(String body, LabelIndex.Hit<Region> h) {
        int after = h.end();
        if (after < body.length() && isLevelChar(body.charAt(after)) && !endsWithLevel(h.label())) after++;
        return (h.start() > 0 && body.charAt(h.start() - 1) == '、') || (after < body.length() && body.charAt(after) == '、');
    }

    /** The end of the opening sentence, where a report without a title names itself (2022年,宾川县坚持…). */
    private static int openingEnd(String body, int start) {
        int end = Math.min(body.length(), start + OPENING);
        for (int i = start; i < end; i++) {
            char c = body.charAt(i);
            if (c == '。' || c == '\n') return i;
        }
        return end;
    }

    // ------------------------------------------------------------------ homonyms

    /** A region among several of one name, and what settled it ({@code parent-named:南昌市 x2}, {@code townships:…}; null when nothing did). */
    private record Choice(Region region, String parentNamed, List<Region> rivals) {}

    /**
     * Among regions of one name (通州区), the one whose city or province the text names most. Every
     * naming counts here, a bare one inside a phrase too (推动西宁在…建设中): it says which of the
     * candidates is meant, not that it is the report's own.
     */
    private Choice disambiguate(List<Region> regions, List<LabelIndex.Hit<Region>> context, Map<Region, Integer> towns) {
        if (regions.size() == 1) return new Choice(regions.get(0), null, regions);
        Region best = regions.get(0);
        long bestScore = -1, second = 0;
        String bestParent = null;
        for (Region r : regions) {
            long score = 0;
            String parent = null;
            long parentCount = 0;
            for (Region a = gazetteer.parent(r); a != null; a = gazetteer.parent(a)) {
                Region ancestor = a;
                long n = context.stream().filter(h -> h.values().contains(ancestor)).count();
                score += n;
                if (n > parentCount) {
                    parent = "parent-named:" + a.label();
                    parentCount = n;
                }
            }
            // The towns and streets a report names lie in its own area: 西湖区 of 南昌 has 南浦街道.
            int own = towns.getOrDefault(r, 0);
            score += own;
            if (own > parentCount) {
                parent = "townships:" + r.fullName();
                parentCount = own;
            }
            if (score > bestScore) {
                second = Math.max(second, bestScore);
                best = r;
                bestScore = score;
                bestParent = parent == null ? null : parent + " x" + parentCount;
            } else {
                second = Math.max(second, score);
            }
        }
        // Settled only when a parent of this one, or its townships, and of no other as often, was named.
        return new Choice(best, bestScore > 0 && bestScore > second ? bestParent : null, regions);
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

    static boolean endsWithLevel(String name) {
        return !name.isEmpty() && "省市县区州盟旗".indexOf(name.charAt(name.length() - 1)) >= 0;
    }

}
