/** Cursor pagination shared by every list endpoint: opaque cursors and the limit parameter. */
@NullMarked
package io.bankflow.httpapi.paging;

import org.jspecify.annotations.NullMarked;
