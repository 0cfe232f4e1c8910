package org.w3id.fazhi.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.fazhi.clean.CleanedDocument;
import org.w3id.fazhi.recognize.AgencyKind;
import org.w3id.fazhi.recognize.AgencyMention;
import org.w3id.fazhi.recognize.CandidateProgram;
import org.w3id.fazhi.recognize.Measure;
import org.w3id.fazhi.recognize.MetricMention;
import org.w3id.fazhi.recognize.Program;
import org.w3id.fazhi.recognize.ProgramMention;
import org.w3id.fazhi.recognize.Region;
import org.w3id.fazhi.recognize.ReportMentions;
import org.w3id.fazhi.recognize.ReportMetadata;
import org.w3id.fazhi.recognize.Section;
import org.w3id.fazhi.recognize.SectionKind;
import org.w3id.fazhi.recognize.Span;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what was recognised in one report into that report's graph: the report, its sections and
 * measures, the programs, agencies and metric facts they mention, each fact and mention with the
 * quote it came from (a Web Annotation quote and position selector on the cleaned text) and the
 * extraction run that made it (PROV-O).
 */
public final class ReportGraphBuilder {

    private static final Map<String, String> DEPARTMENT_KEYS = Map.of(
            "司法局", "justice-bureau", "司法厅", "justice-department", "综治局", "governance-bureau",
            "公安局", "public-security-bureau", "市场监管局", "market-regulation-bureau");

    private final IriMinter iris;
    private final String version;

    public ReportGraphBuilder(IriMinter iris, String version) {
        this.iris = iris;
        this.version = version;
    }

    /** The key that names a report's IRI and graph. */
    public String reportKey(ReportMentions mentions, CleanedDocument doc) {
        ReportMetadata meta = mentions.metadata();
        String department = null;
        if (meta.department() != null) {
            department = DEPARTMENT_KEYS.getOrDefault(meta.department(), "department-" + IriMinter.shortHash(meta.department()));
        } else if ("department".equals(meta.level())) {
            // A department's report with no title: its opening words tell it from its government's.
            department = "department-" + IriMinter.shortHash(doc.text().substring(0, Math.min(40, doc.text().length())));
        }
        String region = meta.region() == null ? null : IriMinter.regionKey(meta.region().iri());
        return IriMinter.reportKey(region, meta.year(), department, doc.sha256());
    }

    public Model build(ReportMentions mentions, CleanedDocument doc) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(W3C.prefixes(iris.base()));
        ReportMetadata meta = mentions.metadata();
        String key = reportKey(mentions, doc);
        Resource report = m.createResource(iris.report(key)).addProperty(RDF.type, FZ.Report);
        if (meta.title() != null) report.addProperty(DCTerms.title, meta.title(), "zh");
        report.addProperty(RDFS.label, meta.title() != null ? meta.title()
                : (meta.regionName() == null ? "" : meta.regionName()) + (meta.year() == null ? "" : meta.year() + "年")
                + "法治政府建设年度报告", "zh");
        Resource region = null;
        if (meta.region() != null) {
            region = regionResource(m, meta.region());
            report.addProperty(FZ.region, region);
        }
        if (meta.year() != null) report.addLiteral(FZ.year, m.createTypedLiteral(meta.year().toString(), XSDDatatype.XSDgYear));
        Resource level = FZ.levelOf(meta.level());
        if (level != null) report.addProperty(FZ.level, level);
        if (meta.published() != null) {
            report.addLiteral(DCTerms.issued, m.createTypedLiteral(meta.published().toString(), XSDDatatype.XSDdate));
        }
        if (meta.publisher() != null) report.addProperty(FZ.publisherName, meta.publisher());
        report.addProperty(FZ.sourceFile, doc.location());
        if (doc.location().startsWith("http://") || doc.location().startsWith("https://")) {
            report.addProperty(DCTerms.source, m.createResource(doc.location()));
        }
        report.addProperty(FZ.contentHash, doc.sha256());
        report.addProperty(FZ.text, doc.text());

        Resource run = m.createResource(iris.run(report.getURI(), doc.sha256()))
                .addProperty(RDF.type, FZ.ExtractionRun)
                .addProperty(RDFS.label, "extraction of " + doc.fileName(), "en")
                .addProperty(W3C.used, doc.location())
                .addProperty(W3C.wasAssociatedWith, m.createResource(iris.software(version))
                        .addProperty(RDF.type, W3C.SoftwareAgent)
                        .addProperty(RDFS.label, "fazhi " + version, "en"));
        report.addProperty(W3C.wasGeneratedBy, run);

