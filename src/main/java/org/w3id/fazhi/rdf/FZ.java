package org.w3id.fazhi.rdf;

import org.w3id.fazhi.recognize.compliance.ComplianceAssessment;
import org.w3id.fazhi.recognize.metadata.DateSource;
import org.w3id.fazhi.recognize.metadata.DocumentKind;
import org.w3id.fazhi.recognize.metadata.Region;
import org.w3id.fazhi.recognize.metadata.Signature;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of the fazhi ontology ({@code ontology/fazhi.ttl}), one constant per term. */
public final class FZ {

    public static final String NS = "https://w3id.org/fazhi/ontology#";
    public static final String ONTOLOGY = "https://w3id.org/fazhi/ontology";

    private FZ() {}

    private static Resource c(String local) { return ResourceFactory.createResource(NS + local); }

    private static Property p(String local) { return ResourceFactory.createProperty(NS + local); }

    // classes
    public static final Resource Report = c("Report");
    public static final Resource Region = c("Region");
    public static final Resource Agency = c("Agency");
    public static final Resource Government = c("Government");
    public static final Resource PartyOrgan = c("PartyOrgan");
    public static final Resource Department = c("Department");
    public static final Resource Court = c("Court");
    public static final Resource Procuratorate = c("Procuratorate");
    public static final Resource Congress = c("Congress");
    public static final Resource CPPCC = c("CPPCC");
    public static final Resource OtherBody = c("OtherBody");
    public static final Resource Section = c("Section");
    public static final Resource Signature = c("Signature");
    public static final Resource SectionKind = c("SectionKind");
    public static final Resource Measure = c("Measure");
    public static final Resource Program = c("Program");
    public static final Resource CandidateProgram = c("CandidateProgram");
    public static final Resource Theme = c("Theme");
    public static final Resource Indicator = c("Indicator");
    public static final Resource MetricFact = c("MetricFact");
    public static final Resource ProgramMention = c("ProgramMention");
    public static final Resource AgencyMention = c("AgencyMention");
    public static final Resource Level = c("Level");
    public static final Resource Approximation = c("Approximation");
    public static final Resource ProgramStatus = c("ProgramStatus");
    public static final Resource CodeScheme = c("CodeScheme");
    public static final Resource ExtractionRun = c("ExtractionRun");
    public static final Resource ReportText = c("ReportText");
    public static final Resource DocumentKind = c("DocumentKind");
    public static final Resource DepartmentKind = c("DepartmentKind");
    public static final Resource AgencyKind = c("AgencyKind");
    public static final Resource ZoneKind = c("ZoneKind");
    public static final Resource Unit = c("Unit");
    public static final Resource ThemeSummary = c("ThemeSummary");
    public static final Resource ProgramRollup = c("ProgramRollup");
    public static final Resource ThemeRollup = c("ThemeRollup");
    public static final Resource IndicatorRollup = c("IndicatorRollup");
    public static final Resource ProgramPairRollup = c("ProgramPairRollup");

    // report
    public static final Property region = p("region");
    public static final Property year = p("year");
    public static final Property level = p("level");
    public static final Property publisherName = p("publisherName");
    public static final Property signature = p("signature");
    public static final Property signatory = p("signatory");
    public static final Property sourceFile = p("sourceFile");
    public static final Property sourceKey = p("sourceKey");
    public static final Property contentHash = p("contentHash");
    public static final Property text = p("text");
    public static final Property fileName = p("fileName");
    public static final Property hasText = p("hasText");
    public static final Property documentKind = p("documentKind");
    public static final Property department = p("department");
    public static final Property regionConfidence = p("regionConfidence");
    public static final Property regionEvidence = p("regionEvidence");
    public static final Property regionWarning = p("regionWarning");
    public static final Property measureCount = p("measureCount");
    public static final Property problemCount = p("problemCount");
    public static final Property observationCount = p("observationCount");
    public static final Property numberCount = p("numberCount");
    public static final Property practicesCount = p("practicesCount");
    public static final Property plansCount = p("plansCount");
    public static final Property themeSummary = p("themeSummary");
    public static final Property themeMeasureCount = p("themeMeasureCount");

    // cross-report rollups (store/Rollups)
    public static final Property rollupOf = p("rollupOf");
    public static final Property practisingRegionCount = p("practisingRegionCount");
    public static final Property practisingRegionNames = p("practisingRegionNames");
    public static final Property practisedProgramCount = p("practisedProgramCount");
    public static final Property reportingReportCount = p("reportingReportCount");
    public static final Property jointMeasureCount = p("jointMeasureCount");
    public static final Property jointRegionCount = p("jointRegionCount");
    public static final Property hasSection = p("hasSection");
    public static final Property practices = p("practices");
    public static final Property plans = p("plans");

