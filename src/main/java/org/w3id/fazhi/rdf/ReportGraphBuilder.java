package org.w3id.fazhi.rdf;

import org.w3id.fazhi.util.Locations;
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
import org.w3id.fazhi.recognize.compliance.ComplianceAssessor;
import org.w3id.fazhi.recognize.CumulativeFigure;
import org.w3id.fazhi.recognize.metadata.DocumentKind;
import org.w3id.fazhi.recognize.Measure;
import org.w3id.fazhi.recognize.MetricMention;
import org.w3id.fazhi.recognize.ProgramMention;
import org.w3id.fazhi.recognize.metadata.Region;
import org.w3id.fazhi.recognize.ReportMentions;
import org.w3id.fazhi.recognize.metadata.ReportMetadata;
import org.w3id.fazhi.recognize.Section;
import org.w3id.fazhi.recognize.SectionKind;
import org.w3id.fazhi.recognize.Span;
import org.w3id.fazhi.util.ContentHash;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns what was recognised in one report into that report's graph.
 *
 * <ul>
 * <li>The report, its text as a resource of its own ({@code <report>/text}, the cleaned text every
 * piece of evidence points into with an RFC 5147 {@code #char=start,end} fragment in code points),
 * and the extraction run that made the graph (PROV-O: the run used the source and generated the
 * graph; the government, not the run, made the report).</li>
 * <li>Sections, measures and program mentions, each with its evidence and, where the label is not
 * the quote, its quote, once.</li>
 * <li>The numbers a comparable indicator claims, as RDF Data Cube observations in the report's
 * data set ({@code <report>/observations}, structure {@code fz:structure}): one per indicator, with
 * every place the report states it as evidence; a report with no region or year, a cumulative
 * figure, or two different figures for one indicator give no observation. Every other number is
 * an {@code fz:MetricFact}: quoted, valued, but not comparable.</li>
 * <li>Agencies, one per name within a region (人民政府 = 政府, 管理委员会 = 管委会), classified and
 * placed under their government; a body named without its place (镇司法所) is a kind of body, not
 * an agency, and is left out.</li>
 * <li>Counts per report and per theme, so that questions over every report need not count every
 * fact.</li>
 * </ul>
 *
 * Part IRIs come from where a part stands in the text (its first code point) or, for an
 * observation, from its indicator: a change to one rule does not rename the rest of the report.
 */
public final class ReportGraphBuilder {

    /** An agency's name up to its place's level word (南昌县司法局 → 司法局): what is left names the body. */
    private static final Pattern PLACE_BEFORE_BODY = Pattern.compile("^.*?(省|市|县|区|州|旗|镇|乡|街道)(?=.)");

    private final IriMinter iris;
    private final String version;
    /** The prefixes every report's graph is written with, made once (each graph takes a copy). */
    private final org.apache.jena.shared.PrefixMapping prefixes;

    public ReportGraphBuilder(IriMinter iris, String version) {
        this.iris = iris;
        this.version = version;
        this.prefixes = W3C.prefixes(iris.base()).lock();
    }

    /**
     * The key that names a report's IRI and graph: region code and year, then the document's kind
     * when it is not the government's annual report ({@code -leader}, or the department's key).
     * A report whose region is unknown is told apart by a short hash of its content.
     */
    public String reportKey(ReportMentions mentions, CleanedDocument doc) {
        ReportMetadata meta = mentions.metadata();
        String kind = switch (DocumentKind.of(meta, doc.text())) {
            case GOVERNMENT -> null;
            case LEADER -> "leader";
            case DEPARTMENT -> departmentKey(meta, doc);
        };
        String region = meta.region() == null ? null : IriMinter.regionKey(meta.region().iri());
        return IriMinter.reportKey(region, meta.year(), kind, doc.sha256());
    }

    private static String departmentKey(ReportMetadata meta, CleanedDocument doc) {
        if (meta.department() != null) {
            String known = ConceptLookup.DEPARTMENTS.key(meta.department());
            return known != null ? known : "department-" + IriMinter.shortHash(meta.department());
        }
        // A department's report with no title: its opening words tell it from its government's.
        return "department-" + IriMinter.shortHash(doc.text().substring(0, Math.min(40, doc.text().length())));
    }

    /** A table of metadata (a manifest, a curator's overrides) the report's metadata was corrected by. */
    public record UsedTable(String fileName, String sha256) {}

    public Model build(ReportMentions mentions, CleanedDocument doc) {
        return build(mentions, doc, reportKey(mentions, doc), List.of());
    }

    /** The report's graph under {@code key} (the caller's {@link #reportKey}, so that it is made once). */
    public Model build(ReportMentions mentions, CleanedDocument doc, String key, List<UsedTable> tables) {
        Instant started = Instant.now();
        TripleSink g = new TripleSink();
        ReportMetadata meta = mentions.metadata();
        String text = doc.text();
        CodePoints cp = CodePoints.of(text);
        String reportIri = iris.report(key);
        Node report = g.type(TripleSink.iri(reportIri), FZ.Report);
        Evidence evidence = new Evidence(g, reportIri + "/text", text, cp);

        describeReport(g, report, meta, doc, text);
        signature(g, report, reportIri, meta, evidence);
        Node region = meta.region() == null ? null : regionNode(g, meta.region());
        if (region != null) g.add(report, FZ.region, region);

        Map<Integer, Node> sections = sections(g, mentions, report, reportIri, evidence);
        List<Measure> measures = mentions.measures();
        Node[] measureNodes = measures(g, measures, sections, report, reportIri, evidence);
        int[] numbers = numbers(g, mentions, meta, report, reportIri, region, measures, measureNodes, evidence, text);
        programs(g, mentions, report, reportIri, measures, measureNodes, evidence);
        agencies(g, mentions, meta, report, measures, measureNodes, evidence);
        summaries(g, mentions, report, reportIri, measures, numbers);

        Node text_ = provenance(g, doc, reportIri, iris.graph(key), started, tables);
        g.add(report, FZ.hasText, text_);
        // What the rules require of the report, and whether it does it: EARL assertions by the extractor.
        ComplianceGraph.write(g, report, reportIri, ComplianceAssessor.assess(mentions, text), text, cp, sections,
                TripleSink.iri(iris.software(version)));
        Model m = g.model();
        m.setNsPrefixes(prefixes);
        return m;
    }

    private void describeReport(TripleSink g, Node report, ReportMetadata meta, CleanedDocument doc, String text) {
        if (meta.title() != null) g.text(report, DCTerms.title, meta.title(), "zh");
        g.text(report, RDFS.label, meta.title() != null ? meta.title()
                : (meta.regionName() == null ? "" : meta.regionName()) + (meta.year() == null ? "" : meta.year() + "年")
                + "法治政府建设年度报告", "zh");
        DocumentKind kind = DocumentKind.of(meta, text);
        g.add(report, FZ.documentKind, switch (kind) {
            case GOVERNMENT -> FZ.GovernmentReport;
            case LEADER -> FZ.LeaderReport;
            case DEPARTMENT -> FZ.DepartmentReport;
        });
        String department = ConceptLookup.DEPARTMENTS.iri(meta.department());
        if (kind == DocumentKind.DEPARTMENT && department != null) g.add(report, FZ.department, TripleSink.iri(iris.rebase(department)));
        if (meta.year() != null) g.typed(report, FZ.year, meta.year().toString(), XSDDatatype.XSDgYear);
        Resource level = FZ.levelOf(meta.level());
        if (level != null) g.add(report, FZ.level, level);
        if (meta.published() != null) g.typed(report, DCTerms.issued, meta.published().toString(), XSDDatatype.XSDdate);
        if (meta.publisher() != null) g.string(report, FZ.publisherName, meta.publisher());
        if (meta.region() != null || meta.regionConfidence() > 0) {
            g.typed(report, FZ.regionConfidence, canonicalDecimal(java.math.BigDecimal.valueOf(meta.regionConfidence())
                    .setScale(2, java.math.RoundingMode.HALF_UP)), XSDDatatype.XSDdecimal);
        }
        meta.regionEvidence().forEach(e -> g.string(report, FZ.regionEvidence, e));
        if (meta.regionWarning() != null) g.string(report, FZ.regionWarning, meta.regionWarning());
        if (Locations.isWebAddress(doc.location())) g.add(report, DCTerms.source, TripleSink.iri(doc.location()));
    }

    /** The document's signature (issuers over a date), with where it stands in the text. */
    private static void signature(TripleSink g, Node report, String reportIri, ReportMetadata meta, Evidence evidence) {
        org.w3id.fazhi.recognize.metadata.Signature s = meta.signature();
        if (s == null) return;
        Node node = g.type(TripleSink.iri(reportIri + "/signature"), FZ.Signature);
        g.add(report, FZ.signature, node);
        g.typed(node, DCTerms.date, s.date().toString(), XSDDatatype.XSDdate);
        s.issuers().forEach(i -> g.string(node, FZ.signatory, i.name()));
        evidence.quote(node, s.start(), s.end());
    }

    /**
     * The text, the source it was derived from and the run: the run used the source and generated
     * this graph and the text; the graph says so once.
     */
    private Node provenance(TripleSink g, CleanedDocument doc, String reportIri, String graphIri, Instant started,
                            List<UsedTable> tables) {
        Node source;
        if (Locations.isWebAddress(doc.location())) {
            source = g.type(TripleSink.iri(doc.location()), W3C.Entity);
        } else {
            // A file is named by its content (RFC 6920), never by where it lies on one machine.
            source = g.type(TripleSink.iri(namedInformation(doc.sha256())), W3C.Entity);
            g.string(source, FZ.fileName, doc.fileName());
        }
        g.string(source, FZ.contentHash, doc.sha256());

        Node text = g.type(TripleSink.iri(reportIri + "/text"), FZ.ReportText);
        g.string(text, DCTerms.format, "text/plain; charset=utf-8");
        g.string(text, FZ.contentHash, ContentHash.sha256(doc.text().getBytes(StandardCharsets.UTF_8)));
        g.string(text, FZ.text, doc.text());
        g.add(text, W3C.wasDerivedFrom, source);

        Node software = g.type(TripleSink.iri(iris.software(version)), W3C.SoftwareAgent);
        g.text(software, RDFS.label, "fazhi " + version, "en");
        g.string(software, W3C.versionInfo, version);
        Node run = g.type(TripleSink.iri(iris.run(reportIri, doc.sha256())), FZ.ExtractionRun);
        g.text(run, RDFS.label, "extraction of " + doc.fileName(), "en");
        g.add(run, W3C.used, source);
        for (UsedTable t : tables) {
            // A manifest's row or a curator's override the metadata was corrected by: named, by content.
            Node table = g.type(TripleSink.iri(namedInformation(t.sha256())), W3C.Entity);
            g.string(table, FZ.fileName, t.fileName());
            g.string(table, FZ.contentHash, t.sha256());
            g.add(run, W3C.used, table);
        }
        g.add(run, W3C.wasAssociatedWith, software);
        g.typed(run, W3C.startedAtTime, started.truncatedTo(ChronoUnit.MILLIS).toString(), XSDDatatype.XSDdateTime);
        g.typed(run, W3C.endedAtTime, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), XSDDatatype.XSDdateTime);
        Node graph = g.type(TripleSink.iri(graphIri), W3C.Entity);
        g.add(graph, W3C.wasGeneratedBy, run);
        g.add(text, W3C.wasGeneratedBy, run);
        return text;
    }

    private Map<Integer, Node> sections(TripleSink g, ReportMentions mentions, Node report, String reportIri, Evidence evidence) {
        Map<Integer, Node> sections = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Section s : mentions.sections()) {
            String iri = unique(used, reportIri + "/section/" + evidence.cp.at(s.span().start()));
            Node r = g.type(TripleSink.iri(iri), FZ.Section);
            g.add(r, FZ.report, report);
            g.add(r, FZ.sectionKind, kind(s.kind()));
            g.integer(r, FZ.order, s.order() + 1, XSDDatatype.XSDinteger);
            g.integer(r, FZ.headingLevel, s.level(), XSDDatatype.XSDinteger);
            // The heading is the label and the quote; the preamble has none and points at its start.
            g.text(r, RDFS.label, s.heading().isEmpty() ? "概述" : s.heading(), "zh");
            int end = Math.min(s.span().end(), s.span().start() + Math.max(1, s.heading().length()));
            evidence.add(r, s.span().start(), end);
            g.add(report, FZ.hasSection, r);
            sections.put(s.order(), r);
        }
        return sections;
    }

    private Node[] measures(TripleSink g, List<Measure> measures, Map<Integer, Node> sections, Node report, String reportIri,
                            Evidence evidence) {
        Node[] nodes = new Node[measures.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < measures.size(); i++) {
            Measure me = measures.get(i);
            Node r = g.type(TripleSink.iri(unique(used, reportIri + "/measure/" + evidence.cp.at(me.span().start()))), FZ.Measure);
            g.add(r, FZ.report, report);
            g.add(r, FZ.section, sections.get(me.sectionOrder()));
            g.add(r, FZ.sectionKind, kind(me.section()));
            evidence.quote(r, me.span().start(), me.span().end());
            nodes[i] = r;
        }
        return nodes;
    }

    /** A number that may enter the cube, waiting until every number of its indicator is known. */
    private record Candidate(MetricMention fact, String unitIri) {}

    /** Observations and quoted numbers; returns {observations, other numbers}. */
    private int[] numbers(TripleSink g, ReportMentions mentions, ReportMetadata meta, Node report, String reportIri, Node region,
                          List<Measure> measures, Node[] measureNodes, Evidence evidence, String text) {
        Map<String, List<Candidate>> byIndicator = new LinkedHashMap<>();
        List<MetricMention> others = new ArrayList<>();
        boolean cube = region != null && meta.year() != null;
        for (MetricMention f : mentions.metrics()) {
            String unit = ConceptLookup.UNITS.iri(f.unit());
            if (cube && f.indicator() != null && unit != null && !CumulativeFigure.isCumulative(text, f)) {
                byIndicator.computeIfAbsent(f.indicator(), k -> new ArrayList<>()).add(new Candidate(f, unit));
            } else {
                others.add(f);
            }
        }
        int observations = 0;
        Node dataSet = null;
        for (Map.Entry<String, List<Candidate>> e : byIndicator.entrySet()) {
            List<Candidate> same = e.getValue();
            Candidate first = same.get(0);
            boolean agree = same.stream().allMatch(c -> c.fact().value().compareTo(first.fact().value()) == 0
                    && c.unitIri().equals(first.unitIri()) && c.fact().approximation() == first.fact().approximation());
            if (!agree) {
                // Two different figures for one region, year and indicator: the classifier cannot
                // say which the indicator means, so neither is claimed comparable.
                same.forEach(c -> others.add(c.fact()));
                continue;
            }
            if (dataSet == null) dataSet = dataSet(g, report, reportIri, meta);
            Node o = g.type(TripleSink.iri(reportIri + "/observation/" + e.getKey()), W3C.Observation);
            g.add(o, W3C.dataSet, dataSet);
            g.add(o, FZ.region, region);
            g.typed(o, FZ.year, meta.year().toString(), XSDDatatype.XSDgYear);
            g.add(o, FZ.indicator, TripleSink.iri(iris.indicator(e.getKey())));
            number(g, o, first.fact(), report);
            g.add(o, W3C.unitMeasure, TripleSink.iri(iris.rebase(first.unitIri())));
            evidence.quote(o, first.fact().quote().start(), first.fact().quote().end());
            for (Candidate c : same.subList(1, same.size())) evidence.add(o, c.fact().quote().start(), c.fact().quote().end());
            Node owner = owner(measures, measureNodes, first.fact().number());
            if (owner != null) g.add(o, FZ.measure, owner);
            observations++;
        }
        others.sort((a, b) -> Integer.compare(a.number().start(), b.number().start()));
        Set<String> used = new HashSet<>();
        for (MetricMention f : others) {
            Node n = g.type(TripleSink.iri(unique(used, reportIri + "/number/" + evidence.cp.at(f.number().start()))), FZ.MetricFact);
            number(g, n, f, report);
            String unit = ConceptLookup.UNITS.iri(f.unit());
            if (unit != null) g.add(n, W3C.unitMeasure, TripleSink.iri(iris.rebase(unit)));
            evidence.quote(n, f.quote().start(), f.quote().end());
            Node owner = owner(measures, measureNodes, f.number());
            if (owner != null) g.add(n, FZ.measure, owner);
        }
        return new int[] {observations, others.size()};
    }

    private Node dataSet(TripleSink g, Node report, String reportIri, ReportMetadata meta) {
        Node ds = g.type(TripleSink.iri(reportIri + "/observations"), W3C.DataSet);
        g.add(ds, W3C.structure, FZ.structure);
        g.add(ds, FZ.report, report);
        g.text(ds, RDFS.label, (meta.title() != null ? meta.title() : "报告") + "：可比指标观测", "zh");
        return ds;
    }

    /** What an observation and a quoted number share: value, number as written, approximation, what it counts, the report. */
    private static void number(TripleSink g, Node n, MetricMention f, Node report) {
        g.add(n, FZ.report, report);
        g.typed(n, FZ.value, canonicalDecimal(f.value()), XSDDatatype.XSDdecimal);
        g.string(n, FZ.numberText, f.numberText());
        g.add(n, FZ.approximation, approximation(f));
        if (f.what() != null && !f.what().isEmpty()) g.text(n, FZ.counts, f.what(), "zh");
    }

    private void programs(TripleSink g, ReportMentions mentions, Node report, String reportIri, List<Measure> measures,
                          Node[] measureNodes, Evidence evidence) {
        for (var e : mentions.programStatus().entrySet()) {
            Node program = TripleSink.iri(iris.rebase(e.getKey().iri()));
            g.add(report, e.getValue() == ReportMentions.ProgramStatus.PRACTICED ? FZ.practices : FZ.plans, program);
        }
        Set<String> used = new HashSet<>();
        for (ProgramMention p : mentions.programs()) {
            Node program = TripleSink.iri(iris.rebase(p.program().iri()));
            String iri = unique(used, reportIri + "/program-mention/" + evidence.cp.at(p.span().start()));
            Node mention = g.type(TripleSink.iri(iri), FZ.ProgramMention);
            g.add(mention, FZ.report, report);
            g.add(mention, FZ.program, program);
            // The surface form is the quote.
            g.text(mention, FZ.surface, p.surface(), "zh");
            g.add(mention, FZ.status, p.section() == SectionKind.PLAN ? FZ.Planned : FZ.Practiced);
            g.add(mention, FZ.sectionKind, kind(p.section()));
            evidence.add(mention, p.span().start(), p.span().end());
            Node owner = owner(measures, measureNodes, p.span());
            if (owner != null) {
                g.add(mention, FZ.measure, owner);
                g.add(owner, FZ.mentionsProgram, program);
            }
        }
        for (CandidateProgram c : mentions.candidates()) {
            Node candidate = g.type(TripleSink.iri(iris.candidate(c.name())), FZ.CandidateProgram);
            g.text(candidate, SKOS.prefLabel, c.name(), "zh");
            Node owner = owner(measures, measureNodes, c.span());
            if (owner != null) g.add(owner, FZ.mentionsProgram, candidate);
        }
    }

    /** The same body under the names reports give it: 南昌县人民政府 and 南昌县政府 are one agency. */
    static String canonicalBody(String body) {
        return body.replace("人民政府", "政府").replace("管理委员会", "管委会").replace("党工作委员会", "党工委")
                .replace("工作委员会", "工委").replace("委员会办公室", "委办");
    }

    private void agencies(TripleSink g, ReportMentions mentions, ReportMetadata meta, Node report, List<Measure> measures,
                          Node[] measureNodes, Evidence evidence) {
        Map<String, Node> byKey = new LinkedHashMap<>();
        Map<Node, AgencyMention> firstMention = new HashMap<>();
        Map<String, Node> governments = new HashMap<>();
        for (AgencyMention a : mentions.agencies()) {
            // A body named without its place (镇司法所, 各乡镇) is a kind of body, not one agency.
            if (a.region() == null) continue;
            String regionKey = IriMinter.regionKey(a.region().iri());
            String body = PLACE_BEFORE_BODY.matcher(a.name()).replaceAll("");
            String canonical = canonicalBody(body);
            Node agency = byKey.get(regionKey + "|" + canonical);
            String label = a.region().label() + body;
            if (agency == null) {
                agency = g.type(TripleSink.iri(iris.agency(regionKey, canonical)), FZ.Agency);
                g.type(agency, agencyClass(a.kind()));
                g.add(agency, W3C.classification, agencyKind(a.kind()));
                g.text(agency, SKOS.prefLabel, label, "zh");
                g.add(agency, FZ.region, regionNode(g, a.region()));
                byKey.put(regionKey + "|" + canonical, agency);
                firstMention.put(agency, a);
                if (a.kind() == AgencyKind.GOVERNMENT && canonical.equals("政府")) governments.put(regionKey, agency);
            } else if (!label.equals(a.region().label() + PLACE_BEFORE_BODY.matcher(firstMention.get(agency).name()).replaceAll(""))) {
                g.text(agency, SKOS.altLabel, label, "zh");
            }
            evidence.add(agency, a.span().start(), a.span().end());
            Node owner = owner(measures, measureNodes, a.span());
            if (owner != null) g.add(owner, FZ.mentionsAgency, agency);
            if (meta.publisher() != null && meta.publisher().equals(a.name())) g.add(report, DCTerms.publisher, agency);
        }
        // A department of a government works under it: ORG's structure, where the graph names both.
        firstMention.forEach((agency, a) -> {
            Node government = governments.get(IriMinter.regionKey(a.region().iri()));
            if (a.kind() == AgencyKind.DEPARTMENT && government != null) g.add(agency, W3C.subOrganizationOf, government);
        });
    }

    private void summaries(TripleSink g, ReportMentions mentions, Node report, String reportIri, List<Measure> measures,
                           int[] numbers) {
        g.integer(report, FZ.measureCount, measures.size(), XSDDatatype.XSDinteger);
        g.integer(report, FZ.problemCount, (int) measures.stream().filter(m -> m.section() == SectionKind.PROBLEM).count(),
                XSDDatatype.XSDinteger);
        g.integer(report, FZ.observationCount, numbers[0], XSDDatatype.XSDinteger);
        g.integer(report, FZ.numberCount, numbers[1], XSDDatatype.XSDinteger);
        var status = mentions.programStatus();
        long practised = status.values().stream().filter(s -> s == ReportMentions.ProgramStatus.PRACTICED).count();
        g.integer(report, FZ.practicesCount, (int) practised, XSDDatatype.XSDinteger);
        g.integer(report, FZ.plansCount, status.size() - (int) practised, XSDDatatype.XSDinteger);
        // Per theme: programs practised, and measures naming a program of the theme.
        Map<String, int[]> byTheme = new TreeMap<>();
        status.forEach((p, s) -> {
            if (p.theme() != null && s == ReportMentions.ProgramStatus.PRACTICED) byTheme.computeIfAbsent(p.theme(), t -> new int[2])[0]++;
        });
        Map<Integer, Set<String>> themesOfMeasure = new HashMap<>();
        for (ProgramMention p : mentions.programs()) {
            int i = ownerIndex(measures, p.span());
            if (i >= 0 && p.program().theme() != null) themesOfMeasure.computeIfAbsent(i, k -> new HashSet<>()).add(p.program().theme());
        }
        themesOfMeasure.values().forEach(ts -> ts.forEach(t -> byTheme.computeIfAbsent(t, k -> new int[2])[1]++));
        byTheme.forEach((theme, counts) -> {
            Node s = g.type(TripleSink.iri(reportIri + "/theme/" + theme.substring(theme.lastIndexOf('/') + 1)), FZ.ThemeSummary);
            g.add(s, FZ.theme, TripleSink.iri(iris.rebase(theme)));
            g.integer(s, FZ.practicesCount, counts[0], XSDDatatype.XSDinteger);
            g.integer(s, FZ.themeMeasureCount, counts[1], XSDDatatype.XSDinteger);
            g.add(report, FZ.themeSummary, s);
        });
    }

    private Node regionNode(TripleSink g, Region r) {
        Node region = TripleSink.iri(iris.rebase(r.iri()));
        if (r.code() == null) {
            // A zone the gazetteer lacks: the report's graph says what it is, and puts it in the
            // region scheme, the code list of the observations' region dimension.
            g.type(region, FZ.Region);
            g.type(region, W3C.Concept);
            g.add(region, W3C.inScheme, TripleSink.iri(iris.rebase(IriMinter.DEFAULT_BASE + "id/scheme/regions")));
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

    /**
     * Evidence: the text resource's IRI with an RFC 5147 {@code #char=start,end} fragment in code
     * points, a segment as the Web Annotation model identifies one.
     */
    private static final class Evidence {
        private final TripleSink g;
        private final String textIri;
        private final String text;
        private final CodePoints cp;

        Evidence(TripleSink g, String textIri, String text, CodePoints cp) {
            this.g = g;
            this.textIri = textIri;
            this.text = text;
            this.cp = cp;
        }

        /** Where the subject was read. */
        void add(Node subject, int start, int end) {
            g.add(subject, FZ.evidence, TripleSink.iri(textIri + "#char=" + cp.at(start) + "," + cp.at(end)));
        }

        /** Where the subject was read, and the words read there. */
        void quote(Node subject, int start, int end) {
            add(subject, start, end);
            g.string(subject, FZ.quote, text.substring(start, end));
        }
    }

    /** An IRI not used yet in this graph: the first, or the first with -2, -3 … appended. */
    private static String unique(Set<String> used, String iri) {
        String candidate = iri;
        for (int n = 2; !used.add(candidate); n++) candidate = iri + "-" + n;
        return candidate;
    }

    /** The measure whose span holds the given span, by binary search over measures in text order. */
    private static Node owner(List<Measure> measures, Node[] nodes, Span span) {
        int i = ownerIndex(measures, span);
        return i < 0 ? null : nodes[i];
    }

    private static int ownerIndex(List<Measure> measures, Span span) {
        int lo = 0, hi = measures.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = measures.get(mid).span();
            if (span.start() < s.start()) hi = mid - 1;
            else if (span.start() >= s.end()) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /**
     * A decimal in its canonical form (XSD: at least one digit after the point, 10 → 10.0): the
     * form TDB2 gives back, so that a graph read out of the store can be deleted quad by quad.
     */
    static String canonicalDecimal(java.math.BigDecimal v) {
        java.math.BigDecimal d = v.stripTrailingZeros();
        if (d.scale() < 1) d = d.setScale(1);
        return d.toPlainString();
    }

    /** An RFC 6920 named-information IRI for content with this SHA-256. */
    static String namedInformation(String sha256Hex) {
        byte[] digest = java.util.HexFormat.of().parseHex(sha256Hex);
        return "ni:///sha-256;" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
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

    private static Resource agencyKind(AgencyKind kind) {
        return switch (kind) {
            case GOVERNMENT -> FZ.GovernmentKind;
            case PARTY -> FZ.PartyOrganKind;
            case DEPARTMENT -> FZ.DepartmentAgencyKind;
            case COURT -> FZ.CourtKind;
            case PROCURATORATE -> FZ.ProcuratorateKind;
            case CONGRESS -> FZ.CongressKind;
            case CPPCC -> FZ.CPPCCKind;
            case OTHER -> FZ.OtherBodyKind;
        };
    }
}
