package org.w3id.fazhi.recognize.metadata;

import java.time.LocalDate;
import java.util.List;

/**
 * What a report says about itself.
 *
 * @param title      the report's own title as printed, or null when the page has none
 * @param regionName the reporting area as the report names it (南昌县, 襄阳高新区)
 * @param region     the area resolved in the gazetteer, or null
 * @param province   the name of the region's province-level region, or null
 * @param level      the report's level notation: the region's, or department when a department reports
 * @param year       the year covered (not the publishing year), or null
 * @param published  the publishing date the page gives, or null
 * @param publisher  the issuing body as the page gives it, or null
 * @param department for a department's report with a title, the department as the title names it
 *                   after its region (司法局); else null
 * @param regionConfidence how sure the region is, 0..1: 0 when there is none
 * @param regionEvidence   what chose the region, short strings such as {@code title:南昌县},
 *                         {@code self-reference:我县 x12}, {@code parent-named:南昌市}; empty when none
 * @param documentKind     government, leader or department when someone other than the text said so; else null
 * @param regionWarning    when the report is left without a region although places were in play, why
 *                         and which candidates there were, for the caller to print with the file name;
 *                         else null
 * @param signature        the document's signature (issuers over a date) where the text has one; else null
 * @param publishedFrom    where {@code published} was read; null when there is no date
 */
public record ReportMetadata(String title, String regionName, Region region, String province, String level, Integer year,
                             LocalDate published, String publisher, String department, double regionConfidence,
                             List<String> regionEvidence, String regionWarning, String documentKind,
                             Signature signature, DateSource publishedFrom) {

    public ReportMetadata {
        regionEvidence = regionEvidence == null ? List.of() : List.copyOf(regionEvidence);
    }

    /** Metadata without region evidence, as earlier callers build it. */
    public ReportMetadata(String title, String regionName, Region region, String province, String level, Integer year,
                          LocalDate published, String publisher, String department) {
        this(title, regionName, region, province, level, year, published, publisher, department,
                region == null ? 0 : 1, List.of(), null, null, null, published == null ? null : DateSource.PAGE);
    }

    /** Metadata as the text gives it, its document kind left to {@link DocumentKind#of}. */
    public ReportMetadata(String title, String regionName, Region region, String province, String level, Integer year,
                          LocalDate published, String publisher, String department, double regionConfidence,
                          List<String> regionEvidence, String regionWarning) {
        this(title, regionName, region, province, level, year, published, publisher, department, regionConfidence,
                regionEvidence, regionWarning, null, null, published == null ? null : DateSource.PAGE);
    }
}
