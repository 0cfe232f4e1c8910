package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.ExtractionPipeline;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tables of metadata from outside the reports' text, shared by the commands that extract. */
final class HintOptions {

    /** Where a curator's corrections are looked for when none are named. */
    static final Path DEFAULT_OVERRIDES = Path.of("data", "overrides.tsv");

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "A manifest (TSV or CSV: source, region, year, title, published, publisher, kind) for the inputs; "
                    + "a folder's own manifest.tsv or manifest.csv is read without it.")
    Path manifest;

    @Option(names = "--overrides", paramLabel = "FILE",
            description = "A curator's corrections in the manifest's shape (default: data/overrides.tsv when it exists); they stand over everything.")
    Path overrides;

    ExtractionPipeline.Builder apply(ExtractionPipeline.Builder b) {
        b.manifest(manifest);
        Path o = overrides != null ? overrides : Files.isRegularFile(DEFAULT_OVERRIDES) ? DEFAULT_OVERRIDES : null;
        return b.overrides(o);
    }
}
