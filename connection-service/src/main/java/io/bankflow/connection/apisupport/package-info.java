/** What every API of the service shares: page cursors and sizes, parameter problems, the writer role check. */
@NullMarked
package io.bankflow.connection.apisupport;

import org.jspecify.annotations.NullMarked;
