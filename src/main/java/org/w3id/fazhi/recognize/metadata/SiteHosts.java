package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.util.Locations;
import org.w3id.fazhi.util.TabTable;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Government web sites and the regions they speak for ({@code ontology/site-hosts.tsv}): the page
 * a report came from as a hint to its region ({@link MetadataHints.Strength#SITE}).
 */
public final class SiteHosts {

    private final Map<String, String> regionByHost;

    private SiteHosts(Map<String, String> regionByHost) { this.regionByHost = Map.copyOf(regionByHost); }

    /** Reads the table: a header line, then host, tab, region code; # starts a comment. */
    public static SiteHosts parse(String table) {
        Map<String, String> m = new HashMap<>();
        for (String[] f : TabTable.rows(table, "site-hosts.tsv", 2, "host<TAB>region")) m.put(f[0].toLowerCase(Locale.ROOT), f[1]);
        return new SiteHosts(m);
    }

    public static SiteHosts none() { return new SiteHosts(Map.of()); }

    /** The site hint for a location that is a URL of a known site (the longest matching host); null otherwise. */
    public MetadataHints hintFor(String location) {
        if (!Locations.isWebAddress(location)) return null;
        String host;
        try {
            host = URI.create(location).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) return null;
        String h = host.toLowerCase(Locale.ROOT);
        while (true) {
            String region = regionByHost.get(h);
            if (region != null) return new MetadataHints(Map.of("region", region), MetadataHints.Strength.SITE, "site:" + host);
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
            h = h.substring(dot + 1);
        }
    }
}
