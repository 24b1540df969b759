package io.zhibiao.extract.engine.region;

/**
 * A mention of a division narrowed to one candidate by {@link RegionResolver}.
 *
 * @param mention  what the recognizer found
 * @param division the candidate chosen in the context of the document
 */
public record ResolvedMention(RegionMention mention, Division division) {

    public int start() {
        return mention.start();
    }

    public int end() {
        return mention.end();
    }
}
