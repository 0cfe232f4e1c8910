package org.w3id.fazhi.cli;

import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.TextAnalyzer;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that opens the store shares. */
final class StoreOptions {

    @Option(names = "--db", paramLabel = "DIR", description = "The store folder (default: kg-db).")
    Path db = KnowledgeStore.DEFAULT_FOLDER;

    @Option(names = "--base", defaultValue = IriMinter.DEFAULT_BASE, description = "Base of minted IRIs (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--analyzer", hidden = true, description = "Text index analyzer: ${COMPLETION-CANDIDATES}.")
    TextAnalyzer analyzer = TextAnalyzer.DEFAULT;

    KnowledgeStore open() {
        return KnowledgeStore.builder().folder(db).base(base).analyzer(analyzer).build();
    }
}
