package org.w3id.fazhi.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
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
import java.util.regex.Pattern;

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

    /** An agency's name up to its place's level word (南昌县司法局 → 司法局): what is left names the body. */
    private static final Pattern PLACE_BEFORE_BODY = Pattern.compile("^.*?(省|市|县|区|州|旗|镇|乡|街道)(?=.)");

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
        TripleSink g = new TripleSink();
        ReportMetadata meta = mentions.metadata();
        String text = doc.text();
        String reportIri = iris.report(reportKey(mentions, doc));
        Node report = g.type(TripleSink.iri(reportIri), FZ.Report);
        if (meta.title() != null) g.text(report, DCTerms.title, meta.title(), "zh");
        g.text(report, RDFS.label, meta.title() != null ? meta.title()
                : (meta.regionName() == null ? "" : meta.regionName()) + (meta.year() == null ? "" : meta.year() + "年")
                + "法治政府建设年度报告", "zh");
        Node region = null;
        if (meta.region() != null) {
            region = regionNode(g, meta.region());
            g.add(report, FZ.region, region);
        }
        if (meta.year() != null) g.typed(report, FZ.year, meta.year().toString(), XSDDatatype.XSDgYear);
        Resource level = FZ.levelOf(meta.level());
        if (level != null) g.add(report, FZ.level, level);
        if (meta.published() != null) g.typed(report, DCTerms.issued, meta.published().toString(), XSDDatatype.XSDdate);
        if (meta.publisher() != null) g.string(report, FZ.publisherName, meta.publisher());
        g.string(report, FZ.sourceFile, doc.location());
        if (doc.location().startsWith("http://") || doc.location().startsWith("https://")) {
            g.add(report, DCTerms.source, TripleSink.iri(doc.location()));
        }
        g.string(report, FZ.contentHash, doc.sha256());
        g.string(report, FZ.text, text);

        Node software = g.type(TripleSink.iri(iris.software(version)), W3C.SoftwareAgent);
        g.text(software, RDFS.label, "fazhi " + version, "en");
        Node run = g.type(TripleSink.iri(iris.run(reportIri, doc.sha256())), FZ.ExtractionRun);
        g.text(run, RDFS.label, "extraction of " + doc.fileName(), "en");
        g.string(run, W3C.used, doc.location());
        g.add(run, W3C.wasAssociatedWith, software);
        g.add(report, W3C.wasGeneratedBy, run);

        Map<Integer, Node> sections = new HashMap<>();
        for (Section s : mentions.sections()) {
            String iri = iris.part(reportIri, "section", s.order());
            Node r = g.type(TripleSink.iri(iri), FZ.Section);
            g.add(r, FZ.report, report);
            g.add(r, FZ.sectionKind, kind(s.kind()));
            g.integer(r, FZ.order, s.order() + 1, XSDDatatype.XSDinteger);
            g.integer(r, FZ.headingLevel, s.level(), XSDDatatype.XSDinteger);
            g.text(r, RDFS.label, s.heading().isEmpty() ? "概述" : s.heading(), "zh");
            evidence(g, r, iri, report, text, s.span().start(),
                    Math.min(s.span().end(), s.span().start() + Math.max(1, s.heading().length())));
            g.add(report, FZ.hasSection, r);
            sections.put(s.order(), r);
        }

        List<Measure> measures = mentions.measures();
        Node[] measureNodes = new Node[measures.size()];
        for (int i = 0; i < measures.size(); i++) {
            Measure me = measures.get(i);
            String quote = text.substring(me.span().start(), me.span().end());
            String iri = iris.part(reportIri, "measure", me.order());
            Node r = g.type(TripleSink.iri(iri), FZ.Measure);
            g.add(r, FZ.report, report);
            g.add(r, FZ.section, sections.get(me.sectionOrder()));
            g.add(r, FZ.sectionKind, kind(me.section()));
            g.integer(r, FZ.order, me.order(), XSDDatatype.XSDinteger);
            g.text(r, RDFS.label, quote.length() > 60 ? quote.substring(0, 60) + "…" : quote, "zh");
            g.add(r, W3C.wasGeneratedBy, run);
            evidence(g, r, iri, report, text, me.span().start(), me.span().end());
            measureNodes[i] = r;
        }

        int n = 0;
        for (MetricMention f : mentions.metrics()) {
            n++;
            String iri = iris.part(reportIri, "fact", n);
            Node fact = g.type(TripleSink.iri(iri), FZ.MetricFact);
            g.add(fact, W3C.dataSet, FZ.metrics);
            g.add(fact, FZ.report, report);
            g.typed(fact, FZ.value, f.value().toPlainString(), XSDDatatype.XSDdecimal);
            g.string(fact, FZ.numberText, f.numberText());
            g.string(fact, FZ.unit, f.unit());
            g.add(fact, FZ.approximation, approximation(f));
            g.text(fact, FZ.counts, f.what(), "zh");
            g.bool(fact, FZ.chineseNumeral, f.chineseNumeral());
            g.add(fact, FZ.sectionKind, kind(f.section()));
            g.text(fact, RDFS.label, text.substring(f.quote().start(), f.quote().end()), "zh");
            g.add(fact, W3C.wasGeneratedBy, run);
            if (region != null) g.add(fact, FZ.region, region);
            if (meta.year() != null) g.typed(fact, FZ.year, meta.year().toString(), XSDDatatype.XSDgYear);
            if (f.indicator() != null) g.add(fact, FZ.indicator, TripleSink.iri(iris.indicator(f.indicator())));
            evidence(g, fact, iri, report, text, f.quote().start(), f.quote().end());
            Node owner = owner(measures, measureNodes, f.number());
            if (owner != null) {
                g.add(fact, FZ.measure, owner);
                g.add(owner, FZ.hasFact, fact);
            }
        }

        for (var e : mentions.programStatus().entrySet()) {
            Node program = TripleSink.iri(iris.rebase(e.getKey().iri()));
            g.add(report, e.getValue() == ReportMentions.ProgramStatus.PRACTICED ? FZ.practices : FZ.plans, program);
        }
        n = 0;
        for (ProgramMention p : mentions.programs()) {
            n++;
            Node program = TripleSink.iri(iris.rebase(p.program().iri()));
            String iri = iris.part(reportIri, "program-mention", n);
            Node mention = g.type(TripleSink.iri(iri), FZ.ProgramMention);
            g.add(mention, FZ.report, report);
            g.add(mention, FZ.program, program);
            g.text(mention, FZ.surface, p.surface(), "zh");
            g.add(mention, FZ.status, p.section() == SectionKind.PLAN ? FZ.Planned : FZ.Practiced);
            g.add(mention, FZ.sectionKind, kind(p.section()));
            g.add(mention, W3C.wasGeneratedBy, run);
            evidence(g, mention, iri, report, text, p.span().start(), p.span().end());
            Node owner = owner(measures, measureNodes, p.span());
            if (owner != null) {
                g.add(mention, FZ.measure, owner);
                g.add(owner, FZ.mentionsProgram, program);
            }
        }
        for (CandidateProgram c : mentions.candidates()) {
            Node candidate = g.type(TripleSink.iri(iris.candidate(c.name())), FZ.CandidateProgram);
            g.text(candidate, SKOS.prefLabel, c.name(), "zh");
            g.text(candidate, RDFS.label, c.name(), "zh");
            Node owner = owner(measures, measureNodes, c.span());
            if (owner != null) g.add(owner, FZ.mentionsProgram, candidate);
        }
        for (AgencyMention a : mentions.agencies()) {
            String regionKey = a.region() == null ? null : IriMinter.regionKey(a.region().iri());
            String body = PLACE_BEFORE_BODY.matcher(a.name()).replaceAll("");
            Node agency = g.type(TripleSink.iri(iris.agency(regionKey, a.region() == null ? a.name() : body)), FZ.Agency);
            g.type(agency, agencyClass(a.kind()));
            g.text(agency, RDFS.label, a.region() == null ? a.name() : (a.region().label() + body), "zh");
            if (a.region() != null) g.add(agency, FZ.region, regionNode(g, a.region()));
            Node owner = owner(measures, measureNodes, a.span());
            if (owner != null) g.add(owner, FZ.mentionsAgency, agency);
            if (meta.publisher() != null && meta.publisher().equals(a.name())) g.add(report, DCTerms.publisher, agency);
        }
        Model m = g.model();
        m.setNsPrefixes(W3C.prefixes(iris.base()));
        return m;
    }

    private Node regionNode(TripleSink g, Region r) {
        Node region = TripleSink.iri(iris.rebase(r.iri()));
        if (r.code() == null) {
            // A zone the gazetteer lacks: the report's graph says what it is.
            g.type(region, FZ.Region);
            g.text(region, RDFS.label, r.label(), "zh");
            g.text(region, SKOS.prefLabel, r.label(), "zh");
            g.string(region, FZ.fullName, r.fullName());
            g.add(region, FZ.codeScheme, FZ.NoCode);
            Resource level = FZ.levelOf(r.level());
            if (level != null) g.add(region, FZ.level, level);
            if (r.parent() != null) g.add(region, FZ.parent, TripleSink.iri(iris.rebase(r.parent())));
            if (r.province() != null) g.add(region, FZ.province, TripleSink.iri(iris.rebase(r.province())));
        }
        return region;
    }

    /** The measure whose span holds the given span, by binary search over measures in text order. */
    private static Node owner(List<Measure> measures, Node[] nodes, Span span) {
        int lo = 0, hi = measures.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = measures.get(mid).span();
            if (span.start() < s.start()) hi = mid - 1;
            else if (span.start() >= s.end()) lo = mid + 1;
            else return nodes[mid];
        }
        return null;
    }

    /** A Web Annotation pointer into the report text: the exact quote and its offsets. */
    private static void evidence(TripleSink g, Node subject, String subjectIri, Node report, String text, int start, int end) {
        String exact = text.substring(start, end);
        Node quote = g.type(g.blank(), W3C.TextQuoteSelector);
        g.string(quote, W3C.exact, exact);
        g.string(quote, W3C.prefix, text.substring(Math.max(0, start - 16), start));
        g.string(quote, W3C.suffix, text.substring(end, Math.min(text.length(), end + 16)));
        Node position = g.type(g.blank(), W3C.TextPositionSelector);
        g.integer(position, W3C.start, start, XSDDatatype.XSDnonNegativeInteger);
        g.integer(position, W3C.end, end, XSDDatatype.XSDnonNegativeInteger);
        Node target = g.type(TripleSink.iri(subjectIri + "/evidence"), W3C.SpecificResource);
        g.add(target, W3C.hasSource, report);
        g.add(target, W3C.hasSelector, quote);
        g.add(target, W3C.hasSelector, position);
        g.string(subject, FZ.quote, exact);
        g.add(subject, FZ.evidence, target);
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
