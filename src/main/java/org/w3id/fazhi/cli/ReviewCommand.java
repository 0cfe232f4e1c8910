package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.query.ComplianceReview;
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

/**
 * {@code fazhi review [PATH...]}: the reports whose region, year or title is missing or unsure, to correct in
 * data/overrides.tsv; with {@code --compliance}, per report what it lacks of what the rules require, or how late it was.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "List the reports (of the store, or of the PATHs given) whose region, year or title is missing or unsure, "
                + "with what the extractor saw; --format tsv prints them in the shape of data/overrides.tsv. "
                + "With --compliance: one row per report with the parts it lacks, the parts that cannot be told, "
                + "its deadline, date and days late, as TSV for a spreadsheet.")
final class ReviewCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Reports to extract and review (default: the reports in the store).")
    List<String> inputs = new ArrayList<>();

    @Mixin
    StoreOptions store;

    @Mixin
    HintOptions hints = new HintOptions();

    @Option(names = "--format", description = "table or tsv (default: table; tsv with --compliance).")
    String format;

    @Option(names = "--compliance", description = "Per report, what it lacks of what the rules require and whether it was late.")
    boolean compliance;

    @Option(names = "--threshold", defaultValue = "0.8", description = "List regions less sure than this (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() {
        if (format == null) format = compliance ? "tsv" : "table";
        if (!format.equals("table") && !format.equals("tsv")) {
            System.err.println("fazhi: --format wants table or tsv, not " + format);
            return Fazhi.USAGE;
        }
        if (compliance) return compliance();
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

    /** {@code --compliance}: the rows of {@link ComplianceReview}, of the PATHs given or of the store. */
    private Integer compliance() {
        List<List<String>> rows;
        if (!inputs.isEmpty()) {
            ExtractionPipeline pipeline = hints.apply(ExtractionPipeline.builder().base(store.base)).build();
            List<String> problems = new ArrayList<>();
            rows = ComplianceReview.ofReports(pipeline, inputs, p -> {
                problems.add(p);
                System.err.println("fazhi: " + p);
            });
            if (rows.isEmpty() && !problems.isEmpty()) return Fazhi.NOTHING_READ;
        } else {
            if (!Files.isDirectory(store.db.resolve("tdb2"))) {
                System.err.println("fazhi: no store at " + store.db + " (name reports to review, or load them first)");
                return Fazhi.NOTHING_READ;
            }
            try (KnowledgeStore kg = store.open()) {
                rows = ComplianceReview.ofStore(kg.dataset(), kg.graphs().base());
            } catch (StoreLockedException e) {
                System.err.println("fazhi: " + e.getMessage());
                return Fazhi.STORE_LOCKED;
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(format.equals("tsv") ? ComplianceReview.tsv(rows) : ResultFormat.table(ComplianceReview.COLUMNS, rows));
        long flagged = rows.stream().filter(r -> !r.get(ComplianceReview.COLUMNS.indexOf("missing")).isEmpty()
                || r.get(ComplianceReview.COLUMNS.indexOf("on_time")).equals("no")).count();
        System.err.printf("fazhi: %d report(s), %d lacking a part or late%n", rows.size(), flagged);
        return Fazhi.OK;
    }
}
