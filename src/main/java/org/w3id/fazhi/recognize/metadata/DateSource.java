package org.w3id.fazhi.recognize.metadata;

/**
 * Where a report's publishing date was read: the page it was published on (or a crawler's manifest
 * or a curator, who say what the page said), the document's signature (the date signed, 成文日期),
 * or the file's own properties (its creation date). Only the first is a date of publication; the
 * others can only bound it from below.
 */
public enum DateSource { PAGE, SIGNATURE, DOCUMENT_PROPERTY }
