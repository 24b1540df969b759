package io.zhibiao.extract.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.zhibiao.extract.engine.MentionAssembler.Draft;
import io.zhibiao.extract.engine.cue.CueGrammar;
import io.zhibiao.extract.engine.indicator.IndicatorFinder;
import io.zhibiao.extract.engine.indicator.IndicatorLexicon;
import io.zhibiao.extract.engine.number.Quantity;
import io.zhibiao.extract.engine.number.QuantityRecognizer;
import io.zhibiao.extract.engine.outline.Outline;
import io.zhibiao.extract.engine.outline.OutlineBuilder;
import io.zhibiao.extract.engine.period.PeriodExpression;
import io.zhibiao.extract.engine.period.PeriodGrammar;
import io.zhibiao.extract.engine.region.Division;
import io.zhibiao.extract.engine.region.DocumentRegions;
import io.zhibiao.extract.engine.region.Gazetteer;
import io.zhibiao.extract.engine.region.RegionRecognizer;
import io.zhibiao.extract.engine.region.RegionResolver;
import io.zhibiao.extract.engine.text.CleanText;
import io.zhibiao.extract.engine.text.PublicationDateFinder;
import io.zhibiao.extract.engine.text.Sentence;
import io.zhibiao.extract.engine.text.SentenceSplitter;
import io.zhibiao.extract.engine.text.TextCleaner;

/**
 * Turns one document into indicator mentions. Load once with {@link #fromClasspath()} (grammar, lexicon and
 * gazetteer are read into immutable objects); thread-safe afterwards.
 */
public final class ExtractionEngine {

    private static final String VERSION = loadVersion();

    private final TextCleaner cleaner;
    private final SentenceSplitter splitter;
    private final PublicationDateFinder dates;
    private final PeriodGrammar periodGrammar;
    private final OutlineBuilder outlines;
    private final RegionResolver regions;
    private final QuantityRecognizer quantities;
    private final MentionAssembler assembler;

    public ExtractionEngine(TextCleaner cleaner, PeriodGrammar periodGrammar, CueGrammar cues, IndicatorLexicon lexicon,
                            RegionResolver regions, QuantityRecognizer quantities) {
        this.cleaner = cleaner;
        this.splitter = new SentenceSplitter();
        this.dates = new PublicationDateFinder();
        this.periodGrammar = periodGrammar;
        this.outlines = new OutlineBuilder(cues);
        this.regions = regions;
        this.quantities = quantities;
        this.assembler = new MentionAssembler(cues,
                new IndicatorFinder(cues, lexicon, IndicatorFinder.defaultSegment()));
    }

    /** The engine over the classpath grammar (grammar/), lexicon (lexicon/) and gazetteer (gazetteer/). */
    public static ExtractionEngine fromClasspath() {
        Gazetteer gazetteer = Gazetteer.fromClasspath();
        return new ExtractionEngine(TextCleaner.fromClasspath(), PeriodGrammar.fromClasspath(),
                CueGrammar.fromClasspath(), IndicatorLexicon.fromClasspath(),
                new RegionResolver(RegionRecognizer.standard(gazetteer)), QuantityRecognizer.fromClasspath());
    }

    /**
     * Extracts the indicator mentions of a document. Never throws on odd text.
     *
     * @throws IllegalArgumentException when the document or its content is null or empty
     */
    public Extraction extract(SourceDocument doc) {
        if (doc == null || doc.content() == null || doc.content().isBlank()) {
            throw new IllegalArgumentException("document content is null or empty");
        }
        CleanText clean = cleaner.clean(doc.content(), doc.isHtml());                         // 1. text, no boilerplate
        String text = clean.text();
        String publishedAt = dates.find(doc.publishedAt(), doc.content()).orElse(null);        // 2. publication date
        List<Sentence> sentences = splitter.split(clean);                                      // 3. sentences
        List<PeriodExpression> periods = periodGrammar.find(text);                             // 4. time expressions
        Outline outline = outlines.build(clean, periods, year(publishedAt), doc.title());     // 5. sections: status, topic years
        DocumentRegions places = regions.resolve(text, doc.title(), doc.regionHint());        // 6. regions
        List<Quantity> numbers = quantities.recognize(text);                                   // 7. numbers with units
        List<Draft> drafts = readSentences(                                                    // 8. indicator, meaning,
                new MentionAssembler.DocumentContext(text, periods, outline, places), sentences, numbers); // status, period, region
        return new Extraction(text, publishedAt, places.documentRegion().map(this::ref).orElse(null), mentions(drafts));
    }

    /** The extractor version written into events, from version.properties beside this class (filtered from the pom). */
    public static String version() {
        return VERSION;
    }

    private List<Draft> readSentences(MentionAssembler.DocumentContext doc, List<Sentence> sentences,
                                      List<Quantity> numbers) {
        List<Draft> drafts = new ArrayList<>();
        int q = 0;
        Sentence previous = null;
        for (Sentence s : sentences) {
            List<Quantity> inSentence = new ArrayList<>();
            while (q < numbers.size() && numbers.get(q).start() < s.end()) {
                if (numbers.get(q).start() >= s.start()) {
                    inSentence.add(numbers.get(q));
                }
                q++;
            }
            Sentence before = previous != null && previous.paragraph() == s.paragraph() ? previous : null;
            if (!inSentence.isEmpty()) {
                drafts.addAll(assembler.sentence(doc, s, before, inSentence, drafts));
            }
            previous = s;
        }
        return drafts;
    }

    private List<IndicatorMention> mentions(List<Draft> drafts) {
        List<IndicatorMention> out = new ArrayList<>();
        for (Draft d : drafts) {
            out.add(new IndicatorMention(out.size(), d.q().text(), d.q().start(), d.q().end(), d.sentence().text(),
                    d.indicator().name(), d.indicator().code(), d.meaning().value(), d.meaning().unit(),
                    "COUNT".equals(d.meaning().unit()) ? d.q().measureWord() : null, d.meaning().kind(),
                    d.meaning().comparator(), d.status(),
                    d.period() == null ? null : d.period().start(), d.period() == null ? null : d.period().end(),
                    d.annualized(), d.region() == null ? null : ref(d.region())));
        }
        return out;
    }

    private RegionRef ref(io.zhibiao.extract.engine.region.FactRegion r) {
        return r.isNationwide() ? RegionRef.NATIONWIDE : ref(r.division());
    }

    private RegionRef ref(Division d) {
        List<RegionRef> parents = regions.recognizer().gazetteer().ancestors(d.code()).stream()
                .map(p -> new RegionRef(p.name(), p.code(), p.level().name(), List.of()))
                .toList();
        return new RegionRef(d.name(), d.code(), d.level().name(), parents);
    }

    private static Integer year(String isoDate) {
        return isoDate == null ? null : Integer.valueOf(isoDate.substring(0, 4));
    }

    private static String loadVersion() {
        try (InputStream in = ExtractionEngine.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/zhibiao/extract/engine/version.properties missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("extractor.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
