package io.zhibiao.extract.engine.outline;

/** What a section of a document states: goals, results, neither, or definitions not to extract. */
public enum Scope {
    /** a plan: its figures are TARGET (工作安排, 主要预期目标, 行动计划, 路径图) */
    TARGET,
    /** a review: its figures are ACTUAL unless a sentence says otherwise (工作回顾, 成绩单) */
    ACTUAL,
    /** no section cue: sentence cues decide */
    NEUTRAL,
    /** an appendix of term definitions (名词解释): not extracted */
    EXCLUDED
}
