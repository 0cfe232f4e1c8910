package org.w3id.fazhi.recognize;

import java.time.LocalDate;

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
 */
public record ReportMetadata(String title, String regionName, Region region, String province, String level, Integer year,
                             LocalDate published, String publisher, String department) {}
