package org.w3id.fazhi.recognize.metadata;

import java.util.List;

/**
 * A region of the gazetteer, under the name and level it had for the years it had them.
 *
 * @param level      the notation of its fz:Level (province, prefecture, county, district, new-area, development-zone)
 * @param parent     the IRI of the region directly above, or null for a province
 * @param province   the IRI of its province-level region (itself for a province)
 * @param fromYear   the first year it existed under this name and level, or null when the lists say
 *                   nothing earlier (it was there when they begin)
 * @param toYear     the last year it did, or null for a region that still does
 * @param successors the IRIs of the regions that replaced it (dcterms:isReplacedBy); empty for a current one
 */
public record Region(String iri, String label, String fullName, String code, String level,
                     String parent, String province, List<String> altLabels,
                     Integer fromYear, Integer toYear, List<String> successors) {
    public Region {
        altLabels = List.copyOf(altLabels);
        successors = List.copyOf(successors);
    }

    /** A region as it is now, its history unknown: a zone placed by the resolver. */
    public Region(String iri, String label, String fullName, String code, String level,
                  String parent, String province, List<String> altLabels) {
        this(iri, label, fullName, code, level, parent, province, altLabels, null, null, List.of());
    }

    /** Whether it still exists under this name and level. */
    public boolean current() { return toYear == null; }

    /** Whether it existed under this name and level in the year; any year when the year is unknown and it is current. */
    public boolean existedIn(Integer year) {
        if (year == null) return current();
        return (fromYear == null || fromYear <= year) && (toYear == null || toYear >= year);
    }
}
