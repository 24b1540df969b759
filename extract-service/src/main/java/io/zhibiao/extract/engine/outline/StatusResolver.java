package io.zhibiao.extract.engine.outline;

import java.util.regex.Matcher;

import io.zhibiao.extract.engine.cue.Cue;
import io.zhibiao.extract.engine.cue.CueGrammar;

/**
 * ACTUAL or TARGET for a figure (GUIDELINES: 计划, 拟, 将, 力争, 确保, 预计, 目标 → TARGET): a strong goal cue before
 * it in its sentence, a goals lead (主要预期目标是：) before it in its paragraph, or a section of goals make it a
 * TARGET; weak cues (将, 争取) count only outside a review section, where they usually narrate what was done.
 */
public final class StatusResolver {

    private final CueGrammar cues;

    public StatusResolver(CueGrammar cues) {
        this.cues = cues;
    }

    /**
     * @param sentencePrefix the sentence text before the number
     * @param paragraph      the number's paragraph in the outline
     * @param numberStart    offset of the number
     * @param anchorYear     the report's year, or null
     */
    public String resolve(String sentencePrefix, Outline.Paragraph paragraph, int numberStart, Integer anchorYear) {
        if (cues.matches(Cue.TARGET_STRONG, sentencePrefix)) {
            return "TARGET";
        }
        Matcher by = cues.pattern(Cue.TARGET_YEAR).matcher(sentencePrefix);
        while (by.find()) {
            if (anchorYear == null || Integer.parseInt(by.group(1)) >= anchorYear) {
                return "TARGET"; // 到2025年 in a 2024 report; 到2023年 in it is a past result
            }
        }
        if (paragraph.planLeadAt() >= 0 && numberStart >= paragraph.planLeadAt()) {
            return "TARGET";
        }
        if (paragraph.scope() == Scope.TARGET) {
            return "TARGET";
        }
        if (paragraph.scope() != Scope.ACTUAL && cues.matches(Cue.TARGET_WEAK, sentencePrefix)) {
            return "TARGET";
        }
        return "ACTUAL";
    }
}
