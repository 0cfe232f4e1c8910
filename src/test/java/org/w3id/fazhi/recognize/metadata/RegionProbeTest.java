package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.TextView;

import org.w3id.fazhi.rdf.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.clean.CleanedDocument;
import org.w3id.fazhi.clean.ReportCleaner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the metadata recogniser over short report excerpts written to probe how regions fail on
 * unseen reports (no title, names inside common words, short forms, zone words, municipalities'
 * new areas, departments, document numbers, the region on the line before the title). Each probe
 * has its expected region code (or "unknown" where the text does not say), level and title in
 * {@code probes/probes.tsv}. Scores as the development sets are scored: of the reports given a
 * region, the share right; none placed in another province.
 */
class RegionProbeTest {

    private static MetadataRecognizer recognizer;
    private static RegionGazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = RegionGazetteer.from(Vocabularies.file("regions.ttl"));
        recognizer = new MetadataRecognizer(gazetteer);
    }

    record Probe(String file, String code, String region, String level, String title) {}

    @Test
    void regionsAreRightOrHonestlyUnknown() throws IOException {
        List<Probe> probes = probes();
        int given = 0, right = 0, wrongProvince = 0, missing = 0, known = 0;
        int levelOk = 0, levelN = 0, titleOk = 0;
        List<String> failures = new ArrayList<>();
        for (Probe p : probes) {
            CleanedDocument doc = ReportCleaner.create().clean(p.file(), p.file(), "0".repeat(64),
                    read("probes/" + p.file()), Map.of());
            ReportMetadata m = recognizer.recognize(doc, TextView.of(doc.text()));
            String got = m.region() == null ? "unknown" : localName(m.region());
            boolean unknownExpected = p.code().equals("unknown");
            if (!unknownExpected) known++;
            if (m.region() != null) {
                given++;
                if (got.equals(p.code())) right++;
                else if (!unknownExpected && !sameProvince(m.region(), p.code())) wrongProvince++;
            } else if (!unknownExpected) {
                missing++;
            }
            if (!p.level().isEmpty()) {
                levelN++;
                if (p.level().equals(m.level())) levelOk++;
            }
            String title = m.title() == null ? "" : m.title();
            if (title.equals(p.title())) titleOk++;
            boolean ok = got.equals(p.code()) && (p.level().isEmpty() || p.level().equals(m.level()))
                    && title.equals(p.title());
            String line = String.format("%-44s want %-22s got %-22s %.2f %s %s%s", p.file(), p.code(), got,
                    m.regionConfidence(), m.level(), m.regionEvidence(),
                    m.regionWarning() == null ? "" : " warning: " + m.regionWarning());
            System.out.println((ok ? "  ok   " : "  MISS ") + line);
            if (!title.equals(p.title())) System.out.println("        title want [" + p.title() + "] got [" + title + "]");
            if (!ok) failures.add(p.file());
        }
        double precision = given == 0 ? 0 : (double) right / given;
        double levelAccuracy = levelN == 0 ? 1 : (double) levelOk / levelN;
        double titleAccuracy = (double) titleOk / probes.size();
        System.out.printf("probes=%d region_precision=%.4f (%d given) wrong_province=%d no_region=%d of %d known"
                        + " level=%.4f title=%.4f failing=%s%n", probes.size(), precision, given, wrongProvince,
                missing, known, levelAccuracy, titleAccuracy, failures);
        assertTrue(probes.size() >= 30);
        assertEquals(1.0, precision, "region precision on the probes");
        assertEquals(0, wrongProvince, "probes placed in another province");
        assertTrue(missing <= 2, "probes without a region: " + missing);
        assertTrue(levelAccuracy >= 0.95, "level accuracy " + levelAccuracy);
        assertTrue(titleAccuracy >= 0.95, "title accuracy " + titleAccuracy);
    }

    private boolean sameProvince(Region got, String expectedCode) {
        Region want = gazetteer.byIri("https://w3id.org/fazhi/id/region/" + expectedCode);
        return want != null && Objects.equals(got.province(), want.province());
    }

    private static String localName(Region r) {
        return r.iri().substring(r.iri().lastIndexOf('/') + 1);
    }

    private static List<Probe> probes() throws IOException {
        List<Probe> out = new ArrayList<>();
        String[] lines = read("probes/probes.tsv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split("\t", -1);
            out.add(new Probe(f[0], f[1], f[2], f[3], f[4]));
        }
        return out;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = RegionProbeTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
