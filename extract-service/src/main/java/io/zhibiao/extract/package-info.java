/** Zhibiao extract-service. */
package io.zhibiao.extract;
