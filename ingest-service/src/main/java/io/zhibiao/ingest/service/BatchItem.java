package io.zhibiao.ingest.service;

/**
 * The answer for one item of a batch (an NDJSON line or an uploaded file): a result, or the
 * problem that refused it.
 *
 * @param name "line N" or the file name
 */
public record BatchItem(int index, String name, IngestResult result, IngestProblem problem) {

    public static BatchItem of(int index, String name, IngestResult result) {
        return new BatchItem(index, name, result, null);
    }

    public static BatchItem refused(int index, String name, IngestProblem problem) {
        return new BatchItem(index, name, null, problem);
    }
}
