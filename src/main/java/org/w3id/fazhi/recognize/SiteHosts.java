package org.w3id.fazhi.recognize;

import org.w3id.fazhi.util.Locations;
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
        boolean header = true;
        for (String line : table.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            String[] f = l.split("\t");
            if (f.length != 2) throw new IllegalArgumentException("site-hosts.tsv: want host<TAB>region, not: " + l);
            m.put(f[0].strip().toLowerCase(Locale.ROOT), f[1].strip());
        }
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
