package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.LabelIndex;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** China's regions as {@code regions.ttl} lists them, looked up by name. */
public final class RegionGazetteer {

    static final String FZ = "https://w3id.org/fazhi/ontology#";

    private final Map<String, Region> byIri = new HashMap<>();
    private final LabelIndex<Region> names = new LabelIndex<>();
    /** The names plus the short forms people use for autonomous prefectures (延边, 黔东南, 大理). */
    private final LabelIndex<Region> placeNames = new LabelIndex<>();

    /** Current regions by their code, for the townships' counties. */
    private final Map<String, Region> byCode = new HashMap<>();
    private final Townships townships;

    private RegionGazetteer(Townships townships) { this.townships = townships; }

    /** Reads the regions of a model in the shape of {@code regions.ttl}, without townships. */
    public static RegionGazetteer from(Model model) {
        return from(model, Townships.none());
    }

    /** Reads the regions of a model in the shape of {@code regions.ttl}, and the townships of {@code townships.tsv}. */
    public static RegionGazetteer from(Model model, Townships townships) {
        RegionGazetteer g = new RegionGazetteer(townships);
        var regionClass = model.createResource(FZ + "Region");
        var it = model.listResourcesWithProperty(RDF.type, regionClass);
        List<Region> regions = new ArrayList<>();
        while (it.hasNext()) {
            Resource r = it.next();
            String label = string(r, RDFS.label.getURI());
            List<String> alts = new ArrayList<>();
            r.listProperties(SKOS.altLabel).forEach(s -> alts.add(s.getString()));
            alts.sort(null);
            List<String> successors = new ArrayList<>();
            r.listProperties(DCTerms.isReplacedBy).forEach(s -> successors.add(s.getResource().getURI()));
            successors.sort(null);
            regions.add(new Region(r.getURI(), label, string(r, FZ + "fullName"), string(r, FZ + "adminCode"),
                    levelOf(r), uri(r, FZ + "parent"), uri(r, FZ + "province"), alts,
                    year(r, FZ + "fromYear"), year(r, FZ + "toYear"), successors));
        }
        // Current regions before former ones of the same name, then by IRI: a name's regions are
        // listed in one order whatever order the model gives them in.
        regions.sort(Comparator.comparing((Region r) -> !r.current()).thenComparing(Region::iri));
        for (Region region : regions) {
            g.byIri.put(region.iri(), region);
            if (region.code() != null && region.current()) g.byCode.putIfAbsent(region.code(), region);
            g.names.add(region.label(), region);
            region.altLabels().forEach(a -> g.names.add(a, region));
            g.placeNames.add(region.label(), region);
            region.altLabels().forEach(a -> g.placeNames.add(a, region));
            String shortForm = prefectureShortForm(region.label(), region.altLabels());
            if (shortForm != null) g.placeNames.add(shortForm, region);
        }
        return g;
    }

    public Region byIri(String iri) { return iri == null ? null : byIri.get(iri); }

    /**
     * The region with this key: its 6-digit code, or for a zone with no code the last segment of
     * its IRI ({@code 210200-jinpuxinqu}); null when there is none.
     */
    public Region byKey(String key) {
        if (key == null || key.isBlank()) return null;
        for (Region r : byIri.values()) {
            if (r.iri().endsWith("/" + key.strip())) return r;
        }
        return null;
    }

    /** Regions whose name or short name is exactly this. */
    public List<Region> named(String name) { return names.get(name); }

    /** Every mention of a region name in the text, longest first. */
    public List<LabelIndex.Hit<Region>> mentions(String text) { return names.find(text); }

    /**
     * Every mention of a region name in the text, longest first, with the short forms of autonomous
     * prefectures as well: such a short form is often also the name of a county-level city (大理,
     * 红河), so the caller must tell them apart by how the text speaks of itself.
     */
    public List<LabelIndex.Hit<Region>> placeMentions(String text) { return placeNames.find(text); }

    /** The names {@link #placeMentions} looks for, for the automaton that reads a report once for every dictionary. */
    public LabelIndex<Region> placeNames() { return placeNames; }

    /** 延边朝鲜族自治州 (also 延边州) → 延边: the name before the ethnic groups, as people say it. */
    static String prefectureShortForm(String label, List<String> alts) {
        if (!label.endsWith("自治州")) return null;
        for (String a : alts) {
            if (a.endsWith("州") && a.length() >= 3 && label.startsWith(a.substring(0, a.length() - 1))) {
                return a.substring(0, a.length() - 1);
            }
        }
        return null;
    }

    public Region parent(Region r) { return byIri(r.parent()); }

    /**
     * The regions whose townships the text names, with how many distinct ones: every county-level
     * unit a named town or street lies in counts it, and so does every region above that unit.
     */
    public Map<Region, Integer> townshipsNamed(String text) {
        Map<Region, Integer> out = new HashMap<>();
        townships.countiesNamed(text).forEach((code, n) -> {
            for (Region r = byCode.get(code); r != null; r = parent(r)) out.merge(r, n, Integer::sum);
        });
        return out;
    }

    public Region province(Region r) { return byIri(r.province()); }

    /** Whether {@code ancestor} is {@code r} or above it. */
    public boolean within(Region r, Region ancestor) {
        if (r == null || ancestor == null) return false;
        for (Region x = r; x != null; x = parent(x)) {
            if (x.iri().equals(ancestor.iri())) return true;
        }
        return false;
    }

    /** The regions directly under this one. */
    public List<Region> children(Region r) {
        List<Region> out = new ArrayList<>();
        for (Region x : byIri.values()) if (r.iri().equals(x.parent())) out.add(x);
        return out;
    }

    private static String string(Resource r, String p) {
        Statement s = r.getProperty(r.getModel().createProperty(p));
        return s == null ? null : s.getString();
    }

    private static Integer year(Resource r, String p) {
        String y = string(r, p);
        return y == null ? null : Integer.valueOf(y.substring(0, 4));
    }

    private static String uri(Resource r, String p) {
        Statement s = r.getProperty(r.getModel().createProperty(p));
        return s == null || !s.getObject().isURIResource() ? null : s.getResource().getURI();
    }

    private static String levelOf(Resource r) {
        Statement s = r.getProperty(r.getModel().createProperty(FZ + "level"));
        if (s == null) return null;
        RDFNode level = s.getObject();
        String local = level.asResource().getLocalName();
        return switch (local) {
            case "ProvinceLevel" -> "province";
            case "PrefectureLevel" -> "prefecture";
            case "CountyLevel" -> "county";
            case "DistrictLevel" -> "district";
            case "NewAreaLevel" -> "new-area";
            case "DevelopmentZoneLevel" -> "development-zone";
            default -> null;
        };
    }
}
