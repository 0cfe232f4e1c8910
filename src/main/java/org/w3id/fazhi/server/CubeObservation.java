package org.w3id.fazhi.server;

import org.apache.jena.vocabulary.RDFS;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the pages show of one {@code qb:Observation}: its dimensions (region, year, indicator),
 * its value and unit, the quote it was read from and its report.
 */
record CubeObservation(String iri, String region, String year, String indicator, BigDecimal value, String unit,
                       String quote, String report) {

    /** The observation, or null when the IRI is not one with a value. */
    static CubeObservation read(StoreLookup store, String iri) {
        if (!store.isA(iri, W3C.Observation)) return null;
        BigDecimal value = store.number(iri, FZ.value);
        if (value == null) return null;
        return new CubeObservation(iri, store.iri(iri, FZ.region), store.text(iri, FZ.year), store.iri(iri, FZ.indicator),
                value, store.iri(iri, W3C.unitMeasure), store.text(iri, FZ.quote), store.iri(iri, FZ.report));
    }

    /** The observations that link to {@code thing} with {@code p} (fz:region, fz:indicator). */
    static List<CubeObservation> of(StoreLookup store, org.apache.jena.rdf.model.Property p, String thing) {
        List<CubeObservation> out = new ArrayList<>();
        for (String s : store.subjects(p, thing)) {
            CubeObservation o = read(store, s);
            if (o != null) out.add(o);
        }
        return out;
    }

    /** The unit's short label (件, 人次), or "" when there is none. */
    String unitLabel(StoreLookup store) {
        if (unit == null) return "";
        String l = store.text(unit, RDFS.label);
        return l == null ? store.label(unit) : l;
    }

    /** The value as people write it: no trailing zeros, no exponent. */
    static String format(BigDecimal v) {
        if (v == null) return "";
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) s = s.setScale(0, RoundingMode.UNNECESSARY);
        return s.toPlainString();
    }

    /** The median of values (the mean of the middle two for an even count). */
    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        if (n == 0) return null;
        if (n % 2 == 1) return sorted.get(n / 2);
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
    }
}
