package org.w3id.fazhi.source;

import java.util.Objects;

/**
 * Why one input could not be read.
 *
 * @param location the input (or the file inside an input directory) as given
 * @param message  names the location and the problem, e.g. "data/x.txt: empty file"
 */
public record SourceProblem(String location, String message) {
    public SourceProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }
}
