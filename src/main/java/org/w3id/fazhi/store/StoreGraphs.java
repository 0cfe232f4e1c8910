package org.w3id.fazhi.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Each vocabulary graph and the bundled files ({@code ontology/*.ttl}) it is made of. */
    public Map<String, List<String>> vocabularies() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(ontology(), List.of("fazhi.ttl"));
        m.put(programs(), List.of("programs.ttl", "themes.ttl"));
        m.put(indicators(), List.of("indicators.ttl"));
        m.put(regions(), List.of("regions.ttl"));
        return m;
    }
}
