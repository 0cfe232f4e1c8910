package org.w3id.fazhi.recognize;

/** The kinds of body the ontology tells apart (the subclasses of fz:Agency). */
public enum AgencyKind { GOVERNMENT, PARTY, DEPARTMENT, COURT, PROCURATORATE, CONGRESS, CPPCC, OTHER }