    // region
    public static final Property adminCode = p("adminCode");
    public static final Property codeScheme = p("codeScheme");
    public static final Property codeEdition = p("codeEdition");
    public static final Property parent = p("parent");
    public static final Property province = p("province");
    public static final Property fullName = p("fullName");
    public static final Property fromYear = p("fromYear");
    public static final Property toYear = p("toYear");
    public static final Property zoneKind = p("zoneKind");
    public static final Property yearEstablished = p("yearEstablished");
    public static final Property catalogueCode = p("catalogueCode");

    // sections, measures, mentions
    public static final Property sectionKind = p("sectionKind");
    public static final Property section = p("section");
    public static final Property report = p("report");
    public static final Property order = p("order");
    public static final Property headingLevel = p("headingLevel");
    public static final Property mentionsProgram = p("mentionsProgram");
    public static final Property mentionsAgency = p("mentionsAgency");
    public static final Property measure = p("measure");
    public static final Property program = p("program");
    public static final Property agency = p("agency");
    public static final Property surface = p("surface");
    public static final Property status = p("status");
    public static final Property theme = p("theme");

    // observations (RDF Data Cube) and quoted numbers
    public static final Resource structure = c("structure");
    public static final Resource regionComponent = c("regionComponent");
    public static final Resource yearComponent = c("yearComponent");
    public static final Resource indicatorComponent = c("indicatorComponent");
    public static final Resource valueComponent = c("valueComponent");
    public static final Resource unitComponent = c("unitComponent");
    public static final Resource approximationComponent = c("approximationComponent");
    public static final Resource reportComponent = c("reportComponent");
    public static final Property indicator = p("indicator");
    public static final Property value = p("value");
    public static final Property numberText = p("numberText");
    public static final Property approximation = p("approximation");
    public static final Property counts = p("counts");
    public static final Property chineseNumeral = p("chineseNumeral");
    public static final Property unitOfMeasure = p("unitOfMeasure");

    // provenance
    public static final Property quote = p("quote");
    public static final Property evidence = p("evidence");

    // controlled values
    public static final Resource Overview = c("Overview");
    public static final Resource Achievements = c("Achievements");
    public static final Resource Problems = c("Problems");
    public static final Resource Plans = c("Plans");
    public static final Resource Exact = c("Exact");
    public static final Resource Over = c("Over");
    public static final Resource About = c("About");
    public static final Resource Under = c("Under");
    public static final Resource Practiced = c("Practiced");
    public static final Resource Planned = c("Planned");
    public static final Resource ProvinceLevel = c("ProvinceLevel");
    public static final Resource PrefectureLevel = c("PrefectureLevel");
    public static final Resource CountyLevel = c("CountyLevel");
    public static final Resource DistrictLevel = c("DistrictLevel");
    public static final Resource NewAreaLevel = c("NewAreaLevel");
    public static final Resource DevelopmentZoneLevel = c("DevelopmentZoneLevel");
    public static final Resource DepartmentLevel = c("DepartmentLevel");
    public static final Resource GBT2260 = c("GBT2260");
    public static final Resource StatsDivisionCode = c("StatsDivisionCode");
    public static final Resource NoCode = c("NoCode");
    public static final Resource GovernmentReport = c("GovernmentReport");
    public static final Resource LeaderReport = c("LeaderReport");
    public static final Resource DepartmentReport = c("DepartmentReport");
    public static final Resource documentKinds = c("documentKinds");
    public static final Resource agencyKinds = c("agencyKinds");
    public static final Resource GovernmentKind = c("GovernmentKind");
    public static final Resource PartyOrganKind = c("PartyOrganKind");
    public static final Resource DepartmentAgencyKind = c("DepartmentAgencyKind");
    public static final Resource CourtKind = c("CourtKind");
    public static final Resource ProcuratorateKind = c("ProcuratorateKind");
    public static final Resource CongressKind = c("CongressKind");
    public static final Resource CPPCCKind = c("CPPCCKind");
    public static final Resource OtherBodyKind = c("OtherBodyKind");
    public static final Resource zoneKinds = c("zoneKinds");
    public static final Resource NationalNewArea = c("NationalNewArea");
    public static final Resource NationalEconomicDevelopmentZone = c("NationalEconomicDevelopmentZone");
    public static final Resource NationalHighTechZone = c("NationalHighTechZone");
    public static final Resource CustomsSpecialSupervisionArea = c("CustomsSpecialSupervisionArea");
    public static final Resource BorderEconomicCooperationZone = c("BorderEconomicCooperationZone");
    public static final Resource OtherNationalZone = c("OtherNationalZone");
    public static final Resource ProvincialDevelopmentZone = c("ProvincialDevelopmentZone");
    public static final Resource FreeTradePilotArea = c("FreeTradePilotArea");

