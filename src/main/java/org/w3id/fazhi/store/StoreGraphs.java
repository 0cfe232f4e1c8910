package org.w3id.fazhi.store;

import org.w3id.fazhi.rdf.Vocabularies;

/**
 * The IRIs of the graphs the store keeps beside the report graphs: the metadata that lets a
 * load skip unchanged reports, and one graph per shipped vocabulary ({@link Vocabularies}).
 */
public record StoreGraphs(String base) {
    public String meta() { return base + "graph/meta"; }

    public String ontology() { return base + "graph/ontology"; }

    public String programs() { return base + "graph/programs"; }

    public String indicators() { return base + "graph/indicators"; }

    public String regions() { return base + "graph/regions"; }

    /** The shipped vocabularies under this store's base. */
    public Vocabularies vocabularies() { return Vocabularies.bundled(base); }
}
