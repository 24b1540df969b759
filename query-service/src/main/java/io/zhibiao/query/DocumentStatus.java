package io.zhibiao.query;

/** Where a document stands in the read model. */
public enum DocumentStatus {
    /** Received, no complete extraction yet. */
    PENDING,
    /** Its indicators are those of its latest complete extraction. */
    EXTRACTED,
    /** Its latest extraction failed; it has no indicators. */
    FAILED
}
