package io.zhibiao.extract.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import io.zhibiao.extract.engine.cue.TsvTable;

/**
 * Turns HTML or plain text into paragraphs of content, leaving out page boilerplate by general rules:
 * page chrome elements and link-dense blocks of HTML, and lines that are counters, metadata, navigation,
 * headline lists (led by timestamps) or teasers, plus everything after a footer marker near the end.
 * Rules come from grammar/boilerplate.tsv; keyword rules only judge short lines. Immutable and thread-safe.
 */
public final class TextCleaner {

    public static final String RESOURCE = "/grammar/boilerplate.tsv";
    /** Sentence punctuation: a line with some is prose, not a menu. */
    private static final Pattern PROSE = Pattern.compile("[。，；！？：,;]");
    private static final Pattern NAV_SEPARATORS = Pattern.compile("(?:\\s+|[|｜»>＞/])");
    private static final Pattern CHROME = Pattern.compile(
            "(?i)nav|menu|breadcrumb|crumb|footer|header|sidebar|share|comment|related|recommend|toolbar|copyright|pager|pagination");
    /** A footer only counts in the last part of a document, so a report citing 相关文件 keeps its body. */
    private static final double FOOTER_ZONE = 0.5;

    /** Lines up to this long are checked against the SHORT patterns; longer ones are prose. */
    private static final int SHORT_LINE = 60;

    private final List<Pattern> linePatterns;
    private final List<Pattern> shortLinePatterns;
    private final List<Pattern> footerPatterns;

    public TextCleaner(List<Pattern> linePatterns, List<Pattern> shortLinePatterns, List<Pattern> footerPatterns) {
        this.linePatterns = List.copyOf(linePatterns);
        this.shortLinePatterns = List.copyOf(shortLinePatterns);
        this.footerPatterns = List.copyOf(footerPatterns);
    }

    public static TextCleaner fromClasspath() {
        List<Pattern> lines = new ArrayList<>();
        List<Pattern> shortLines = new ArrayList<>();
        List<Pattern> footers = new ArrayList<>();
        for (String[] row : TsvTable.read(RESOURCE)) {
            Pattern p = Pattern.compile(row[1]);
            switch (row[0]) {
                case "LINE" -> lines.add(p);
                case "SHORT" -> shortLines.add(p);
                case "FOOTER" -> footers.add(p);
                default -> throw new IllegalArgumentException("boilerplate.tsv: unknown row kind " + row[0]);
            }
        }
        return new TextCleaner(lines, shortLines, footers);
    }

    /** Cleans a document: HTML when {@code html}, else plain text. */
    public CleanText clean(String content, boolean html) {
        List<String> lines = html ? htmlLines(content) : List.of(content.split("\\r?\\n|\\r"));
        return assemble(contentLines(lines));
    }

    /** The lines that carry content: boilerplate lines dropped, footer cut, whitespace normalized. */
    List<String> contentLines(List<String> rawLines) {
        List<String> lines = new ArrayList<>();
        for (String raw : rawLines) {
            String line = normalize(raw);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        int end = lines.size();
        for (int i = (int) (lines.size() * FOOTER_ZONE); i < lines.size(); i++) {
            if (anyFinds(footerPatterns, lines.get(i))) {
                end = i;
                break;
            }
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(0, end)) {
            if (!isBoilerplate(line)) {
                kept.add(line);
            }
        }
        return kept;
    }

    boolean isBoilerplate(String line) {
        if (anyFinds(linePatterns, line) || (line.length() <= SHORT_LINE && anyFinds(shortLinePatterns, line))) {
            return true;
        }
        // a menu or navigation bar: several short items separated by spaces or bars, no sentence punctuation
        return !PROSE.matcher(line).find() && NAV_SEPARATORS.split(line).length >= 4;
    }

    private static boolean anyFinds(List<Pattern> patterns, String line) {
        for (Pattern p : patterns) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** Trims, folds ideographic and no-break spaces, collapses runs of spaces. */
    private static String normalize(String raw) {
        return raw.replace('\u3000', ' ').replace('\u00a0', ' ').replace('\t', ' ')
                .replaceAll(" {2,}", " ").strip();
    }

    private static CleanText assemble(List<String> lines) {
        StringBuilder text = new StringBuilder();
        List<CleanText.Span> spans = new ArrayList<>();
        for (String line : lines) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            int start = text.length();
            text.append(line);
            spans.add(new CleanText.Span(start, text.length()));
        }
        return new CleanText(text.toString(), spans);
    }

    /** Block text of an HTML page, page chrome and link-dense blocks removed. */
    private List<String> htmlLines(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, iframe, nav, header, footer, aside, form, select, button").remove();
        for (Element e : new ArrayList<>(doc.body().getAllElements())) {
            String marker = e.id() + " " + e.className();
            if (e != doc.body() && e.parent() != null && CHROME.matcher(marker).find()) {
                e.remove();
            }
        }
        Elements blocks = doc.body().select("div, ul, ol, table, section");
        for (Element block : blocks) {
            if (block.parent() != null && isLinkDense(block)) {
                block.remove();
            }
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append('\n');
                }
            }
        }, doc.body());
        return List.of(out.toString().split("\n"));
    }

    /** More than half of the block's text inside links, and some links: a menu or a list of headlines. */
    private static boolean isLinkDense(Element block) {
        String text = block.text();
        if (text.isEmpty()) {
            return false;
        }
        Elements links = block.select("a");
        if (links.size() < 3) {
            return false;
        }
        int linkChars = 0;
        for (Element a : links) {
            linkChars += a.text().length();
        }
        return linkChars > 0.5 * text.length();
    }
}
