/** Delivery bodies parsed with Jackson. */
@NullMarked
package io.bankflow.webhookingest.receiving.adapter.out.json;

import org.jspecify.annotations.NullMarked;
