package org.w3id.fazhi.recognize.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What someone other than the report's text says about it, and how far to trust it:
 *
 * <ul>
 * <li>{@link Strength#SITE} — the site it was published on ({@link SiteHosts}): fills a region the
 * text leaves unknown or unsure, and lowers the confidence of a text region in another province;</li>
 * <li>{@link Strength#MANIFEST} — a crawler's manifest beside the reports: its values stand over
 * what the text seems to say;</li>
 * <li>{@link Strength#OVERRIDE} — a curator's correction ({@code data/overrides.tsv}): stands over
 * everything.</li>
 * </ul>
 *
 * Every value taken is named in the region evidence ({@code manifest:region=360121}), so the graph
 * says where each answer came from.
 *
 * @param values the fields given: {@code region} (a region code or key), {@code year},
 *               {@code title}, {@code published} (yyyy-mm-dd), {@code publisher},
 *               {@code kind} (government, leader, department)
 * @param origin what gave them, as it is named in the evidence: {@code manifest}, {@code override},
 *               {@code site:www.ncx.gov.cn}
 */
public record MetadataHints(Map<String, String> values, Strength strength, String origin) {

    /** How far a source of hints is trusted against the text. */
    public enum Strength { SITE, MANIFEST, OVERRIDE }

    /** The fields a manifest or an override may give. */
    public static final Set<String> FIELDS = Set.of("region", "year", "title", "published", "publisher", "kind");

    /** Below this the text's own region is unsure, and a site may name it. */
    private static final double SURE = 0.5;

    public MetadataHints {
        values = Map.copyOf(values);
    }

    public boolean isEmpty() { return values.isEmpty(); }

    /**
     * The metadata with these hints applied. A value that cannot be used (an unknown region code, a
     * year that is not a year) is left out and named in the evidence, never guessed at.
     */
    public ReportMetadata apply(ReportMetadata meta, RegionGazetteer gazetteer) {
        if (values.isEmpty()) return meta;
        List<String> evidence = new ArrayList<>(meta.regionEvidence());
        String title = meta.title(), regionName = meta.regionName(), province = meta.province(), level = meta.level();
        String publisher = meta.publisher(), kind = meta.documentKind(), warning = meta.regionWarning();
        Region region = meta.region();
        Integer year = meta.year();
        LocalDate published = meta.published();
        DateSource publishedFrom = meta.publishedFrom();
        double confidence = meta.regionConfidence();
        boolean over = strength != Strength.SITE;

        String code = values.get("region");
        if (code != null) {
            Region given = gazetteer.byKey(code);
            if (given == null) {
                evidence.add(origin + ":unknown-region=" + code);
            } else if (over || region == null || confidence < SURE) {
                boolean changed = region == null || !region.iri().equals(given.iri());
                region = given;
                regionName = given.label();
                Region p = gazetteer.province(given);
                province = p == null ? null : p.label();
                if (!"department".equals(level)) level = given.level();
                confidence = strength == Strength.SITE ? Math.max(confidence, 0.6) : 1.0;
                evidence.add(origin + ":region=" + code);
                if (changed) warning = null;
            } else if (!sameProvince(region, given, gazetteer)) {
                // The text names a place in another province than the site's: say so, and be less sure.
                confidence = Math.max(0, confidence - 0.3);
                evidence.add(origin + ":other-province=" + code);
            } else {
                evidence.add(origin + ":agrees=" + code);
            }
        }
        if (over) {
            String y = values.get("year");
            if (y != null) {
                if (y.strip().matches("(19|20)\\d\\d")) year = Integer.valueOf(y.strip());
                else evidence.add(origin + ":not-a-year=" + y);
            }
            if (values.containsKey("title")) title = values.get("title").strip();
            String d = values.get("published");
            if (d != null) {
                try {
                    published = LocalDate.parse(d.strip());
                    // A manifest or a curator says what the page said.
                    publishedFrom = DateSource.PAGE;
                } catch (java.time.format.DateTimeParseException e) {
                    evidence.add(origin + ":not-a-date=" + d);
                }
            }
            if (values.containsKey("publisher")) publisher = values.get("publisher").strip();
            String k = values.get("kind");
            if (k != null) {
                String lower = k.strip().toLowerCase(Locale.ROOT);
                if (Set.of("government", "leader", "department").contains(lower)) {
                    kind = lower;
                    if (lower.equals("department")) level = "department";
                } else {
                    evidence.add(origin + ":unknown-kind=" + k);
                }
            }
        }
        return new ReportMetadata(title, regionName, region, province, level, year, published, publisher,
                meta.department(), confidence, evidence, warning, kind, meta.signature(), publishedFrom);
    }

    private static boolean sameProvince(Region a, Region b, RegionGazetteer g) {
        return a.province() != null && a.province().equals(b.province());
    }
}
