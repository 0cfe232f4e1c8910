package org.w3id.fazhi.cli;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.ReportJsonLd;
import org.w3id.fazhi.rdf.W3C;
import org.w3id.fazhi.util.AtomicFile;
import org.w3id.fazhi.util.InputLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code fazhi extract PATH...}: reports in, RDF or the JSON Lines summary out. Every format is
 * written report by report as the pipeline delivers them, so memory stays flat however many
 * reports there are; JSON-LD is one document with the context once and, in its {@code @graph}, a
 * named graph per report holding the report framed.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract reports (.txt, .html, .pdf, .docx, .doc, folders, URLs) into RDF or a JSON Lines summary.")
final class ExtractCommand implements Callable<Integer> {

    enum Format { jsonl, trig, nq, ttl, jsonld }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Report files, folders (recursive) or http(s) URLs.")
    List<String> inputs;

    @Option(names = "--format", defaultValue = "jsonl", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output (written whole or not at all).")
    Path output;

    @Option(names = "--base", defaultValue = IriMinter.DEFAULT_BASE, description = "Base of minted IRIs (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--max-size", defaultValue = InputLimit.DEFAULT_MAX_BYTES_TEXT, paramLabel = "BYTES", description = "Largest input read (default: 8 MiB).")
    long maxSize;

    @picocli.CommandLine.Mixin
    HintOptions hints = new HintOptions();

    @Override
    public Integer call() throws IOException {
        ExtractionRun.Result result;
        if (output == null) {
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            Writer writer = new Writer(out);
            result = ExtractionRun.run(inputs, base, maxSize, hints, System.err, writer::add);
            writer.finish();
            out.flush();
        } else {
            try (AtomicFile file = AtomicFile.create(output)) {
                Writer writer = new Writer(file.stream());
                result = ExtractionRun.run(inputs, base, maxSize, hints, System.err, writer::add);
                writer.finish();
                // A run that read nothing leaves no file behind (and an existing one as it was).
                if (result.reports() > 0) file.commit();
            }
        }
        if (result.reports() == 0) {
            System.err.println("fazhi: no report could be read; nothing written");
            return result.exitCode();
        }
        System.err.printf("fazhi: extracted %d report(s), %d problem(s)%s%n", result.reports(), result.problems().size(),
                ExtractionResult.Failed.countsByKind(result.problems()));
        return result.exitCode();
    }

    /** Writes the reports in the chosen format as they come. */
    private final class Writer {
        private final OutputStream out;
        private StreamRDF rdf;
        private ReportJsonLd jsonld;

        Writer(OutputStream out) { this.out = out; }

        void add(ExtractionResult.Extracted r) throws IOException {
            switch (format) {
                case jsonl -> {
                    out.write(r.summary().toString().getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                case jsonld -> {
                    // One document: the context once, then each report framed (see ReportJsonLd).
                    if (jsonld == null) {
                        jsonld = ReportJsonLd.under(base);
                        out.write(("{\"@context\": " + ReportJsonLd.context(base).get("@context").toPrettyString()
                                + ",\n\"@graph\": [\n").getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.write(",\n".getBytes(StandardCharsets.UTF_8));
                    }
                    var doc = jsonld.document(r.graph(), r.reportIri(), null);
                    doc.remove("@context");
                    // Each report in its named graph, as in TriG and N-Quads.
                    var graph = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                    graph.put("id", r.graphIri());
                    graph.putArray("@graph").add(doc);
                    out.write(graph.toPrettyString().getBytes(StandardCharsets.UTF_8));
                }
                case ttl -> r.graph().getGraph().find().forEachRemaining(stream()::triple);
                default -> {
                    Node g = NodeFactory.createURI(r.graphIri());
                    StreamRDF s = stream();
                    r.graph().getGraph().find().forEachRemaining(t -> s.quad(org.apache.jena.sparql.core.Quad.create(g, t)));
                }
            }
        }

        /** Started at the first report, so a run that reads nothing writes nothing. */
        private StreamRDF stream() {
            if (rdf == null) {
                RDFFormat f = switch (format) {
                    case trig -> RDFFormat.TRIG_BLOCKS;
                    case ttl -> RDFFormat.TURTLE_BLOCKS;
                    default -> RDFFormat.NQUADS;
                };
                rdf = StreamRDFWriter.getWriterStream(out, f);
                rdf.start();
                if (format != Format.nq) prefixes().getNsPrefixMap().forEach(rdf::prefix);
            }
            return rdf;
        }

        void finish() throws IOException {
            if (rdf != null) rdf.finish();
            if (jsonld != null) out.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
        }

        private PrefixMapping prefixes() {
            return W3C.prefixes(new IriMinter(base).base());
        }
    }
}
