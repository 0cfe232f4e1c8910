package org.w3id.fazhi.store;

/**
 * The IRIs of the graphs the store keeps beside the report graphs: the metadata that lets a
 * load skip unchanged reports, and one graph per shipped vocabulary.
 */
public record StoreGraphs(String base) {
    public String meta() { return base + "graph/meta"; }

    public String ontology() { return base + "graph/ontology"; }

    public String programs() { return base + "graph/programs"; }

    public String indicators() { return base + "graph/indicators"; }

    public String regions() { return base + "graph/regions"; }
}
