package org.w3id.fazhi.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shared.PrefixMapping;

/** The terms of the W3C vocabularies the ontology reuses that Jena has no constants for. */
public final class W3C {

    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String QB = "http://purl.org/linked-data/cube#";
    public static final String ORG = "http://www.w3.org/ns/org#";

    private W3C() {}

    public static final Resource SpecificResource = ResourceFactory.createResource(OA + "SpecificResource");
    public static final Resource TextQuoteSelector = ResourceFactory.createResource(OA + "TextQuoteSelector");
    public static final Resource TextPositionSelector = ResourceFactory.createResource(OA + "TextPositionSelector");
    public static final Property hasSource = ResourceFactory.createProperty(OA + "hasSource");
    public static final Property hasSelector = ResourceFactory.createProperty(OA + "hasSelector");
    public static final Property exact = ResourceFactory.createProperty(OA + "exact");
    public static final Property prefix = ResourceFactory.createProperty(OA + "prefix");
    public static final Property suffix = ResourceFactory.createProperty(OA + "suffix");
    public static final Property start = ResourceFactory.createProperty(OA + "start");
    public static final Property end = ResourceFactory.createProperty(OA + "end");

    public static final Resource SoftwareAgent = ResourceFactory.createResource(PROV + "SoftwareAgent");
    public static final Property wasGeneratedBy = ResourceFactory.createProperty(PROV + "wasGeneratedBy");
    public static final Property wasAssociatedWith = ResourceFactory.createProperty(PROV + "wasAssociatedWith");
    public static final Property used = ResourceFactory.createProperty(PROV + "used");
    public static final Property wasDerivedFrom = ResourceFactory.createProperty(PROV + "wasDerivedFrom");
    public static final Property wasAttributedTo = ResourceFactory.createProperty(PROV + "wasAttributedTo");

    public static final Property dataSet = ResourceFactory.createProperty(QB + "dataSet");
    public static final Property subOrganizationOf = ResourceFactory.createProperty(ORG + "subOrganizationOf");
    public static final Property classification = ResourceFactory.createProperty(ORG + "classification");
    public static final Resource Entity = ResourceFactory.createResource(PROV + "Entity");
    public static final Property startedAtTime = ResourceFactory.createProperty(PROV + "startedAtTime");
    public static final Property endedAtTime = ResourceFactory.createProperty(PROV + "endedAtTime");
    public static final Resource Observation = ResourceFactory.createResource(QB + "Observation");
    public static final Resource DataSet = ResourceFactory.createResource(QB + "DataSet");
    public static final Property structure = ResourceFactory.createProperty(QB + "structure");
    public static final String SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#";
    public static final Property unitMeasure = ResourceFactory.createProperty(SDMX_ATTRIBUTE + "unitMeasure");
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final Resource Concept = ResourceFactory.createResource(SKOS + "Concept");
    public static final Property inScheme = ResourceFactory.createProperty(SKOS + "inScheme");
    public static final Property versionInfo = ResourceFactory.createProperty("http://www.w3.org/2002/07/owl#versionInfo");

    /** The Evaluation and Report Language (EARL) 1.0 Schema, W3C Working Group Note 2017. */
    public static final String EARL = "http://www.w3.org/ns/earl#";
    public static final Resource Assertion = ResourceFactory.createResource(EARL + "Assertion");
    public static final Resource TestResult = ResourceFactory.createResource(EARL + "TestResult");
    public static final Resource Assertor = ResourceFactory.createResource(EARL + "Assertor");
    public static final Property assertedBy = ResourceFactory.createProperty(EARL + "assertedBy");
    public static final Property subject = ResourceFactory.createProperty(EARL + "subject");
    public static final Property test = ResourceFactory.createProperty(EARL + "test");
    public static final Property result = ResourceFactory.createProperty(EARL + "result");
    public static final Property mode = ResourceFactory.createProperty(EARL + "mode");
    public static final Property outcome = ResourceFactory.createProperty(EARL + "outcome");
    public static final Resource automatic = ResourceFactory.createResource(EARL + "automatic");

    /** An EARL outcome value by its local name: passed, failed, cantTell, inapplicable, untested. */
    public static Resource earlOutcome(String localName) { return ResourceFactory.createResource(EARL + localName); }

    /** The prefixes written at the top of every serialisation. */
    public static PrefixMapping prefixes(String base) {
        return PrefixMapping.Factory.create()
                .setNsPrefix("fz", FZ.NS)
                .setNsPrefix("report", base + "id/report/")
                .setNsPrefix("region", base + "id/region/")
                .setNsPrefix("program", base + "id/program/")
                .setNsPrefix("indicator", base + "id/indicator/")
                .setNsPrefix("agency", base + "id/agency/")
                .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
                .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
                .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
                .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
                .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
                .setNsPrefix("org", ORG)
                .setNsPrefix("prov", PROV)
                .setNsPrefix("oa", OA)
                .setNsPrefix("qb", QB)
                .setNsPrefix("sdmx-attribute", SDMX_ATTRIBUTE)
                .setNsPrefix("unit", base + "id/unit/")
                .setNsPrefix("earl", EARL)
                .lock();
    }
}
