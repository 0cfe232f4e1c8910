package org.w3id.fazhi.store;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/** The formats the whole store is dumped in: every named graph, quads kept. */
public enum DumpFormat {
    NQ(RDFFormat.NQUADS, "nq"),
    TRIG(RDFFormat.TRIG_BLOCKS, "trig");

    private final RDFFormat format;
    private final String extension;

    DumpFormat(RDFFormat format, String extension) {
        this.format = format;
        this.extension = extension;
    }

    public RDFFormat format() { return format; }

    public Lang lang() { return format.getLang(); }

    public String extension() { return extension; }
}
