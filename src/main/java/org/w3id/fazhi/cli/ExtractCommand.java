package org.w3id.fazhi.cli;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.ReportSummary;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.W3C;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fazhi extract PATH...}: reports in, RDF or the JSON Lines summary out. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract reports (.txt, .html, folders, URLs) into RDF or a JSON Lines summary.")
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

    @Option(names = "--max-size", defaultValue = "8388608", paramLabel = "BYTES", description = "Largest input read (default: 8 MiB).")
    long maxSize;

    @Override
    public Integer call() throws IOException {
        ExtractionRun.Result result = ExtractionRun.run(inputs, base, maxSize, System.err);
        if (result.reports().isEmpty()) {
            System.err.println("fazhi: no report could be read; nothing written");
            return result.exitCode();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(result.reports(), bytes);
        if (output == null) {
            System.out.write(bytes.toByteArray());
            System.out.flush();
        } else {
            // Write beside the target and move it in place: a failed run leaves no half file.
            Path dir = output.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Not createTempFile: that makes the file private (0600), and the output is for sharing.
            Path tmp = dir.resolve("." + output.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            try {
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        System.err.printf("fazhi: extracted %d report(s), %d problem(s)%n", result.reports().size(), result.problems().size());
        return result.exitCode();
    }

    private void write(List<ExtractedReport> reports, OutputStream out) throws IOException {
        switch (format) {
            case jsonl -> {
                for (ExtractedReport r : reports) {
                    out.write(ReportSummary.line(r).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            case ttl -> {
                Model all = ModelFactory.createDefaultModel();
                all.setNsPrefixes(W3C.prefixes(new IriMinter(base).base()));
                reports.forEach(r -> all.add(r.graph()));
                RDFDataMgr.write(out, all, RDFFormat.TURTLE_PRETTY);
            }
            default -> {
                Dataset ds = DatasetFactory.create();
                ds.getDefaultModel().setNsPrefixes(W3C.prefixes(new IriMinter(base).base()));
                for (ExtractedReport r : reports) ds.addNamedModel(r.graphIri(), r.graph());
                RDFFormat f = switch (format) {
                    case trig -> RDFFormat.TRIG_BLOCKS;
                    case nq -> RDFFormat.NQUADS;
                    default -> RDFFormat.JSONLD11;
                };
                RDFDataMgr.write(out, ds, f);
            }
        }
    }
}
