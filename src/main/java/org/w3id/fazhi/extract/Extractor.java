package org.w3id.fazhi.extract;

import org.apache.jena.rdf.model.Model;
import org.w3id.fazhi.clean.CleanedDocument;
import org.w3id.fazhi.clean.ReportCleaner;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.ReportGraphBuilder;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.recognize.ProgramScheme;
import org.w3id.fazhi.recognize.metadata.MetadataHints;
import org.w3id.fazhi.recognize.metadata.RegionGazetteer;
import org.w3id.fazhi.recognize.metadata.Townships;
import org.w3id.fazhi.recognize.metadata.SiteHosts;
import org.w3id.fazhi.recognize.ReportMentions;
import org.w3id.fazhi.recognize.ReportRecognizer;
import org.w3id.fazhi.source.SourceDocument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The extractor: a source document in, its cleaned text, mentions and graph out. Holds no state
 * between reports, so one extractor serves many threads.
 *
 * <pre>{@code
 * Extractor x = Extractor.builder().base("https://example.org/fazhi/").build();
 * ExtractedReport r = x.extract(sourceDocument);
 * }</pre>
 */
public final class Extractor {

    private final ReportCleaner cleaner = ReportCleaner.create();
    private final ReportRecognizer recognizer;
    private final ReportGraphBuilder graphs;
    private final IriMinter iris;

    private Extractor(ReportRecognizer recognizer, IriMinter iris) {
        this.recognizer = recognizer;
        this.iris = iris;
        this.graphs = new ReportGraphBuilder(iris, version());
    }

    public static Builder builder() { return new Builder(); }

    public ExtractedReport extract(SourceDocument source) {
        return extract(source, List.of());
    }

    /**
     * A report with what tables outside its text say about it (a manifest's row, a curator's
     * override): their values correct the metadata, and the graph's run names the tables it used.
     */
    public ExtractedReport extract(SourceDocument source, List<HintTable> tables) {
        CleanedDocument doc = cleaner.clean(source.location(), source.fileName(), source.sha256(), source.text(),
                source.pageMetadata());
        List<MetadataHints> hints = new ArrayList<>();
        List<ReportGraphBuilder.UsedTable> used = new ArrayList<>();
        for (HintTable t : tables) {
            if (t.values().isEmpty()) continue;
            hints.add(new MetadataHints(t.values(), t.strength(), t.strength() == MetadataHints.Strength.OVERRIDE ? "override" : "manifest"));
            used.add(new ReportGraphBuilder.UsedTable(t.fileName(), t.sha256()));
        }
        ReportMentions mentions = recognizer.recognize(doc, hints);
        String key = graphs.reportKey(mentions, doc);
        Model graph = graphs.build(mentions, doc, key, used);
        return new ExtractedReport(doc, mentions, iris.report(key), iris.graph(key), graph);
    }

    /** One table's row for a report: its values, how far they are trusted, and the table (name and hash). */
    public record HintTable(Map<String, String> values, MetadataHints.Strength strength, String fileName, String sha256) {}

    public IriMinter iris() { return iris; }

    /** The version in the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String v = Extractor.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Configuration of an extractor. */
    public static final class Builder {
        private String base = IriMinter.DEFAULT_BASE;
        private ReportRecognizer recognizer;

        /** The base under which IRIs are minted (default {@value IriMinter#DEFAULT_BASE}). */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        public Builder recognizer(ReportRecognizer recognizer) {
            this.recognizer = recognizer;
            return this;
        }

        public Extractor build() {
            return new Extractor(recognizer != null ? recognizer : bundledRecognizer(), new IriMinter(base));
        }

        /** The recognizers with the program scheme and the gazetteer shipped in the jar. */
        private static ReportRecognizer bundledRecognizer() {
            return ReportRecognizer.builder()
                    .scheme(ProgramScheme.from(Vocabularies.file("programs.ttl")))
                    .gazetteer(RegionGazetteer.from(Vocabularies.file("regions.ttl"),
                            Townships.parse(new String(Vocabularies.resource("townships.tsv"), StandardCharsets.UTF_8))))
                    .sites(SiteHosts.parse(new String(Vocabularies.resource("site-hosts.tsv"), StandardCharsets.UTF_8)))
                    .build();
        }
    }
}