        Map<Integer, Resource> sections = new HashMap<>();
        for (Section s : mentions.sections()) {
            Resource r = m.createResource(iris.part(report.getURI(), "section", s.order()))
                    .addProperty(RDF.type, FZ.Section)
                    .addProperty(FZ.report, report)
                    .addProperty(FZ.sectionKind, kind(s.kind()))
                    .addLiteral(FZ.order, m.createTypedLiteral(s.order() + 1, XSDDatatype.XSDinteger))
                    .addLiteral(FZ.headingLevel, m.createTypedLiteral(s.level(), XSDDatatype.XSDinteger));
            r.addProperty(RDFS.label, s.heading().isEmpty() ? "概述" : s.heading(), "zh");
            evidence(m, r, report, doc.text(), s.span().start(), Math.min(s.span().end(), s.span().start() + Math.max(1, s.heading().length())));
            report.addProperty(FZ.hasSection, r);
            sections.put(s.order(), r);
        }

        List<Measure> measures = mentions.measures();
        Resource[] measureResources = new Resource[measures.size()];
        for (int i = 0; i < measures.size(); i++) {
            Measure me = measures.get(i);
            String text = doc.text().substring(me.span().start(), me.span().end());
            measureResources[i] = m.createResource(iris.part(report.getURI(), "measure", me.order()))
                    .addProperty(RDF.type, FZ.Measure)
                    .addProperty(FZ.report, report)
                    .addProperty(FZ.section, sections.get(me.sectionOrder()))
                    .addProperty(FZ.sectionKind, kind(me.section()))
                    .addLiteral(FZ.order, m.createTypedLiteral(me.order(), XSDDatatype.XSDinteger))
                    .addProperty(RDFS.label, text.length() > 60 ? text.substring(0, 60) + "…" : text, "zh")
                    .addProperty(W3C.wasGeneratedBy, run);
            evidence(m, measureResources[i], report, doc.text(), me.span().start(), me.span().end());
        }

        int n = 0;
        for (MetricMention f : mentions.metrics()) {
            n++;
            Resource fact = m.createResource(iris.part(report.getURI(), "fact", n))
                    .addProperty(RDF.type, FZ.MetricFact)
                    .addProperty(W3C.dataSet, FZ.metrics)
                    .addProperty(FZ.report, report)
                    .addLiteral(FZ.value, m.createTypedLiteral(f.value().toPlainString(), XSDDatatype.XSDdecimal))
                    .addProperty(FZ.numberText, f.numberText())
                    .addProperty(FZ.unit, f.unit())
                    .addProperty(FZ.approximation, approximation(f))
                    .addProperty(FZ.counts, f.what(), "zh")
                    .addLiteral(FZ.chineseNumeral, f.chineseNumeral())
                    .addProperty(FZ.sectionKind, kind(f.section()))
                    .addProperty(RDFS.label, doc.text().substring(f.quote().start(), f.quote().end()), "zh")
                    .addProperty(W3C.wasGeneratedBy, run);
            if (region != null) fact.addProperty(FZ.region, region);
            if (meta.year() != null) fact.addLiteral(FZ.year, m.createTypedLiteral(meta.year().toString(), XSDDatatype.XSDgYear));
            if (f.indicator() != null) fact.addProperty(FZ.indicator, m.createResource(iris.indicator(f.indicator())));
            evidence(m, fact, report, doc.text(), f.quote().start(), f.quote().end());
            Resource owner = owner(measures, measureResources, f.number());
            if (owner != null) {
                fact.addProperty(FZ.measure, owner);
                owner.addProperty(FZ.hasFact, fact);
            }
        }