    // compliance with the reporting rules (EARL assertions per requirement)
    public static final Resource ComplianceAssessment = c("ComplianceAssessment");
    public static final Resource ReportingRule = c("ReportingRule");
    public static final Resource ReportingRequirement = c("ReportingRequirement");
    public static final Resource OutcomeReason = c("OutcomeReason");
    public static final Resource DateSource = c("DateSource");
    public static final Property complianceAssessment = p("complianceAssessment");
    public static final Property ruleApplied = p("ruleApplied");
    public static final Property assessedAs = p("assessedAs");
    public static final Property jointReport = p("jointReport");
    public static final Property textComplete = p("textComplete");
    public static final Property assertion = p("assertion");
    public static final Property partsOutcome = p("partsOutcome");
    public static final Property timelinessOutcome = p("timelinessOutcome");
    public static final Property partsPresent = p("partsPresent");
    public static final Property partsMissing = p("partsMissing");
    public static final Property partsUnknown = p("partsUnknown");
    public static final Property characterCount = p("characterCount");
    public static final Property factCount = p("factCount");
    public static final Property factsPerTenThousandChars = p("factsPerTenThousandChars");
    public static final Property problemsStated = p("problemsStated");
    public static final Property plansStated = p("plansStated");
    public static final Property outcomeReason = p("outcomeReason");
    public static final Property deadline = p("deadline");
    public static final Property dateJudged = p("dateJudged");
    public static final Property dateSource = p("dateSource");
    public static final Property daysLate = p("daysLate");
    public static final Property article = p("article");
    public static final Property articleVerified = p("articleVerified");
    public static final Property firstYearCovered = p("firstYearCovered");
    public static final Property lastYearCovered = p("lastYearCovered");
    public static final Resource reportingRequirements = c("reportingRequirements");
    public static final Resource SupervisionRules2019 = c("SupervisionRules2019");
    public static final Resource ImplementationOutline2015 = c("ImplementationOutline2015");
    public static final Resource MeasuresAndResultsPart = c("MeasuresAndResultsPart");
    public static final Resource ShortcomingsPart = c("ShortcomingsPart");
    public static final Resource FirstResponsibilityPart = c("FirstResponsibilityPart");
    public static final Resource NextYearPlansPart = c("NextYearPlansPart");
    public static final Resource OtherMattersPart = c("OtherMattersPart");
    public static final Resource PublicationDeadline = c("PublicationDeadline");
    public static final Resource DepartmentReportingDeadline = c("DepartmentReportingDeadline");
    public static final Resource FirstQuarterReporting = c("FirstQuarterReporting");
    public static final Resource outcomeReasons = c("outcomeReasons");
    public static final Resource TextIncomplete = c("TextIncomplete");
    public static final Resource NoDate = c("NoDate");
    public static final Resource PublicationDateUnknown = c("PublicationDateUnknown");
    public static final Resource ReportingDateUnknown = c("ReportingDateUnknown");
    public static final Resource NoYear = c("NoYear");
    public static final Resource MentionedOnly = c("MentionedOnly");
    public static final Resource RuleNotInForce = c("RuleNotInForce");
    public static final Resource NothingElseToReport = c("NothingElseToReport");
    public static final Resource NotAnAnnualReport = c("NotAnAnnualReport");
    public static final Resource NoRule = c("NoRule");
    public static final Resource dateSources = c("dateSources");
    public static final Resource PageDate = c("PageDate");
    public static final Resource SignatureDate = c("SignatureDate");
    public static final Resource DocumentPropertyDate = c("DocumentPropertyDate");

    /** The fz:Level individual of a level notation (province, county, new-area …), or null. */
    public static Resource levelOf(String notation) {
        if (notation == null) return null;
        return switch (notation) {
            case "province" -> ProvinceLevel;
            case "prefecture" -> PrefectureLevel;
            case "county" -> CountyLevel;
            case "district" -> DistrictLevel;
            case "new-area" -> NewAreaLevel;
            case "development-zone" -> DevelopmentZoneLevel;
            case "department" -> DepartmentLevel;
            default -> null;
        };
    }
}
