package org.w3id.fazhi.cli;

import org.apache.jena.shacl.validation.ReportEntry;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.util.InputLimit;
import org.w3id.fazhi.validate.ReportValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fazhi validate PATH...}: extract and check every graph against the SHACL shapes. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Extract reports and check their graphs against ontology/shapes.ttl (SHACL).")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Report files, folders or URLs.")
    List<String> inputs;

    @Option(names = "--base", defaultValue = IriMinter.DEFAULT_BASE, description = "Base of minted IRIs.")
    String base;

    @Option(names = "--max-size", defaultValue = InputLimit.DEFAULT_MAX_BYTES_TEXT, paramLabel = "BYTES", description = "Largest input read.")
    long maxSize;

    @picocli.CommandLine.Mixin
    HintOptions hints = new HintOptions();

    @Override
    public Integer call() throws IOException {
        ReportValidator validator = ReportValidator.bundled();
        int[] total = {0};
        ExtractionRun.Result result = ExtractionRun.run(inputs, base, maxSize, hints, System.err, r -> {
            List<ReportEntry> violations = validator.violations(r.graph());
            total[0] += violations.size();
            System.out.printf("%s: %d triples, %d violation(s)%n", r.location(), r.graph().size(), violations.size());
            for (ReportEntry v : violations) {
                System.out.printf("  %s %s: %s%n", v.focusNode(), v.resultPath() == null ? "" : v.resultPath(), v.message());
            }
        });
        System.out.printf("%d report(s), %d violation(s)%n", result.reports(), total[0]);
        if (total[0] > 0) return Fazhi.INVALID;
        return result.exitCode();
    }
}
