package org.w3id.fazhi.source;

import java.util.List;

/**
 * The report locations some inputs name, before any is read, and the inputs that could not be listed.
 *
 * @param locations files and URLs, in the order they will be read
 * @param problems  directories that could not be walked or held no reports
 */
public record SourceListing(List<String> locations, List<SourceProblem> problems) {
    public SourceListing {
        locations = List.copyOf(locations);
        problems = List.copyOf(problems);
    }
}
