package org.w3id.fazhi.source;

import java.util.Objects;

/**
 * Why one input could not be read.
 *
 * @param location the input (or the file inside an input directory) as given
 * @param message  names the location and the problem, e.g. "data/x.txt: empty file"
 * @param kind     what kind of problem, for the summary's counts
 */
public record SourceProblem(String location, String message, ProblemKind kind) {
    public SourceProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    public SourceProblem(String location, String message) {
        this(location, message, ProblemKind.OTHER);
    }
}
