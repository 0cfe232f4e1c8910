package org.w3id.fazhi.recognize;

import java.util.List;

/** A program of the scheme: its IRI, preferred label and every label it may be written as. */
public record Program(String iri, String label, String englishLabel, List<String> labels, String theme) {
    public Program {
        labels = List.copyOf(labels);
    }
}
