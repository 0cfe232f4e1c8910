package org.w3id.fazhi.recognize;

import java.util.List;

/**
 * A region of the gazetteer.
 *
 * @param level    the notation of its fz:Level (province, prefecture, county, district, new-area, development-zone)
 * @param parent   the IRI of the region directly above, or null for a province
 * @param province the IRI of its province-level region (itself for a province)
 */
public record Region(String iri, String label, String fullName, String code, String level,
                     String parent, String province, List<String> altLabels) {
    public Region {
        altLabels = List.copyOf(altLabels);
    }
}
