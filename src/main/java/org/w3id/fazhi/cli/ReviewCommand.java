package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.query.ReportReview;
import org.w3id.fazhi.query.ResultFormat;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLockedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fazhi review [PATH...]}: the reports whose region, year or title is missing or unsure, to correct in data/overrides.tsv. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "List the reports (of the store, or of the PATHs given) whose region, year or title is missing or unsure, "
                + "with what the extractor saw; --format tsv prints them in the shape of data/overrides.tsv.")
final class ReviewCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Reports to extract and review (default: the reports in the store).")
    List<String> inputs = new ArrayList<>();

    @Mixin
    StoreOptions store;

    @Mixin
    HintOptions hints = new HintOptions();

    @Option(names = "--format", defaultValue = "table", description = "table or tsv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--threshold", defaultValue = "0.8", description = "List regions less sure than this (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("tsv")) {
            System.err.println("fazhi: --format wants table or tsv, not " + format);
            return Fazhi.USAGE;
        }
        List<ReportReview.Item> items;
        if (!inputs.isEmpty()) {
            ExtractionPipeline pipeline = hints.apply(ExtractionPipeline.builder().base(store.base)).build();
            items = ReportReview.ofReports(pipeline, inputs, threshold, p -> System.err.println("fazhi: " + p));
        } else {
            if (!Files.isDirectory(store.db.resolve("tdb2"))) {
                System.err.println("fazhi: no store at " + store.db + " (name reports to review, or load them first)");
                return Fazhi.NOTHING_READ;
            }
            try (KnowledgeStore kg = store.open()) {
                items = ReportReview.ofStore(kg.dataset(), kg.graphs().base(), threshold);
            } catch (StoreLockedException e) {
                System.err.println("fazhi: " + e.getMessage());
                return Fazhi.STORE_LOCKED;
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (format.equals("tsv")) {
            out.print(ReportReview.tsv(items));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (ReportReview.Item i : items) {
                List<String> row = new ArrayList<>(i.values());
                row.add(String.join("; ", i.why()));
                rows.add(row);
            }
            List<String> header = new ArrayList<>(ReportReview.COLUMNS);
            header.add("why");
            out.print(ResultFormat.table(header, rows));
        }
        System.err.printf("fazhi: %d report(s) to review%n", items.size());
        return Fazhi.OK;
    }
}
