package io.zhibiao.query.service;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; pass {@code nextCursor} back as {@code cursor} for the next one. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor of the next page; null on the last page.", nullable = true)
        String nextCursor) {
}
