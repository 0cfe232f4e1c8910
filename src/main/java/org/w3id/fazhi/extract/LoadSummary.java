package org.w3id.fazhi.extract;

import java.util.List;

/**
 * What writing reports into a {@link GraphSink} did.
 *
 * @param loaded   report graphs written (new or changed)
 * @param skipped  reports whose content and extractor version the sink already held
 * @param vocabularies vocabulary graphs written (changed since the last load)
 * @param problems inputs that could not be read, extracted or written; each left the sink as it was
 */
public record LoadSummary(List<String> loaded, List<String> skipped, List<String> vocabularies,
                          List<ExtractionResult.Failed> problems) {
    public LoadSummary {
        loaded = List.copyOf(loaded);
        skipped = List.copyOf(skipped);
        vocabularies = List.copyOf(vocabularies);
        problems = List.copyOf(problems);
    }

    public String describe() {
        return String.format("%d report(s) loaded, %d unchanged, %d vocabulary graph(s) updated, %d problem(s)%s",
                loaded.size(), skipped.size(), vocabularies.size(), problems.size(),
                ExtractionResult.Failed.countsByKind(problems));
    }
}