        Map<Program, org.w3id.fazhi.recognize.ReportMentions.ProgramStatus> status = mentions.programStatus();
        for (var e : status.entrySet()) {
            Resource program = m.createResource(iris.rebase(e.getKey().iri()));
            report.addProperty(e.getValue() == ReportMentions.ProgramStatus.PRACTICED ? FZ.practices : FZ.plans, program);
        }
        n = 0;
        for (ProgramMention p : mentions.programs()) {
            n++;
            Resource program = m.createResource(iris.rebase(p.program().iri()));
            Resource mention = m.createResource(iris.part(report.getURI(), "program-mention", n))
                    .addProperty(RDF.type, FZ.ProgramMention)
                    .addProperty(FZ.report, report)
                    .addProperty(FZ.program, program)
                    .addProperty(FZ.surface, p.surface(), "zh")
                    .addProperty(FZ.status, p.section() == SectionKind.PLAN ? FZ.Planned : FZ.Practiced)
                    .addProperty(FZ.sectionKind, kind(p.section()))
                    .addProperty(W3C.wasGeneratedBy, run);
            evidence(m, mention, report, doc.text(), p.span().start(), p.span().end());
            Resource owner = owner(measures, measureResources, p.span());
            if (owner != null) {
                mention.addProperty(FZ.measure, owner);
                owner.addProperty(FZ.mentionsProgram, program);
            }
        }
        for (CandidateProgram c : mentions.candidates()) {
            Resource candidate = m.createResource(iris.candidate(c.name()))
                    .addProperty(RDF.type, FZ.CandidateProgram)
                    .addProperty(org.apache.jena.vocabulary.SKOS.prefLabel, c.name(), "zh")
                    .addProperty(RDFS.label, c.name(), "zh");
            Resource owner = owner(measures, measureResources, c.span());
            if (owner != null) owner.addProperty(FZ.mentionsProgram, candidate);
        }
        n = 0;
        for (AgencyMention a : mentions.agencies()) {
            n++;
            String regionKey = a.region() == null ? null : IriMinter.regionKey(a.region().iri());
            String body = a.name().replaceAll("^.*?(省|市|县|区|州|旗|镇|乡|街道)(?=.)", "");
            Resource agency = m.createResource(iris.agency(regionKey, a.region() == null ? a.name() : body))
                    .addProperty(RDF.type, FZ.Agency)
                    .addProperty(RDF.type, agencyClass(a.kind()))
                    .addProperty(RDFS.label, a.region() == null ? a.name()
                            : (a.region().label() + body), "zh");
            if (a.region() != null) agency.addProperty(FZ.region, regionResource(m, a.region()));
            Resource owner = owner(measures, measureResources, a.span());
            if (owner != null) owner.addProperty(FZ.mentionsAgency, agency);
            if (meta.publisher() != null && meta.publisher().equals(a.name())) report.addProperty(DCTerms.publisher, agency);
        }
        return m;
    }

    private Resource regionResource(Model m, Region r) {
        Resource region = m.createResource(iris.rebase(r.iri()));
        if (r.code() == null) {
            // A zone the gazetteer lacks: the report's graph says what it is.
            region.addProperty(RDF.type, FZ.Region)
                    .addProperty(RDFS.label, r.label(), "zh")
                    .addProperty(org.apache.jena.vocabulary.SKOS.prefLabel, r.label(), "zh")
                    .addProperty(FZ.fullName, r.fullName())
                    .addProperty(FZ.codeScheme, FZ.NoCode);
            Resource level = FZ.levelOf(r.level());
            if (level != null) region.addProperty(FZ.level, level);
            if (r.parent() != null) region.addProperty(FZ.parent, m.createResource(iris.rebase(r.parent())));
            if (r.province() != null) region.addProperty(FZ.province, m.createResource(iris.rebase(r.province())));
        }
        return region;
    }

    /** The measure whose span holds the given span, by binary search over measures in text order. */
    private static Resource owner(List<Measure> measures, Resource[] resources, Span span) {
        int lo = 0, hi = measures.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = measures.get(mid).span();
            if (span.start() < s.start()) hi = mid - 1;
            else if (span.start() >= s.end()) lo = mid + 1;
            else return resources[mid];
        }
        return null;
    }

    /** A Web Annotation pointer into the report text: the exact quote and its offsets. */
    private static void evidence(Model m, Resource subject, Resource report, String text, int start, int end) {
        String exact = text.substring(start, end);
        Resource quote = m.createResource()
                .addProperty(RDF.type, W3C.TextQuoteSelector)
                .addProperty(W3C.exact, exact)
                .addProperty(W3C.prefix, text.substring(Math.max(0, start - 16), start))
                .addProperty(W3C.suffix, text.substring(end, Math.min(text.length(), end + 16)));
        Resource position = m.createResource()
                .addProperty(RDF.type, W3C.TextPositionSelector)
                .addLiteral(W3C.start, m.createTypedLiteral(start, XSDDatatype.XSDnonNegativeInteger))
                .addLiteral(W3C.end, m.createTypedLiteral(end, XSDDatatype.XSDnonNegativeInteger));
        Resource target = m.createResource(subject.getURI() + "/evidence")
                .addProperty(RDF.type, W3C.SpecificResource)
                .addProperty(W3C.hasSource, report)
                .addProperty(W3C.hasSelector, quote)
                .addProperty(W3C.hasSelector, position);
        subject.addProperty(FZ.quote, exact);
        subject.addProperty(FZ.evidence, target);
    }

    private static Resource kind(SectionKind k) {
        return switch (k) {
            case OVERVIEW -> FZ.Overview;
            case ACHIEVEMENT -> FZ.Achievements;
            case PROBLEM -> FZ.Problems;
            case PLAN -> FZ.Plans;
        };
    }

    private static Resource approximation(MetricMention f) {
        return switch (f.approximation()) {
            case EXACT -> FZ.Exact;
            case OVER -> FZ.Over;
            case ABOUT -> FZ.About;
            case UNDER -> FZ.Under;
        };
    }

    private static Resource agencyClass(AgencyKind kind) {
        return switch (kind) {
            case GOVERNMENT -> FZ.Government;
            case PARTY -> FZ.PartyOrgan;
            case DEPARTMENT -> FZ.Department;
            case COURT -> FZ.Court;
            case PROCURATORATE -> FZ.Procuratorate;
            case CONGRESS -> FZ.Congress;
            case CPPCC -> FZ.CPPCC;
            case OTHER -> FZ.OtherBody;
        };
    }
}
