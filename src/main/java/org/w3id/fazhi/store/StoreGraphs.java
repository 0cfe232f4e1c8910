package org.w3id.fazhi.store;

import org.w3id.fazhi.rdf.Vocabularies;

/**
 * The IRIs of the graphs the store keeps beside the report graphs: the metadata that lets a
 * load skip unchanged reports, the cross-report {@link Rollups}, and one graph per shipped
 * vocabulary ({@link Vocabularies}).
 */
public record StoreGraphs(String base) {
    public String meta() { return base + "graph/meta"; }

    /** The cross-report aggregates the saved queries read ({@link Rollups}), kept by every load. */
    public String rollups() { return base + "graph/rollups"; }

    /** The subject of the metadata record of the answer tables ({@link Answers}): the token of their last commit. */
    public String answers() { return base + "graph/answers"; }

    public String ontology() { return base + "graph/ontology"; }

    public String programs() { return base + "graph/programs"; }

    public String indicators() { return base + "graph/indicators"; }

    public String regions() { return base + "graph/regions"; }

    /** The shipped vocabularies under this store's base. */
    public Vocabularies vocabularies() { return Vocabularies.bundled(base); }
}
