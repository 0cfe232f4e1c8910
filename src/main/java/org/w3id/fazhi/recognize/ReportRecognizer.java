package org.w3id.fazhi.recognize;

import org.w3id.fazhi.recognize.metadata.MetadataHints;
import org.w3id.fazhi.recognize.metadata.MetadataRecognizer;
import org.w3id.fazhi.recognize.metadata.RegionGazetteer;
import org.w3id.fazhi.recognize.metadata.ReportMetadata;
import org.w3id.fazhi.recognize.metadata.SiteHosts;

import org.w3id.fazhi.clean.CleanedDocument;

import java.util.List;
import java.util.Objects;

/**
 * Runs every recogniser over a cleaned report, in the order their results depend on each other:
 * metadata (for the year and region), structure (for sections), then programs, agencies, numbers
 * and measures. Immutable and thread-safe once built.
 *
 * <pre>{@code
 * ReportRecognizer r = ReportRecognizer.builder().scheme(scheme).gazetteer(gazetteer).build();
 * ReportMentions m = r.recognize(cleanedDocument);
 * }</pre>
 */
public final class ReportRecognizer {

    private final MetadataRecognizer metadata;
    private final StructureRecognizer structure = new StructureRecognizer();
    private final ProgramRecognizer programs;
    private final AgencyRecognizer agencies;
    private final MetricRecognizer metrics = new MetricRecognizer(new IndicatorClassifier());
    private final RegionGazetteer gazetteer;
    private final SiteHosts sites;
    /** Every dictionary a report is read for, read in one pass. */
    private final DictionaryAutomaton dictionaries;

    private ReportRecognizer(ProgramScheme scheme, RegionGazetteer gazetteer, SiteHosts sites) {
        this.gazetteer = gazetteer;
        this.sites = sites;
        this.metadata = new MetadataRecognizer(gazetteer);
        this.programs = new ProgramRecognizer(scheme);
        this.agencies = new AgencyRecognizer(gazetteer);
        this.dictionaries = DictionaryAutomaton.builder().programs(scheme.labels()).places(gazetteer.placeNames())
                .agencyAnchors(AgencyRecognizer.anchorLabels()).measureWords(MetricRecognizer.UNITS).build();
    }

    public static Builder builder() { return new Builder(); }

    public ReportMentions recognize(CleanedDocument doc) {
        return recognize(doc, List.of());
    }

    /**
     * Recognises a report, its metadata corrected by hints from outside its text (the site it came
     * from, a manifest, a curator's overrides), weakest first, before anything that depends on the
     * region (agencies) is read.
     */
    public ReportMentions recognize(CleanedDocument doc, List<MetadataHints> hints) {
        TextView view = TextView.of(doc.text());
        DictionaryAutomaton.Matches found = dictionaries.scan(view.text());
        ReportMetadata meta = metadata.recognize(doc, view, found.places());
        MetadataHints site = sites.hintFor(doc.location());
        if (site != null) meta = site.apply(meta, gazetteer);
        for (MetadataHints.Strength strength : List.of(MetadataHints.Strength.MANIFEST, MetadataHints.Strength.OVERRIDE)) {
            for (MetadataHints h : hints) if (h.strength() == strength) meta = h.apply(meta, gazetteer);
        }
        List<Section> sections = structure.sections(view, meta.year());
        return new ReportMentions(meta, sections, structure.measures(view, sections),
                programs.programs(view, sections, found), programs.candidates(view, sections),
                agencies.recognize(view, meta.region(), found), metrics.recognize(view, sections, found));
    }

    /** Configuration: the program scheme and the gazetteer, both required (the extractor takes them from the bundled vocabularies). */
    public static final class Builder {
        private ProgramScheme scheme;
        private RegionGazetteer gazetteer;
        private SiteHosts sites = SiteHosts.none();

        public Builder scheme(ProgramScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme);
            return this;
        }

        public Builder gazetteer(RegionGazetteer gazetteer) {
            this.gazetteer = Objects.requireNonNull(gazetteer);
            return this;
        }

        /** The government sites whose URLs hint at a report's region (default: none). */
        public Builder sites(SiteHosts sites) {
            this.sites = Objects.requireNonNull(sites);
            return this;
        }

        public ReportRecognizer build() {
            if (scheme == null || gazetteer == null) throw new IllegalStateException("a recognizer needs a program scheme and a gazetteer");
            return new ReportRecognizer(scheme, gazetteer, sites);
        }
    }
}
