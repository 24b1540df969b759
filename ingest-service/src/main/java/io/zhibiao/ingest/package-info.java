/** Zhibiao ingest-service. */
package io.zhibiao.ingest;
