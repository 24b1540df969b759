/** Zhibiao query-service. */
package io.zhibiao.query;
