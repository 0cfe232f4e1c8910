package org.w3id.fazhi.recognize;

import org.w3id.fazhi.recognize.metadata.Region;

/**
 * A named body. {@code name} is as written (县司法局); {@code region} is the region it belongs to,
 * resolved against the report's own region when the name only says 县 or 市; null when unknown.
 */
public record AgencyMention(String name, AgencyKind kind, Region region, Span span) {}
