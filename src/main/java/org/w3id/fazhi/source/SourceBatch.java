package org.w3id.fazhi.source;

import java.util.List;

/**
 * What a read produced. Documents and problems follow the order of the inputs; within a directory they are
 * sorted by location, so two runs over the same files give the same order.
 */
public record SourceBatch(List<SourceDocument> documents, List<SourceProblem> problems) {
    public SourceBatch {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
